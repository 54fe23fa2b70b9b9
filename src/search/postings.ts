import { decodeBase64, decodeBase64Into, encodeBase64 } from './base64';

/**
 * The inverted index in the form it is searched and shipped: a sorted dictionary and, per term, the documents
 * holding it with a one-byte impact (the term's precomputed weight in that document, see `impact.ts`).
 * Lists are byte-packed (gaps between document numbers as varints), so the shipped index is a few bytes per
 * posting. A loaded index keeps the shipped base64 and decodes a term's list the first time a query reads it:
 * loading costs a parse of the dictionary, not a pass over the lists.
 */
export interface Postings {
  /** Every indexed term, sorted by UTF-16 code units, so the terms sharing a prefix are one run. */
  readonly terms: readonly string[];
  /** Where each term's list starts in `bytes`; `starts[terms.length]` is the end. */
  readonly starts: Uint32Array;
  /** Per term: its document count, then (document-number gap, impact byte) pairs; counts and gaps are varints. */
  readonly bytes: Uint8Array;
  /** A loaded index: the lists as shipped (each padded to whole base64 groups), and which are decoded into `bytes`. */
  readonly shipped?: { base64: string; decoded: Uint8Array };
}

class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  varint(value: number): void {
    this.room(5);
    let v = value;
    while (v >= 128) {
      this.bytes[this.length++] = (v & 127) | 128;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Packs lists given as one run of document numbers and impacts per term: term `t`'s postings are
 * `docs[listStart[t]] .. docs[listStart[t + 1] - 1]`, documents ascending. `terms` must be sorted.
 */
export function encodePostings(terms: readonly string[], listStart: Int32Array, docs: Int32Array, impacts: Uint8Array): Postings {
  const writer = new ByteWriter();
  const starts = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) {
    starts[t] = writer.length;
    const from = listStart[t] as number;
    const to = listStart[t + 1] as number;
    writer.varint(to - from);
    let previous = 0;
    for (let p = from; p < to; p++) {
      const doc = docs[p] as number;
      writer.varint(doc - previous);
      writer.byte(impacts[p] as number);
      previous = doc;
    }
  }
  starts[terms.length] = writer.length;
  return { terms, starts, bytes: writer.result() };
}

/** The term's number in the dictionary, or -1. */
export function findTerm(postings: Postings, term: string): number {
  const { terms } = postings;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const found = terms[mid] as string;
    if (found === term) return mid;
    if (found < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The numbers of the terms that start with `prefix`, as a range [from, to). */
export function prefixRange(postings: Postings, prefix: string): [number, number] {
  const { terms } = postings;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < terms.length && (terms[to] as string).startsWith(prefix)) to++;
  return [lo, to];
}

function readVarint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[at.pos++] ?? 0;
    value += (byte & 127) * 2 ** shift;
    shift += 7;
  } while (byte >= 128);
  return value;
}

/** Makes sure the term's list is in `postings.bytes` (decoding it from the shipped base64 on first use). */
export function ensureList(postings: Postings, term: number): void {
  const { shipped, starts, bytes } = postings;
  if (!shipped || shipped.decoded[term] === 1) return;
  const start = starts[term] as number;
  decodeBase64Into(shipped.base64, (start / 3) * 4, ((starts[term + 1] as number) / 3) * 4, bytes, start);
  shipped.decoded[term] = 1;
}

// The document count leads each list as a varint of at most five bytes: two base64 groups hold it.
const HEAD = new Uint8Array(6);

/** How many documents hold the term; reads only the head of a list not yet decoded. */
export function documentFrequency(postings: Postings, term: number): number {
  const { shipped, starts } = postings;
  const start = starts[term] ?? 0;
  if (!shipped || shipped.decoded[term] === 1) return readVarint(postings.bytes, { pos: start });
  const end = Math.min(starts[term + 1] ?? 0, start + HEAD.length);
  HEAD.fill(0);
  decodeBase64Into(shipped.base64, (start / 3) * 4, (end / 3) * 4, HEAD, 0);
  return readVarint(HEAD, { pos: 0 });
}

/** The shipped form: the dictionary as one space-separated string, list lengths and lists as base64. */
export interface SerializedPostings {
  terms: string;
  /** Per term, its list's length in 3-byte groups, as varints. */
  lengths: string;
  /** The lists, each padded to whole 3-byte groups so that it can be decoded on its own. */
  lists: string;
}

// Terms never hold spaces (tokens are runs of letters, marks, digits and joiners), and a space needs no escape in JSON.
const TERM_SEPARATOR = ' ';
const GROUP = 3;

export function serializePostings(postings: Postings): SerializedPostings {
  const lengths = new ByteWriter();
  const lists = new ByteWriter();
  for (let t = 0; t < postings.terms.length; t++) {
    ensureList(postings, t);
    const start = postings.starts[t] as number;
    const end = postings.starts[t + 1] as number;
    const groups = Math.ceil((end - start) / GROUP);
    lengths.varint(groups);
    for (let i = start; i < end; i++) lists.byte(postings.bytes[i] as number);
    for (let i = end - start; i < groups * GROUP; i++) lists.byte(0);
  }
  return { terms: postings.terms.join(TERM_SEPARATOR), lengths: encodeBase64(lengths.result()), lists: encodeBase64(lists.result()) };
}

/** The lists from their shipped form, decoded as queries need them; undefined when the parts do not fit together. */
export function deserializePostings(data: SerializedPostings): Postings | undefined {
  const terms = data.terms ? data.terms.split(TERM_SEPARATOR) : [];
  const lengths = decodeBase64(data.lengths);
  if (!lengths) return undefined;
  const starts = new Uint32Array(terms.length + 1);
  const at = { pos: 0 };
  for (let t = 0; t < terms.length; t++) {
    if (at.pos >= lengths.length) return undefined;
    starts[t + 1] = (starts[t] as number) + readVarint(lengths, at) * GROUP;
  }
  const total = starts[terms.length] as number;
  if (at.pos !== lengths.length || (total / GROUP) * 4 !== data.lists.length || !/^[A-Za-z0-9+/]*$/.test(data.lists.slice(0, 64))) return undefined;
  return { terms, starts, bytes: new Uint8Array(total), shipped: { base64: data.lists, decoded: new Uint8Array(terms.length) } };
}
