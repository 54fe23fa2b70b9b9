import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOADING_GRACE_MS as GRACE_MS } from '../../src/content/grace';
import { launchWithExtension, type Harness } from './harness';

/**
 * The helpdesk page changes under the sidebar: views that load slowly or never finish, other extensions that
 * wrap the page's text and editors, the same or different tickets in several tabs, and re-renders that remove
 * the sidebar's frame. Each test compares with the same ticket on a page that behaves.
 */
const ORIGIN = 'http://acme.zendesk.com';
const ticketUrl = (id: string, query = '') => `${ORIGIN}/agent/tickets/${id}${query}`;
const SSO = { id: '35120', subject: 'Can\'t sign in with SSO: "SAML response is invalid"', requester: 'Dana Levi' };
/** A customer message that moves the answers away from single sign-on. */
const BILLING = 'Separate question: I was charged twice for my subscription this month, please refund the duplicate charge.';
const EDITOR = '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]';


interface DemoWindow {
  demoHelpdesk: {
    open(id: string): void;
    addMessage(id: string, text: string, fromCustomer: boolean): void;
    finishLoading(id: string): void;
  };
}

const sidebarRoot = (frame: FrameLocator) => frame.locator('[data-testid="aa-sidebar"]');
const state = (frame: FrameLocator) => sidebarRoot(frame).getAttribute('data-state');
const ticketId = (frame: FrameLocator) => frame.locator('[data-testid="aa-ticket"]').getAttribute('data-ticket-id');
const suggestionIds = (frame: FrameLocator) =>
  frame.locator('[data-testid="aa-suggestion"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id') ?? ''));

/** What the sidebar shows of the ticket: the card, the guidance and the answers. */
async function shown(frame: FrameLocator) {
  const escalation = frame.locator('[data-testid="aa-escalation"]');
  return {
    id: await ticketId(frame),
    subject: await frame.locator('[data-testid="aa-ticket"] .ticket-subject').textContent(),
    requester: await frame.locator('[data-testid="aa-ticket"] div.muted').textContent(),
    severity: await escalation.getAttribute('data-severity'),
    team: await escalation.getAttribute('data-team'),
    suggestions: await suggestionIds(frame),
  };
}

