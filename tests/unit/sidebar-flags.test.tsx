// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onFlagMessage } from '../../src/flags/channel';
import { addFlag, readFlags } from '../../src/flags/store';
import type { Article } from '../../src/model/article';
import { DEFAULT_LAYOUT } from '../../src/model/messages';
import type { PageState, Ticket } from '../../src/model/ticket';
import { buildIndex } from '../../src/search/engine';
import { App } from '../../src/sidebar/App';
import type { Knowledge } from '../../src/sidebar/knowledge';

/** Flagging a suggested answer as wrong or outdated, from the sidebar, by mouse and by keyboard. */
const articles: Article[] = [
  { id: 'sso', title: 'SSO sign-in fails', body: 'Re-upload the SAML certificate for SSO sign-in.', tags: ['sso'], locale: 'en', owner: 'identity-team' },
  { id: 'refund', title: 'Refund a double charge', body: 'Refund the second charge from the billing page.', tags: ['billing'], locale: 'en' },
];

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'SSO sign-in fails with SAML',
  latestMessage: 'SSO sign-in fails since the SAML certificate changed. Call me on +44 20 7946 0958.',
  thread: 'SSO sign-in fails since the SAML certificate changed.',
  requester: { name: 'Dana Levi', email: 'dana@example.com' },
  tags: [],
};
const page: PageState = { state: 'ready', ticket, missing: [] };

let knowledge: Knowledge;
let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  // A fresh index each time: an answer used in one test is learned into the index it was used with.
  knowledge = { index: buildIndex(articles), articles: new Map(articles.map((a) => [a.id, a])), rules: null };
  // The background's listener, as entrypoints/background.ts registers it, for this extension's pages.
  fakeBrowser.runtime.onMessage.addListener((raw) => onFlagMessage(raw, { id: fakeBrowser.runtime.id }));
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => undefined), write: vi.fn(async () => undefined) } });
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const show = () =>
  act(() => {
    render(<App page={page} knowledge={knowledge} failure={null} connection={null} layout={DEFAULT_LAYOUT} onLayout={() => undefined} />, host);
  });
