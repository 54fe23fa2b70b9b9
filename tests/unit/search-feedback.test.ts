import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import { buildIndex, loadIndex, serializeIndex, suggestForTicket } from '../../src/search/engine';
import { exportLearned, importLearned, learn, ticketWords } from '../../src/search/feedback';

const articles: Article[] = [
  { id: 'exchange-rate', title: 'Exchange rate', body: 'We use the market rate for foreign currency payments.', tags: [] },
  { id: 'card-lost', title: 'Lost card', body: 'Freeze a lost card in the app.', tags: [] },
  { id: 'top-up', title: 'Add money', body: 'Add money from a bank account.', tags: [] },
];

const query = { subject: '', latestMessage: 'How much do I pay when buying in dollars abroad?', thread: '' };

describe('learning from use', () => {
  it('finds an article for words it never used after an agent used it for such a ticket', () => {
    const index = buildIndex(articles);
    expect(suggestForTicket(index, query)[0]?.id).not.toBe('exchange-rate');
    learn(index, [{ ticket: { subject: '', latestMessage: 'paying in dollars while abroad' }, articleIds: ['exchange-rate'] }]);
    expect(suggestForTicket(index, query)[0]?.id).toBe('exchange-rate');
  });

  it('keeps only the ticket words the index would use, without greetings', () => {
    expect(ticketWords({ subject: 'Re: Dollars', latestMessage: 'Hi,\nI paid in dollars abroad.\nThanks,\nBo' })).toEqual(['dollars', 'paid', 'abroad']);
  });

  it('ignores unknown articles and tickets without words', () => {
    const index = buildIndex(articles);
    learn(index, [
      { ticket: { subject: '', latestMessage: 'dollars' }, articleIds: ['no-such-article'] },
      { ticket: { subject: '', latestMessage: 'Hi!' }, articleIds: ['card-lost'] },
    ]);
    expect(exportLearned(index)).toEqual({ version: 1, articles: {} });
  });

  it('stores and restores what was learned on a freshly loaded index', () => {
    const index = buildIndex(articles);
    learn(index, [{ ticket: { subject: 'dollars abroad', latestMessage: '' }, articleIds: ['exchange-rate'] }]);
    const stored = JSON.parse(JSON.stringify(exportLearned(index))) as unknown;
    const fresh = loadIndex(serializeIndex(buildIndex(articles)), articles);
    expect(importLearned(fresh, stored)).toBe(true);
    expect(suggestForTicket(fresh, query)).toEqual(suggestForTicket(index, query));
    expect(importLearned(fresh, { version: 2 })).toBe(false);
  });

  it('re-learning the same article keeps the index consistent', () => {
    const index = buildIndex(articles);
    for (let i = 0; i < 30; i++) learn(index, [{ ticket: { subject: '', latestMessage: `dollars abroad ${i}` }, articleIds: ['exchange-rate'] }]);
    expect(index.learned.words.get('exchange-rate')?.length).toBeLessThanOrEqual(60 * 30);
    expect(suggestForTicket(index, query)[0]?.id).toBe('exchange-rate');
  });
});