const addMessage = (page: Page, id: string, text: string) =>
  page.evaluate(([ticket, message]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage(ticket, message, true), [id, text] as const);

/**
 * Other extensions in the same page, as their content scripts behave: a translator wrapping every piece of text
 * in `<font>` pairs as it appears, a Grammarly-like checker putting its shadow-rooted `<grammarly-extension>`
 * next to each editor, marking it and wrapping it in its own element, and another extension mounting its UI in a
 * shadow host at the start of the body.
 */
function otherExtensions(): void {
  const wrapText = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.nodeValue?.trim() || parent.closest('script, style, [contenteditable], font[data-translated], #other-extension-root')) continue;
      texts.push(node as Text);
    }
    for (const text of texts) {
      const outer = document.createElement('font');
      outer.setAttribute('style', 'vertical-align: inherit;');
      outer.dataset.translated = '';
      const inner = document.createElement('font');
      inner.setAttribute('style', 'vertical-align: inherit;');
      text.replaceWith(outer);
      inner.append(text);
      outer.append(inner);
    }
  };
  const checkEditors = () => {
    for (const editor of Array.from(document.querySelectorAll<HTMLElement>('[contenteditable="true"]:not([data-gramm])'))) {
      editor.setAttribute('data-gramm', 'true');
      editor.setAttribute('data-gramm_editor', 'true');
      editor.setAttribute('data-enable-grammarly', 'true');
      const wrapper = document.createElement('div');
      wrapper.className = 'gr-textarea-wrapper';
      editor.replaceWith(wrapper);
      const badge = document.createElement('grammarly-extension');
      badge.setAttribute('data-grammarly-shadow-root', 'true');
      badge.attachShadow({ mode: 'open' }).innerHTML = '<div class="gr-badge" role="button">3 suggestions</div>';
      wrapper.append(badge, editor);
    }
  };
  const mountOwnUi = () => {
    const host = document.createElement('div');
    host.id = 'other-extension-root';
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><p>Translate this page?</p><button>Translate</button></div>';
    document.body.prepend(host);
  };
  document.addEventListener('DOMContentLoaded', () => {
    mountOwnUi();
    wrapText(document.body);
    checkEditors();
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach((node) => wrapText(node));
      checkEditors();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

describe('a helpdesk page that changes under the sidebar', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function ready(url: string): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await harness.openTicketPage(url);
    const frame = harness.sidebar(page);
    await expect.poll(() => state(frame), { timeout: 15_000 }).toBe('ready');
    return { page, frame };
  }

  it('ends a view stuck on its loading skeleton in unreadable, and reads it once it loads', async () => {
    const opened = Date.now();
    const page = await harness.openTicketPage(ticketUrl(SSO.id, '?subjectAt=never&messagesAt=never'));
    const frame = harness.sidebar(page);
    await expect.poll(() => state(frame), { timeout: 20_000 }).toBe('unreadable');
    // Not before the grace period: a view that is still loading is not called unreadable.
    expect(Date.now() - opened).toBeGreaterThanOrEqual(GRACE_MS);
    const status = await sidebarRoot(frame).innerText();
    expect(status).toContain(SSO.id);
    expect(status).toMatch(/subject/i);
    // And it stays so: no endless spinner coming back.
    await page.waitForTimeout(GRACE_MS);
    expect(await state(frame)).toBe('unreadable');

    await page.evaluate((id) => (window as unknown as DemoWindow).demoHelpdesk.finishLoading(id), SSO.id);
    await expect.poll(() => state(frame), { timeout: 15_000 }).toBe('ready');
    expect(await shown(frame)).toMatchObject({ id: SSO.id, subject: SSO.subject });
    await page.close();
  });

  it('picks up a subject and a conversation that arrive after the view', async () => {
    const plain = await ready(ticketUrl(SSO.id));
    const expected = await shown(plain.frame);
    await plain.page.close();

    // The conversation after one second, the subject after two, set as a framework sets an input's value.
    const page = await harness.openTicketPage(ticketUrl(SSO.id, '?messagesAt=1000&subjectAt=2000'));
    const frame = harness.sidebar(page);
    await expect.poll(() => state(frame), { timeout: 15_000 }).toBe('ready');
    expect(await shown(frame)).toEqual(expected);
    await page.close();

    // A subject that comes after the grace period, with nothing else in the page changing then.
    const slower = await harness.openTicketPage(ticketUrl(SSO.id, `?messagesAt=500&subjectAt=${GRACE_MS + 1_000}`));
    const slowerFrame = harness.sidebar(slower);
    await expect.poll(() => state(slowerFrame), { timeout: 15_000 }).toBe('unreadable');
    await expect.poll(() => state(slowerFrame), { timeout: 15_000 }).toBe('ready');
    expect(await shown(slowerFrame)).toEqual(expected);
    await slower.close();
  });

  it('reads pages that other extensions wrap, and inserts into their wrapped editors', async () => {
    const plain = await ready(ticketUrl(SSO.id));
    const expected = await shown(plain.frame);
    await addMessage(plain.page, SSO.id, BILLING);
    await expect.poll(() => suggestionIds(plain.frame)).not.toEqual(expected.suggestions);
    const afterMessage = await suggestionIds(plain.frame);
    await plain.page.close();

    const page = await harness.context.newPage();
    await page.addInitScript(otherExtensions);
    await page.goto(ticketUrl(SSO.id));
    const frame = harness.sidebar(page);
    await expect.poll(() => state(frame), { timeout: 15_000 }).toBe('ready');
    // The wrappers are there: the text is in translator fonts, the editor in the checker's wrapper.
    expect(await page.locator('[data-test-id="omni-log-message-content"] font[data-translated]').count()).toBeGreaterThan(0);
    expect(await page.locator(`.gr-textarea-wrapper > grammarly-extension + ${EDITOR.split(' ').at(-1)}`).count()).toBeGreaterThan(0);
    expect(await page.locator('body > #other-extension-root:first-child').count()).toBe(1);
    expect(await shown(frame)).toEqual(expected);

    // A message that arrives later is wrapped as it appears, and read all the same.
    await addMessage(page, SSO.id, BILLING);
    await expect.poll(() => suggestionIds(frame)).toEqual(afterMessage);

    const editor = page.locator(EDITOR).first();
    await editor.click();
    await page.keyboard.type('Hello Dana,');
    await frame.locator('[data-testid="aa-suggestion"]').first().locator('[data-testid="aa-insert"]').click();
    await expect.poll(async () => (await editor.innerText()).length).toBeGreaterThan('Hello Dana,'.length + 40);
    expect(await editor.innerText()).toMatch(/^Hello Dana,/);
    await page.close();
  });

  it('shows each tab its own ticket: the same ticket in two tabs, and two different tickets', async () => {
    const first = await ready(ticketUrl(SSO.id));
    const second = await ready(ticketUrl(SSO.id));
    const before = await suggestionIds(second.frame);
    // A message in one tab changes that tab's answers only.
    await addMessage(first.page, SSO.id, BILLING);
    await expect.poll(() => suggestionIds(first.frame)).not.toEqual(before);
    await first.page.waitForTimeout(500);
    expect(await suggestionIds(second.frame)).toEqual(before);
    expect(await ticketId(second.frame)).toBe(SSO.id);

    // Two different tickets, and one tab moving on to a third in the app.
    const third = await ready(ticketUrl('35121'));
    expect(await ticketId(third.frame)).toBe('35121');
    await first.page.evaluate(() => (window as unknown as DemoWindow).demoHelpdesk.open('35122'));
    await expect.poll(() => ticketId(first.frame)).toBe('35122');
    expect(await ticketId(second.frame)).toBe(SSO.id);
    expect(await ticketId(third.frame)).toBe('35121');

    // A tab closing leaves the others working.
    await first.page.close();
    await addMessage(third.page, '35121', BILLING);
    await expect.poll(() => suggestionIds(third.frame)).toContain('billing-charged-twice');
    expect(await ticketId(second.frame)).toBe(SSO.id);
    await second.page.close();
    await third.page.close();
  });

  it('gets the sidebar back, once, when a re-render removes it', async () => {
    const { page } = await ready(ticketUrl(SSO.id));
    const hosts = () => page.locator('#deskmate-sidebar-host').count();
    await page.evaluate(() => document.getElementById('deskmate-sidebar-host')?.remove());
    await expect.poll(hosts).toBe(1);
    await expect.poll(() => state(harness.sidebar(page)), { timeout: 15_000 }).toBe('ready');
    expect(await ticketId(harness.sidebar(page))).toBe(SSO.id);

    // The whole body re-rendered without it.
    await page.evaluate(() => document.body.replaceChildren(...Array.from(document.body.children).filter((el) => el.id !== 'deskmate-sidebar-host')));
    await expect.poll(hosts).toBe(1);
    await expect.poll(() => state(harness.sidebar(page)), { timeout: 15_000 }).toBe('ready');

    // A re-render that takes the frame out and puts the old one back later leaves one sidebar, not two.
    await page.evaluate(async () => {
      const old = document.getElementById('deskmate-sidebar-host')!;
      old.remove();
      await new Promise((resolve) => setTimeout(resolve, 500));
      document.body.append(old);
    });
    await page.waitForTimeout(1_000);
    expect(await hosts()).toBe(1);
    await expect.poll(() => state(harness.sidebar(page)), { timeout: 15_000 }).toBe('ready');
    expect(harness.foreignRequests()).toEqual([]);
    await page.close();
  });
});