const card = (id: string) => host.querySelector<HTMLElement>(`[data-testid="aa-suggestion"][data-article-id="${id}"]`)!;
const within = <T extends Element = HTMLElement>(root: Element, selector: string) => root.querySelector<T>(selector)!;
const click = (el: HTMLElement) => act(() => el.click());
const notice = () => host.querySelector('.notice:not([data-testid])')?.textContent;
const key = (el: Element, name: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
const type = (el: HTMLTextAreaElement, text: string) =>
  act(() => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('flagging an answer in the sidebar', () => {
  it('keeps the reason, the comment masked, the answer, its owner and the ticket’s id, never its text', async () => {
    await show();
    const sso = card('sso');
    const flag = within<HTMLButtonElement>(sso, '[data-testid="aa-flag"]');
    expect(flag.textContent).toBe('Flag');
    expect(flag.getAttribute('aria-expanded')).toBe('false');
    expect(within(sso, '[data-testid="aa-flagged"]')).toBeNull();

    await click(flag);
    expect(flag.getAttribute('aria-expanded')).toBe('true');
    const form = within(sso, '[data-testid="aa-flag-form"]');
    expect(flag.getAttribute('aria-controls')).toBe(form.id);
    expect(form.querySelector('legend')?.textContent).toBe('What is wrong with this answer?');
    const reasons = Array.from(form.querySelectorAll<HTMLInputElement>('[data-testid="aa-flag-reason"]'));
    expect(reasons.map((radio) => [radio.value, radio.parentElement?.textContent?.trim()])).toEqual([
      ['wrong', 'Wrong'],
      ['outdated', 'Outdated'],
    ]);
    expect(document.activeElement).toBe(reasons[0]);

    // No reason chosen: said, and nothing kept.
    await click(within(form, '[data-testid="aa-flag-submit"]'));
    expect(within(form, '[role="alert"]').textContent).toBe('Choose Wrong or Outdated.');
    expect(await readFlags()).toEqual([]);

    await click(reasons[1]!);
    expect(within(form, '[role="alert"]')).toBeNull();
    await type(within<HTMLTextAreaElement>(form, '[data-testid="aa-flag-comment"]'), 'Step 3 moved; customer dana@example.com saw the old page.');
    await click(within(form, '[data-testid="aa-flag-submit"]'));
    await settle();

    expect(notice()).toBe("Flagged as outdated, and kept on this device for the answer's owner.");
    expect(within(sso, '[data-testid="aa-flag-form"]')).toBeNull();
    expect(document.activeElement).toBe(flag);
    expect(within(sso, '[data-testid="aa-flagged"]').textContent).toBe('Flagged: outdated');
    expect(within(card('refund'), '[data-testid="aa-flagged"]')).toBeNull();

    const [stored] = await readFlags();
    expect(stored).toMatchObject({
      articleId: 'sso',
      title: 'SSO sign-in fails',
      owner: 'identity-team',
      reason: 'outdated',
      comment: 'Step 3 moved; customer [hidden email] saw the old page.',
      helpdesk: 'zendesk',
      ticketId: '35120',
    });
    expect(JSON.stringify(await readFlags())).not.toMatch(/SAML certificate changed|Dana|7946|dana@/);
  });

  it('is all keyboard: letters go into the comment, not to the answer’s keys; Escape closes', async () => {
    await show();
    const sso = card('sso');
    const flag = within<HTMLButtonElement>(sso, '[data-testid="aa-flag"]');
    await click(flag);
    const comment = within<HTMLTextAreaElement>(sso, '[data-testid="aa-flag-comment"]');
    for (const letter of ['c', 'i', 'l']) await key(comment, letter);
    await key(within(sso, '[data-testid="aa-flag-reason"]'), 'ArrowDown');
    await settle();
    expect(notice()).toBeUndefined();
    expect(navigator.clipboard.writeText).not.toHaveBeenCalled();

    await key(comment, 'Escape');
    expect(within(sso, '[data-testid="aa-flag-form"]')).toBeNull();
    expect(flag.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(flag);
    expect(await readFlags()).toEqual([]);
  });

  it('marks answers flagged before, and as other pages flag them', async () => {
    await addFlag({ id: 'f1', articleId: 'refund', title: 'Refund a double charge', reason: 'wrong', comment: '', at: '2026-11-18T10:00:00.000Z' });
    await show();
    await vi.waitFor(() => expect(within(card('refund'), '[data-testid="aa-flagged"]')?.textContent).toBe('Flagged: wrong'));
    await act(() => addFlag({ id: 'f2', articleId: 'sso', title: 'SSO sign-in fails', reason: 'outdated', comment: '', at: '2026-11-18T11:00:00.000Z' }));
    await vi.waitFor(() => expect(within(card('sso'), '[data-testid="aa-flagged"]')?.textContent).toBe('Flagged: outdated'));
  });

  it('says so when the flag cannot be stored, and keeps the form and what was written', async () => {
    await show();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const sso = card('sso');
    await click(within(sso, '[data-testid="aa-flag"]'));
    await click(sso.querySelectorAll<HTMLInputElement>('[data-testid="aa-flag-reason"]')[0]!);
    await type(within<HTMLTextAreaElement>(sso, '[data-testid="aa-flag-comment"]'), 'Wrong plan name');
    await click(within(sso, '[data-testid="aa-flag-submit"]'));
    await settle();
    expect(notice()).toBe('Browser storage is not available: the flag was not saved. Try again.');
    expect(within<HTMLTextAreaElement>(sso, '[data-testid="aa-flag-comment"]').value).toBe('Wrong plan name');
    expect(within(sso, '[data-testid="aa-flagged"]')).toBeNull();
    expect(host.querySelector('[data-testid="aa-sidebar"]')?.getAttribute('data-state')).toBe('ready');
  });

  it('works in the sidebar even when the flags cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    await show();
    await settle();
    expect(host.querySelectorAll('[data-testid="aa-suggestion"]').length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid="aa-flagged"]')).toBeNull();
  });
});
