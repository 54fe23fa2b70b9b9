// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../src/model/article';
import { DEFAULT_LAYOUT } from '../../src/model/messages';
import type { PageState, Ticket } from '../../src/model/ticket';
import { buildIndex } from '../../src/search/engine';
import { saveSettings } from '../../src/settings/settings';
import { App } from '../../src/sidebar/App';
import type { Knowledge } from '../../src/sidebar/knowledge';
import { readUsage } from '../../src/usage/store';
import { isoWeek } from '../../src/usage/model';
import { onUsageMessage } from '../../src/usage/channel';
import { useUiLocale } from '../support/i18n';

/** What the sidebar counts as the agent works, and how it tells a screen reader about new answers. */
const articles: Article[] = [
  { id: 'sso', title: 'SSO sign-in fails', body: 'Re-upload the SAML certificate for SSO sign-in.', tags: ['sso'], locale: 'en', url: 'https://help.example.com/sso' },
  { id: 'refund', title: 'Refund a double charge', body: 'Refund the second charge from the billing page.', tags: ['billing'], locale: 'en' },
];

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'SSO sign-in fails with SAML',
  latestMessage: 'SSO sign-in fails since the SAML certificate changed.',
  thread: 'SSO sign-in fails since the SAML certificate changed.',
  requester: { name: 'Dana Levi', email: 'dana@example.com' },
  tags: [],
};

let knowledge: Knowledge;
let host: HTMLElement;
beforeAll(() => {
  knowledge = { index: buildIndex(articles), articles: new Map(articles.map((a) => [a.id, a])), rules: null };
});
beforeEach(() => {
  fakeBrowser.reset();
  useUiLocale('en');
  // The background's listener, as entrypoints/background.ts registers it, for this extension's pages.
  fakeBrowser.runtime.onMessage.addListener((raw) => onUsageMessage(raw, { id: fakeBrowser.runtime.id }));
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const show = (page: PageState) =>
  act(() => {
    render(<App page={page} knowledge={knowledge} failure={null} connection={null} layout={DEFAULT_LAYOUT} onLayout={() => undefined} />, host);
  });
const ready = (t: Ticket = ticket): PageState => ({ state: 'ready', ticket: { ...t }, missing: [] });
const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
const $$ = (selector: string) => Array.from(host.querySelectorAll<HTMLElement>(selector));
const click = (el: HTMLElement) => act(() => el.click());
const week = () => (async () => (await readUsage()).weeks[isoWeek(new Date())])();

describe('usage counting in the sidebar', () => {
  it('counts each answer once per ticket as shown and used, and the thumbs as pressed', async () => {
    await show(ready());
    await vi.waitFor(() => expect($$('.thumb')).not.toHaveLength(0));
    await show(ready());
    const first = $('[data-testid="aa-suggestion"]');
    const id = first.getAttribute('data-article-id')!;
    await click(first.querySelector<HTMLElement>('.suggestion-title')!);
    await click(first.querySelector<HTMLElement>('.suggestion-title')!);
    await click(first.querySelector<HTMLElement>('.suggestion-title')!);
    await click(Array.from(first.querySelectorAll<HTMLElement>('.actions button')).find((b) => b.textContent === 'Copy')!);

    const [up, down] = Array.from(first.querySelectorAll<HTMLElement>('.thumb'));
    expect(up!.getAttribute('aria-label')).toBe('Good answer');
    expect(down!.getAttribute('aria-label')).toBe('Not a good answer');
    expect(up!.getAttribute('aria-pressed')).toBe('false');
    await click(up!);
    expect(up!.getAttribute('aria-pressed')).toBe('true');
    await click(up!);
    expect(up!.getAttribute('aria-pressed')).toBe('false');
    await click(up!);
    await click(down!);
    expect(up!.getAttribute('aria-pressed')).toBe('false');
    expect(down!.getAttribute('aria-pressed')).toBe('true');

    await vi.waitFor(async () => expect((await week())?.articles[id]?.down).toBe(1), { timeout: 4_000 });
    const counts = (await week())!.articles[id]!;
    expect(counts).toEqual({ shown: 1, opened: 1, inserted: 0, copied: 1, linked: 0, up: 0, down: 1 });
    // A confident answer: no content gap for this ticket.
    expect((await week())!.gaps).toEqual([]);
  });

  it('counts a ticket with no good answer as a content gap, by its words alone', async () => {
    await show(ready({ ...ticket, id: '35121', subject: 'Dana Levi: printer 4200 jams on tray 2 #48213', latestMessage: 'It jams.', thread: 'It jams.' }));
    await vi.waitFor(async () => expect((await week())?.gaps).toEqual([{ words: 'printer jams on tray', source: 'ticket', count: 1 }]), { timeout: 4_000 });
    expect(JSON.stringify(await readUsage())).not.toMatch(/35121|Dana|Levi|48213/);
  });

  it('counts nothing and offers no thumbs while counting is off', async () => {
    await saveSettings({ countUsage: false });
    await show(ready());
    await click($('.suggestion-title'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect($$('.thumb')).toEqual([]);
    expect(await week()).toBeUndefined();
  });
});

describe('announcing answers', () => {
  it('says how many once the agent pauses, from a polite live region, never the list itself', async () => {
    await show(ready());
    const announcer = $('[data-testid="aa-announcer"]');
    expect(announcer.getAttribute('role')).toBe('status');
    expect($('.suggestion-list').hasAttribute('aria-live')).toBe(false);
    await vi.waitFor(() => expect(announcer.textContent).toMatch(/^\d suggested answers?$/));

    const search = $<HTMLInputElement>('[data-testid="aa-search"]');
    for (const typed of ['r', 're', 'ref', 'refund']) {
      await act(() => {
        search.value = typed;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(announcer.textContent).toMatch(/suggested answers?$/);
    }
    await vi.waitFor(() => expect(announcer.textContent).toMatch(/^\d results?$/), { timeout: 3_000 });
  });
});
