import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDEBAR_PORT } from '../../src/model/limits';
import { LIMITS, type PageState } from '../../src/model/ticket';
import { FIVE_MB, padDemoThread } from '../support/huge-thread';
import { launchWithExtension, type Harness } from './harness';

/**
 * A ticket whose conversation is 5 MB when the helpdesk renders it, under the real host names: the sidebar shows
 * the right ticket, and what the content script hands it holds the newest customer message and a capped thread.
 * Functional checks only; what the read costs the page is measured by `npm run bench`.
 */

const CASES = [
  { helpdesk: 'zendesk', url: 'http://acme.zendesk.com/agent/tickets/35120', ticket: '35120' },
  { helpdesk: 'freshdesk', url: 'http://acme.freshdesk.com/a/tickets/742', ticket: '742' },
] as const;

/** The demo tickets' newest customer message, which the padding leaves the newest. */
const LATEST = 'Here is what I found: the certificate fingerprint';
const LOAD_TIMEOUT_MS = 90_000;

interface DemoWindow {
  demoHelpdesk: { addMessage(id: string, text: string, fromCustomer: boolean): void };
}

interface ChromeApi {
  tabs: {
    query(filter: { url: string }): Promise<{ id?: number }[]>;
    connect(tabId: number, options: { name: string; frameId: number }): {
      onMessage: { addListener(listener: (message: { type: string; page?: unknown }) => void): void };
    };
  };
}

/**
 * Opens the sidebar's channel to the tab's content script from the service worker, as the sidebar does, and
 * keeps the last page state it sends where `lastState` reads it.
 */
async function listenToPage(worker: Worker, pattern: string): Promise<void> {
  await worker.evaluate(
    async ([urlPattern, name]) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const [tab] = await api.tabs.query({ url: urlPattern });
      if (tab?.id === undefined) throw new Error(`no tab at ${urlPattern}`);
      const port = api.tabs.connect(tab.id, { name, frameId: 0 });
      port.onMessage.addListener((message) => {
        if (message.type === 'page') (globalThis as unknown as { hugeTicketState: unknown }).hugeTicketState = message.page;
      });
    },
    [pattern, SIDEBAR_PORT] as const,
  );
}

function lastState(worker: Worker): Promise<PageState | undefined> {
  return worker.evaluate(() => (globalThis as unknown as { hugeTicketState?: PageState }).hugeTicketState);
}

async function extensionWorker(harness: Harness): Promise<Worker> {
  const worker = harness.context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${harness.extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker running');
  return worker;
}

describe('a 5 MB ticket thread in Chromium', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each(CASES)('$helpdesk: the sidebar reads the ticket, the newest message and a capped thread', { timeout: 180_000 }, async (c) => {
    const page: Page = await harness.context.newPage();
    await page.addInitScript({ content: padDemoThread({ ticket: c.ticket, ...FIVE_MB }) });
    await page.goto(c.url, { timeout: LOAD_TIMEOUT_MS });
    expect(await page.evaluate(() => document.body.textContent?.length ?? 0)).toBeGreaterThan(5_000_000);

    const card = harness.sidebar(page).locator('[data-testid="aa-ticket"]');
    await expect.poll(() => card.getAttribute('data-ticket-id'), { timeout: LOAD_TIMEOUT_MS }).toBe(c.ticket);
    expect(await card.getAttribute('data-helpdesk')).toBe(c.helpdesk);

    const worker = await extensionWorker(harness);
    await listenToPage(worker, `${new URL(c.url).origin}/*`);
    await expect.poll(async () => (await lastState(worker))?.state, { timeout: 15_000 }).toBe('ready');
    const state = await lastState(worker);
    if (state?.state !== 'ready') throw new Error(`expected a ready ticket, got ${JSON.stringify(state)}`);
    const { ticket } = state;
    expect(ticket.id).toBe(c.ticket);
    expect(ticket.latestMessage.startsWith(LATEST)).toBe(true);
    // Newest first, cut at its cap: the thread opens with the newest message and holds a part of the 5 MB.
    expect(ticket.thread.startsWith(LATEST)).toBe(true);
    expect(ticket.thread.length).toBeLessThanOrEqual(LIMITS.thread);
    expect(ticket.thread.length).toBeGreaterThan(LIMITS.thread / 2);
    // Every other padding message is the requester's: a repeat contact, counted among the newest messages.
    expect(ticket.contacts).toBeGreaterThanOrEqual(3);
    expect(ticket.contacts).toBeLessThanOrEqual(LIMITS.messages + 1);

    const followUp = 'One more thing: the invoice for March shows the wrong VAT number.';
    await page.evaluate(([id, text]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage(id, text, true), [c.ticket, followUp] as const);
    await expect
      .poll(async () => {
        const next = await lastState(worker);
        return next?.state === 'ready' ? next.ticket.latestMessage : '';
      }, { timeout: 30_000 })
      .toBe(followUp);
    await page.close();
  });
});
