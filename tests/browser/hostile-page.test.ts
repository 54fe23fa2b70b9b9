import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * The helpdesk page is not ours: its scripts (or another extension's) may post fake messages, remove our
 * frame, or put attack strings in ticket fields. The sidebar keeps the real ticket, comes back once, and
 * runs nothing it reads.
 */
const TICKET = 'http://acme.zendesk.com/agent/tickets/35120';
const payloads = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8').split('\n').filter(Boolean);

interface DemoWindow {
  demoHelpdesk: { addMessage(id: string, text: string, fromCustomer: boolean): void };
}

const ticketId = (frame: FrameLocator) => frame.locator('[data-testid="aa-ticket"]').getAttribute('data-ticket-id');

async function ready(harness: Harness, url: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await harness.openTicketPage(url);
  const frame = harness.sidebar(page);
  await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  return { page, frame };
}

describe('a hostile helpdesk page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('cannot talk the sidebar into another ticket', async () => {
    const { page, frame } = await ready(harness, TICKET);
    const before = await frame.locator('[data-testid="aa-suggestion"]').first().getAttribute('data-article-id');
    await page.evaluate(async () => {
      const fake = {
        state: 'ready',
        ticket: { id: '666', helpdesk: 'zendesk', url: location.href, subject: 'Refund now', latestMessage: 'refund', thread: '', tags: [] },
        missing: [],
      };
      const messages = [{ type: 'page', page: fake }, { type: 'layout', layout: { collapsed: true, width: 240 } }, fake, JSON.stringify({ type: 'page', page: fake })];
      for (let round = 0; round < 50; round++) {
        for (const message of messages) {
          window.postMessage(message, '*');
          for (const frame of Array.from(document.querySelectorAll('iframe'))) frame.contentWindow?.postMessage(message, '*');
          const host = document.getElementById('deskmate-sidebar-host');
          host?.shadowRoot?.querySelector('iframe')?.contentWindow?.postMessage(message, '*');
          window.dispatchEvent(new CustomEvent('message', { detail: message }));
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    await page.waitForTimeout(300);
    expect(await ticketId(frame)).toBe('35120');
    expect(await frame.locator('[data-testid="aa-suggestion"]').first().getAttribute('data-article-id')).toBe(before);
    expect(await page.locator('#deskmate-sidebar-host').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(200);
    await page.close();
  });

  it('gets the sidebar back, once, when its re-render removes it', async () => {
    const { page } = await ready(harness, TICKET);
    await page.evaluate(() => document.getElementById('deskmate-sidebar-host')?.remove());
    await expect.poll(() => page.locator('#deskmate-sidebar-host').count()).toBe(1);
    await expect.poll(() => ticketId(harness.sidebar(page))).toBe('35120');
    await page.evaluate(() => document.body.replaceChildren(...Array.from(document.body.children).filter((el) => el.id !== 'deskmate-sidebar-host')));
    await expect.poll(() => page.locator('#deskmate-sidebar-host').count()).toBe(1);
    await page.close();
  });

  it('shows each tab its own ticket', async () => {
    const first = await ready(harness, TICKET);
    const second = await ready(harness, 'http://acme.zendesk.com/agent/tickets/35121');
    expect(await ticketId(first.frame)).toBe('35120');
    expect(await ticketId(second.frame)).toBe('35121');
    await first.page.close();
    await second.page.close();
  });

  it('runs none of the attack strings customers write', async () => {
    const { page, frame } = await ready(harness, TICKET);
    for (const payload of payloads) {
      await page.evaluate(([text]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage('35120', text!, true), [payload]);
      await frame.locator('[data-testid="aa-search"]').fill(payload);
    }
    await frame.locator('[data-testid="aa-copy-note"]').click();
    await page.waitForTimeout(500);
    expect(await ticketId(frame)).toBe('35120');
    expect(harness.requests.filter((request) => request.url.includes('xss.invalid'))).toEqual([]);
    expect(harness.foreignRequests()).toEqual([]);
    await page.close();
  });
});
