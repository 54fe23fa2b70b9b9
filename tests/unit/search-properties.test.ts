import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { LIMITS } from '../../src/model/limits';
import { RANKING } from '../../src/search/config';
import { buildIndex, type KnowledgeIndex, searchText, type Suggestion, suggestForTicket } from '../../src/search/engine';
import { PART_WEIGHTS, THREAD_CHARS, ticketQuery } from '../../src/search/query';
import { analyzeQuery } from '../../src/search/terms';
import { hugeText, textWith } from '../support/hostile-text';

// NFKC turns one code unit into at most 18 (U+FDFA).
const MAX_GROWTH = 18;
// A token yields at most its stem, a negation and one letter trigram a letter; joined runs yield their parts,
// their closed form and the whole code, so a query has at most a few terms for each character it holds.
const TERMS_PER_CHAR = 4;

let index: KnowledgeIndex;
let vocabulary: string[];

beforeAll(async () => {
  // The bundled base and the test base share a few ids: the index wants each once.
  const both = [...(await loadKnowledge('knowledge')), ...(await loadKnowledge('tests/fixtures/kb/basic'))];
  const articles = [...new Map(both.map((article) => [article.id, article])).values()];
  index = buildIndex(articles);
  // Words of the articles, so that random tickets match something and the ranking has work to do.
  vocabulary = [...new Set(articles.flatMap((article) => `${article.title} ${article.tags.join(' ')}`.split(/\s+/)).filter(Boolean))];
});

/** A ticket as an adapter delivers it: within the schema's limits, in any script, sometimes at its largest. */
const ticket = () =>
  fc.record({
    subject: fc.oneof(textWith(vocabulary, 12), hugeText(LIMITS.subject)).map((text) => text.slice(0, LIMITS.subject)),
    latestMessage: fc.oneof(textWith(vocabulary, 60), hugeText(LIMITS.latestMessage)).map((text) => text.slice(0, LIMITS.latestMessage)),
    thread: fc.oneof(textWith(vocabulary, 120), hugeText(LIMITS.thread)).map((text) => text.slice(0, LIMITS.thread)),
  });

function expectRanked(results: readonly Suggestion[], limit: number): void {
  expect(results.length).toBeLessThanOrEqual(limit);
  expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  for (const [i, result] of results.entries()) {
    expect(index.docs.has(result.id)).toBe(true);
    expect(Number.isFinite(result.score) && result.score > 0).toBe(true);
    if (i > 0) expect(result.score).toBeLessThanOrEqual(results[i - 1]!.score);
    expect(result.terms.length).toBeLessThanOrEqual(RANKING.maxQueryWords);
  }
}

describe('the query builder on random tickets', () => {
  it('gives weighted, non-empty parts of bounded length and a bounded number of distinct terms', () => {
    fc.assert(
      fc.property(ticket(), (t) => {
        const parts = ticketQuery(t);
        const bounds = new Map<number, number>([
          [PART_WEIGHTS.subject, t.subject.length],
          [PART_WEIGHTS.latest, t.latestMessage.length],
          [PART_WEIGHTS.thread, Math.min(t.thread.length, THREAD_CHARS)],
        ]);
        for (const part of parts) {
          expect(part.text.length).toBeGreaterThan(0);
          expect(part.text.length).toBeLessThanOrEqual(MAX_GROWTH * bounds.get(part.weight)!);
        }
        const terms = analyzeQuery(parts);
        expect(new Set(terms.map((term) => term.term)).size).toBe(terms.length);
        expect(terms.length).toBeLessThanOrEqual(TERMS_PER_CHAR * parts.reduce((sum, part) => sum + part.text.length, 0));
        for (const term of terms) expect(term.weight > 0 && term.weight <= PART_WEIGHTS.subject).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

describe('ranking on random tickets and lookups', () => {
  it('suggests at most the limit, best first, for any ticket', () => {
    fc.assert(
      fc.property(ticket(), fc.integer({ min: 0, max: 12 }), (t, limit) => {
        expectRanked(suggestForTicket(index, t, { limit }), limit);
      }),
      { numRuns: 80 },
    );
  });

  it('looks up any typed text, at most the limit, best first', () => {
    fc.assert(
      fc.property(fc.oneof(textWith(vocabulary, 4), hugeText(2_000)), fc.integer({ min: 0, max: 12 }), (text, limit) => {
        expectRanked(searchText(index, text, { limit }), limit);
      }),
      { numRuns: 300 },
    );
  });
});
