// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../src/model/article';
import { DEFAULT_LAYOUT } from '../../src/model/messages';
import type { PageState } from '../../src/model/ticket';
import { buildIndex } from '../../src/search/engine';
import { App } from '../../src/sidebar/App';
import type { Knowledge } from '../../src/sidebar/knowledge';

const articles: Article[] = [{ id: 'refunds', title: 'Refund policy', body: 'Ask for your money back within 30 days.', tags: [] }];

const page: PageState = {
  state: 'ready',
  ticket: { id: '7', helpdesk: 'zendesk', url: 'https://acme.zendesk.com/agent/tickets/7', subject: 'Refund please', latestMessage: 'I want my money back', thread: '', tags: [] },
  missing: [],
};

const knowledgeWith = (extra: Partial<Knowledge> = {}): Knowledge => ({ index: buildIndex(articles), articles: new Map(articles.map((a) => [a.id, a])), rules: null, ...extra });

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => undefined, write: async () => undefined } });
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const show = (knowledge: Knowledge, updating = false) =>
  act(() => render(<App page={page} knowledge={knowledge} updating={updating} failure={null} connection={null} layout={DEFAULT_LAYOUT} onLayout={() => undefined} />, host));
const notice = () => host.querySelector('[data-testid="aa-storage-notice"]');
/** Uses the first answer, and lets the storage calls it starts settle. */
const useAnswer = () =>
  act(async () => {
    host.querySelector<HTMLButtonElement>('[data-testid="aa-insert"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

describe('the sidebar when the browser storage fails', () => {
  it('says that used answers are not remembered when they could not be loaded', async () => {
    await show(knowledgeWith({ learningUnavailable: true }));
    expect(notice()?.textContent).toMatch(/not remembered/);
  });

  it('says so when using an answer cannot be remembered, and stops once it can', async () => {
    await show(knowledgeWith());
    expect(notice()).toBeNull();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await useAnswer();
    expect(notice()?.textContent).toMatch(/not remembered/);
    // The answer itself still reached the agent.
    expect(host.querySelector('.notice:not([data-testid])')?.textContent).toBe('Answer copied.');

    get.mockRestore();
    await useAnswer();
    expect(notice()).toBeNull();
  });
});

describe('the sidebar while the knowledge base changes', () => {
  it('says its answers come from the current knowledge base until the change is in, and keeps showing them', async () => {
    await show(knowledgeWith(), true);
    expect(host.querySelector('[data-testid="aa-knowledge-updating"]')?.textContent).toMatch(/Updating the knowledge base/);
    expect(host.querySelectorAll('[data-testid="aa-suggestion"]').length).toBeGreaterThan(0);
    await show(knowledgeWith());
    expect(host.querySelector('[data-testid="aa-knowledge-updating"]')).toBeNull();
  });
});
