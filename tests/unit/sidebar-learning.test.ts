import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../src/model/article';
import type { Ticket } from '../../src/model/ticket';
import { buildIndex, suggestForTicket } from '../../src/search/engine';
import { recordUse, restoreLearning } from '../../src/knowledge/learning';

const articles: Article[] = [
  { id: 'refunds', title: 'Refund policy', body: 'How to ask for your money back within 30 days.', tags: [] },
  { id: 'invoices', title: 'Download invoices', body: 'Invoices are in Billing settings as PDF files.', tags: [] },
];

const ticket: Ticket = {
  id: '1',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  subject: 'Reimbursement for the duplicate transaction',
  latestMessage: 'Please reimburse the duplicate transaction on my statement.',
  thread: '',
  tags: [],
};

describe('learning from use in the sidebar', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lifts the used answer for similar tickets in every sidebar, after a reload too', async () => {
    const first = buildIndex(articles);
    expect(suggestForTicket(first, ticket)[0]?.id).not.toBe('refunds');
    await recordUse(first, ticket, 'refunds');
    expect(suggestForTicket(first, ticket)[0]?.id).toBe('refunds');

    const reloaded = buildIndex(articles);
    await restoreLearning(reloaded);
    expect(suggestForTicket(reloaded, { ...ticket, subject: 'duplicate transaction reimbursement' })[0]?.id).toBe('refunds');
  });

  it('does not overwrite what another sidebar learned meanwhile', async () => {
    const a = buildIndex(articles);
    const b = buildIndex(articles);
    await recordUse(a, ticket, 'refunds');
    await recordUse(b, { ...ticket, subject: 'Where is my receipt', latestMessage: 'I need the receipt for accounting' }, 'invoices');
    const stored = (await fakeBrowser.storage.local.get('learned')).learned as { articles: Record<string, string[]> };
    expect(Object.keys(stored.articles).sort()).toEqual(['invoices', 'refunds']);
  });
});
