import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { buildIndex, type KnowledgeIndex, searchText, suggestForTicket } from '../../src/search/engine';
import { corrections, editsFor } from '../../src/search/fuzzy';

let index: KnowledgeIndex;

beforeAll(async () => {
  index = buildIndex(await loadKnowledge('tests/fixtures/kb/basic'));
});

describe('editsFor', () => {
  it('tolerates no edit below four letters, one below eight, two from eight', () => {
    expect(editsFor('sso')).toBe(0);
    expect(editsFor('refnd')).toBe(1);
    expect(editsFor('pasword')).toBe(1);
    expect(editsFor('authentcation')).toBe(2);
  });

  it('never corrects codes and numbers', () => {
    expect(editsFor('e-1022')).toBe(0);
    expect(editsFor('4290')).toBe(0);
  });
});

describe('corrections', () => {
  it('finds the dictionary words nearest to a misspelt one, nearest first', () => {
    const found = corrections(index.postings, 'refumd', 3);
    expect(found[0]).toEqual({ term: 'refund', distance: 1 });
    expect(found.every((c, i) => i === 0 || c.distance >= found[i - 1]!.distance)).toBe(true);
  });

  it('gives nothing for a short word or when none is near', () => {
    expect(corrections(index.postings, 'xq', 3)).toEqual([]);
    expect(corrections(index.postings, 'zzzzzzzz', 3)).toEqual([]);
  });
});

describe('typos in tickets and lookups', () => {
  it('finds the answer when the customer misspells a word', () => {
    expect(suggestForTicket(index, { subject: '', latestMessage: 'I want a refumd please', thread: 'I want a refumd please' })[0]?.id).toBe('refund-request');
  });

  it('finds the answer when the agent misspells a word in the lookup box', () => {
    const [best] = searchText(index, 'refumd ');
    expect(best?.id).toBe('refund-request');
    // "Why": the word as the agent typed it.
    expect(best?.terms).toContain('refumd');
  });

  it('corrects the word being typed when nothing completes it', () => {
    expect(searchText(index, 'refumd')[0]?.id).toBe('refund-request');
  });

  it('does not turn one error code into another', () => {
    expect(searchText(index, 'E-1022').map((s) => s.id)).not.toContain('sso-saml-error');
  });
});
