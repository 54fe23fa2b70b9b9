import { decodeEscapes } from '../text/normalize';

/**
 * Dirty text as exports deliver it: invisible characters, escapes that were never decoded, UTF-8 read as
 * Latin-1 or Windows-1252 (mojibake), and characters lost to a wrong decoding (U+FFFD). Lint reports each in
 * the source; `repairText` fixes what can be fixed without guessing and says what it did and what it could not.
 */

/** Zero-width characters, joiners, bidi marks, embeddings, overrides and isolates, soft hyphen, BOM. */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
/** Escapes that reached the text undecoded: \u200b, \xa0, and entities of invisible characters. */
export const LITERAL_ESCAPE =
  /\\u\{[0-9a-f]{1,6}\}|\\u[0-9a-f]{4}|\\x[0-9a-f]{2}|&(?:nbsp|zwj|zwnj|zwsp|lrm|rlm|shy);|&#(?:x200[b-f]|x202[a-e]|x206[0-9a-f]|xfeff|xad|820[3-7]|173|65279);/i;

// What Windows-1252 makes of the bytes 0x80-0xBF (UTF-8 continuation bytes), besides Latin-1's U+0080-U+00BF.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CONTINUATION = '\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
/**
 * UTF-8 read as Latin-1 or Windows-1252: a lead byte's letter followed by as many continuation bytes'
 * characters as it announces. "Ã©" for é, "â€™" for ’, "Ø§" for ا, "×©" for ש.
 */
export const MOJIBAKE = new RegExp(`[\\u00c2-\\u00df][${CONTINUATION}]|[\\u00e0-\\u00ef][${CONTINUATION}]{2}|[\\u00f0-\\u00f4][${CONTINUATION}]{3}`, 'u');

/** Byte of each character that Latin-1 or Windows-1252 decodes from a single byte. */
const BYTE_OF = new Map<string, number>();
for (let byte = 0; byte < 256; byte++) BYTE_OF.set(String.fromCharCode(byte), byte);
[...CP1252_HIGH].forEach((char, i) => BYTE_OF.set(char, 0x80 + i));

// Runs of characters that all map back to single bytes, without spaces: mojibake never spans a space, and
// a word of correct Latin-1 text next to a garbled one is then left as it is.
const BYTE_RUN = new RegExp(`[\\u0021-\\u00ff${CP1252_HIGH}]+`, 'gu');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Windows-1252 bytes as text (Node's own decoder reads that label as Latin-1); undefined bytes as Latin-1 does. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** A run re-decoded as UTF-8, or undefined when its bytes are not valid UTF-8 (then it was not mojibake). */
function redecode(run: string): string | undefined {
  const bytes = Uint8Array.from(run, (char) => BYTE_OF.get(char) ?? 0);
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Re-decodes each garbled word whose bytes form valid UTF-8, again for a word garbled twice over.
 * Returns the text and the first repair made, for the notice.
 */
function repairMojibake(text: string): { text: string; example?: string } {
  let example: string | undefined;
  const repaired = text.replace(BYTE_RUN, (run) => {
    let current = run;
    for (let pass = 0; pass < 2 && MOJIBAKE.test(current); pass++) {
      const decoded = redecode(current);
      if (decoded === undefined) break;
      current = decoded;
    }
    if (current !== run) example ??= `"${run}" → "${current}"`;
    return current;
  });
  return example === undefined ? { text } : { text: repaired, example };
}

export interface Repair {
  text: string;
  /** What was changed, in words. */
  fixed: string[];
  /** What is wrong and was left as it is. */
  flagged: string[];
}

const ESCAPES = new RegExp(LITERAL_ESCAPE.source, 'gi');
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

/**
 * Fixes what is safe to fix in one text: literal escapes decoded, mojibake re-decoded where the bytes
 * round-trip to valid UTF-8, invisible characters removed (a leading byte-order mark silently). Replacement
 * characters cannot be undone and are flagged, as is mojibake that did not round-trip.
 * In `markup` (sanitised HTML) only escapes of invisible characters are removed: decoding `\u003c` or `&lt;`
 * there would make markup of text.
 */
export function repairText(input: string, markup = false): Repair {
  const fixed: string[] = [];
  const flagged: string[] = [];
  let text = input.replace(/^\ufeff/, '');
  const escapes = text.match(ESCAPES);
  if (escapes && markup) {
    text = text.replace(ESCAPES, (escape) => (INVISIBLE.test(decodeEscapes(escape)) ? '' : escape));
  } else if (escapes) {
    text = decodeEscapes(text);
    fixed.push(`decoded ${escapes.length} literal escape sequence(s) such as "${escapes[0]}"`);
  }
  // Before the invisible characters go: U+00AD is a soft hyphen, but also what Latin-1 makes of the byte
  // 0xAD in "ح" (0xD8 0xAD).
  const repaired = repairMojibake(text);
  if (repaired.example) fixed.push(`repaired garbled encoding (UTF-8 read as Latin-1 or Windows-1252): ${repaired.example}`);
  text = repaired.text;
  const invisible = text.match(INVISIBLES);
  if (invisible) {
    text = text.replace(INVISIBLES, '');
    fixed.push(`removed ${invisible.length} invisible character(s) (zero-width or bidi control)`);
  }
  const garbled = MOJIBAKE.exec(text);
  if (garbled) flagged.push(`garbled encoding ("${garbled[0]}") that does not re-decode cleanly: fix it in the source`);
  if (text.includes('\ufffd')) flagged.push('replacement character U+FFFD: text lost to a wrong decoding, fix it in the source');
  return { text, fixed, flagged };
}
