import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import { buildIndex, searchText, suggestForTicket } from '../../src/search/engine';

const NOW = new Date('2026-11-01T00:00:00Z');

function article(id: string, body: string, freshness: Partial<Article> = {}): Article {
  return { id, title: 'Refund to a closed account', body, tags: [], locale: 'en', ...freshness };
}

const body = 'A refund to a closed bank account comes back to us and is sent again to the new account within ten days.';

describe('stale answers', () => {
  it('rank a little lower than a fresh answer that matches as well, and say they are stale', () => {
    const index = buildIndex([
      article('stale', body, { verified: '2026-01-01', verifyEvery: '90d', owner: 'payments-team' }),
      article('fresh', body, { verified: '2026-10-01', verifyEvery: '90d', owner: 'payments-team' }),
      article('unknown', body),
    ]);
    const results = searchText(index, 'refund closed account', { now: NOW });
    expect(results.map((r) => [r.id, r.stale])).toEqual([
      ['fresh', false],
      ['unknown', false],
      ['stale', true],
    ]);
    expect(results[0]).toMatchObject({ verified: '2026-10-01', owner: 'payments-team' });
    expect(results[1]?.verified).toBeUndefined();
    const [stale, fresh] = [results[2]?.score ?? 0, results[0]?.score ?? 0];
    expect(stale / fresh).toBeCloseTo(0.85, 5);
  });

  it('still come first when they are clearly the better match', () => {
    const index = buildIndex([
      article('stale', `${body} Refunds to closed accounts need the new IBAN.`, { verified: '2024-05-01' }),
      article('fresh', 'Card payments abroad carry a fee.', { verified: '2026-10-01' }),
    ]);
    const [first] = suggestForTicket(index, { subject: 'Refund to my closed account', latestMessage: 'I closed my account, where does the refund go? Do you need my new IBAN?', thread: '' }, { now: NOW });
    expect(first).toMatchObject({ id: 'stale', stale: true });
  });

  it('give their place to answers beyond the first page when those now score higher', () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(`stale-${i}`, body, { verified: '2025-01-01' }));
    // The same answer with a few words more: it scores a little lower than each of the others.
    articles.push(article('fresh-but-weaker', `${body} Ask us if it does not arrive.`, { verified: '2026-10-01' }));
    const results = searchText(buildIndex(articles), 'refund closed bank account', { limit: 3, now: NOW });
    const unpenalised = searchText(buildIndex(articles), 'refund closed bank account', { limit: 3, now: new Date('2025-06-01T00:00:00Z') });
    expect(unpenalised.map((r) => r.id)).not.toContain('fresh-but-weaker');
    expect(results[0]?.id).toBe('fresh-but-weaker');
    expect(results).toHaveLength(3);
  });
});
