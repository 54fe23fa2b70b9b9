import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import { decodeBase64, decodeBase64Into, encodeBase64 } from '../../src/search/base64';
import { buildIndex, loadIndex, serializeIndex } from '../../src/search/engine';
import { deserializePostings, documentFrequency, findTerm, prefixRange, serializePostings } from '../../src/search/postings';

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('decodes whole groups in place and rejects foreign characters', () => {
    const out = new Uint8Array(6);
    expect(decodeBase64Into(encodeBase64(new Uint8Array([1, 2, 3, 4, 5, 6])), 4, 8, out, 3)).toBe(true);
    expect([...out]).toEqual([0, 0, 0, 4, 5, 6]);
    expect(decodeBase64Into('ab$d', 0, 4, out, 0)).toBe(false);
    expect(decodeBase64('abc')).toBeUndefined();
  });
});

const articles: Article[] = [
  { id: 'a', title: 'Reset a password', body: 'Use the reset link. Passwords expire after 90 days.', tags: ['password'] },
  { id: 'b', title: 'Export invoices', body: 'Invoices export as PDF from Billing.', tags: [] },
  { id: 'c', title: 'איפוס סיסמה', body: 'השתמשו בקישור לאיפוס הסיסמה.', tags: [], locale: 'he' },
];

describe('postings', () => {
  const { postings } = buildIndex(articles);

  it('keeps a sorted dictionary with document counts', () => {
    expect([...postings.terms]).toEqual([...postings.terms].sort());
    expect(documentFrequency(postings, findTerm(postings, 'reset'))).toBe(1);
    expect(documentFrequency(postings, findTerm(postings, 'export'))).toBe(1);
    expect(findTerm(postings, 'nothing')).toBe(-1);
  });

  it('finds the run of terms that share a prefix', () => {
    const [from, to] = prefixRange(postings, 'pass');
    expect(postings.terms.slice(from, to)).toEqual(['password']);
    const [none, end] = prefixRange(postings, 'zzz');
    expect(end - none).toBe(0);
  });

  it('ships lists that decode, term by term, to the same bytes', () => {
    const loaded = deserializePostings(JSON.parse(JSON.stringify(serializePostings(postings))));
    expect(loaded?.terms).toEqual(postings.terms);
    for (let t = 0; t < postings.terms.length; t++) expect(documentFrequency(loaded!, t)).toBe(documentFrequency(postings, t));
    expect(serializePostings(loaded!)).toEqual(serializePostings(postings));
  });

  it('refuses shipped parts that do not fit together', () => {
    const shipped = serializePostings(postings);
    expect(deserializePostings({ ...shipped, lists: shipped.lists.slice(4) })).toBeUndefined();
    expect(deserializePostings({ ...shipped, terms: `${shipped.terms} extra` })).toBeUndefined();
  });
});

describe('loadIndex', () => {
  it('uses the shipped lists instead of indexing again', () => {
    const loaded = loadIndex(serializeIndex(buildIndex(articles)), articles);
    expect(loaded.postings.shipped).toBeDefined();
    expect(loadIndex(serializeIndex(buildIndex(articles)), articles.slice(0, 2)).postings.shipped).toBeUndefined();
  });
});
