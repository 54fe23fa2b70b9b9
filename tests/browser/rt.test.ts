import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDEBAR_FRAME } from './harness';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/chromium';
import { isForeignRequest, recordRequest, type RecordedRequest } from './support/requests';
import { buildWithExtraHosts, startRequestTracker, type NewTicket, type RequestTracker } from './support/rt';

/**
 * A real Request Tracker 5 (Debian's request-tracker5 on a throwaway SQLite database, started by this test) with
 * tickets created through its REST 2 API in English, Arabic and Hebrew, opened after logging in through RT's
 * own form, with the extension built for RT's origin (EXTRA_HOSTS). RT loads a ticket's history after the page:
 * the first message is only there. Nothing is skipped: if RT cannot start, every test here fails with the reason.
 */
const TICKETS = {
  // The subject names no product: the suggestions can only come from the message, which RT loads later.
  english: {
    subject: 'Problem since this morning',
    requestor: 'Dana Levi <dana.levi@example.com>',
    priority: 100,
    content:
      'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side.\nDana',
  },
  arabic: {
    subject: 'لا أستطيع تسجيل الدخول إلى حسابي',
    requestor: 'ليلى حداد <layla.haddad@example.com>',
    priority: 50,
    content: 'مرحباً،\n\nلا أستطيع تسجيل الدخول إلى حسابي منذ الصباح. تظهر رسالة أن كلمة المرور غير صحيحة.\n\nشكراً،\nليلى',
  },
  hebrew: {
    subject: 'לא מצליח להתחבר לחשבון',
    requestor: 'נועה כהן <noa.cohen@example.com>',
    priority: 50,
    content: 'שלום,\n\nמאז הבוקר אני לא מצליח להתחבר לחשבון. מופיעה הודעה שהסיסמה שגויה.\n\nתודה,\nנועה',
  },
} satisfies Record<string, NewTicket>;

const sidebar = (page: Page): FrameLocator => page.frameLocator(SIDEBAR_FRAME);

async function waitForState(frame: FrameLocator, state: string, timeout = 30_000) {
  await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout }).toBe(state);
}

async function suggestionIds(frame: FrameLocator): Promise<string[]> {
  return frame.locator('[data-testid="aa-suggestion"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id') ?? ''));
}

describe('Request Tracker 5, running', () => {
  let rt: RequestTracker;
  let build: { dir: string; remove(): Promise<void> };
  let browser: ExtensionBrowser;
  let page: Page;
  const ids: Record<keyof typeof TICKETS, string> = { english: '', arabic: '', hebrew: '' };
  const requests: RecordedRequest[] = [];
  /** Why RT or the browser did not come up: every test fails with it (a failing hook would only skip them). */
  let failure: unknown;
  const started = () => {
    if (failure !== undefined) throw failure;
  };

  beforeAll(async () => {
    try {
      [rt, build] = await Promise.all([startRequestTracker(), buildWithExtraHosts('http://127.0.0.1/*')]);
      for (const key of Object.keys(TICKETS) as Array<keyof typeof TICKETS>) ids[key] = await rt.createTicket(TICKETS[key]);
      browser = await launchExtensionBrowser({
        extensionDir: build.dir,
        hosts: [],
        serverPort: rt.port,
        headless: true,
        blockOtherHosts: true,
        onRequest: (request) => requests.push(recordRequest(request)),
      });
      page = await browser.context.newPage();
      await rt.logIn(page);
    } catch (error) {
      failure = error;
    }
  }, 300_000); // builds the extension and starts RT: minutes on a busy two-core machine

  afterAll(async () => {
    await browser?.close();
    await Promise.all([rt?.stop(), build?.remove()]);
  });

  it('reads id, subject, requester, priority and the first message, which RT loads after the page', async () => {
    started();
    await page.goto(rt.ticketUrl(ids.english));
    const frame = sidebar(page);
    await waitForState(frame, 'ready');
    const ticket = frame.locator('[data-testid="aa-ticket"]');
    expect(await ticket.getAttribute('data-ticket-id')).toBe(ids.english);
    expect(await ticket.getAttribute('data-helpdesk')).toBe('rt');
    expect(await ticket.locator('h2').innerText()).toBe(TICKETS.english.subject);
    expect(await ticket.innerText()).toContain('Dana Levi <dana.levi@example.com>');
    expect(await ticket.locator('.chip').first().innerText()).toBe('High');
    // Only the message, in the history RT fetched after the page, speaks of SAML.
    expect(await page.locator('#delayed_ticket_history .transaction.message').count()).toBe(1);
    expect((await suggestionIds(frame)).slice(0, 3)).toContain('sso-saml-invalid-response');
  });

  it('follows a reply added through the API', async () => {
    started();
    await page.goto(rt.ticketUrl(ids.english));
    await waitForState(sidebar(page), 'ready');
    expect(await suggestionIds(sidebar(page))).not.toContain('billing-charged-twice');
    await rt.correspond(ids.english, 'Also, our card was charged twice for the subscription this month. Please refund the duplicate charge.');
    await page.reload();
    const frame = sidebar(page);
    await waitForState(frame, 'ready');
    await expect.poll(() => page.locator('#delayed_ticket_history .transaction.message').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => suggestionIds(frame), { timeout: 15_000 }).toContain('billing-charged-twice');
    expect(await frame.locator('[data-testid="aa-ticket"]').getAttribute('data-ticket-id')).toBe(ids.english);
  });

  it.each([
    ['arabic', 'ليلى حداد'],
    ['hebrew', 'נועה כהן'],
  ] as const)('reads the %s ticket right to left', async (key, requester) => {
    started();
    await page.goto(rt.ticketUrl(ids[key]));
    const frame = sidebar(page);
    await waitForState(frame, 'ready');
    const ticket = frame.locator('[data-testid="aa-ticket"]');
    expect(await ticket.getAttribute('data-ticket-id')).toBe(ids[key]);
    expect(await ticket.locator('h2').innerText()).toBe(TICKETS[key].subject);
    expect(await ticket.locator('h2').getAttribute('dir')).toBe('rtl');
    expect(await ticket.innerText()).toContain(requester);
    expect(await ticket.locator('.chip').first().innerText()).toBe('Medium');
    expect(await frame.locator('[data-testid="aa-suggestion"]').count()).toBeGreaterThan(0);
  });

  it('says no ticket on RT’s home page', async () => {
    started();
    await page.goto(`${rt.origin}/`);
    await waitForState(sidebar(page), 'no-ticket');
  });

  it('made no request to any other host', () => {
    started();
    const foreign = requests.filter((request) => isForeignRequest(request.url, { extensionId: browser.extensionId, pageHosts: new Set(['127.0.0.1']) }));
    expect(foreign).toEqual([]);
  });
});
