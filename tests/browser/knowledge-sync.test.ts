import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGES_DIR } from '../demo/server';
import { launchWithExtension, type Harness } from './harness';

/**
 * A knowledge source URL (the demo's tests/demo/pages/zendesk/kb/articles.jsonl, on a host the extension may
 * already reach, so no permission prompt is needed): added on the options page, fetched at once, asked only
 * whether it changed, fetched again by the background's schedule in Chrome's offscreen document, and kept
 * as it was when a fetch or its content fails. An open sidebar answers from it without a reload.
 */
const SOURCE = 'http://acme.zendesk.com/kb/articles.jsonl';

describe('a knowledge source URL', () => {
  let harness: Harness;
  let pages: string;
  let options: Page;
  let ticket: Page;
  let frame: FrameLocator;
  const served: { status: number; ifNoneMatch?: string }[] = [];

  beforeAll(async () => {
    pages = mkdtempSync(join(tmpdir(), 'deskmate-pages-'));
    cpSync(DEFAULT_PAGES_DIR, pages, { recursive: true });
    harness = await launchWithExtension({ pagesDir: pages });
    harness.context.on('response', (response) => {
      if (response.url() === SOURCE) served.push({ status: response.status(), ifNoneMatch: response.request().headers()['if-none-match'] });
    });
    ({ page: ticket, frame } = await harness.openReadySidebar('http://acme.zendesk.com/agent/tickets/35120'));
    options = await harness.openOptions('#knowledge');
  });

  afterAll(async () => {
    await harness?.close();
    rmSync(pages, { recursive: true, force: true });
  });

  const result = () => options.locator('[data-testid="options-knowledge-result"]');
  const row = () => options.locator(`[data-source-id="url:${SOURCE}"]`);
  const lookup = async (text: string) => {
    await ticket.bringToFront();
    await frame.locator('[data-testid="aa-search"]').fill(text);
    return frame.locator('[data-testid="aa-suggestion"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id')));
  };
  const writeSource = (lines: string) => writeFileSync(join(pages, 'zendesk/kb/articles.jsonl'), lines);
  const worker = async (): Promise<Worker> =>
    harness.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? harness.context.waitForEvent('serviceworker');
  const syncInBackground = async () => (await worker()).evaluate(() => (globalThis as unknown as { syncDeskmateKnowledge(): Promise<void> }).syncDeskmateKnowledge());

  it('is fetched when added, and an open sidebar answers from it', async () => {
    await options.locator('[data-testid="options-knowledge-url"]').fill(SOURCE);
    await options.locator('[data-testid="options-knowledge-url-every"]').selectOption('6');
    await options.locator('[data-testid="options-knowledge-url-add"]').click();
    await expect.poll(() => result().getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    expect(await row().locator('td').first().textContent()).toBe('2');
    expect(await row().locator('[data-testid="options-knowledge-sync-status"]').textContent()).toMatch(/every 6 hours/);
    await expect.poll(() => lookup('VPN token expired'), { timeout: 15_000 }).toContain('team-vpn-token-expired');
    await expect.poll(() => lookup('الرمز منتهي الصلاحية')).toContain('team-vpn-token-expired-ar');
  });

  it('is asked only whether it changed', async () => {
    await options.bringToFront();
    await options.locator('[data-testid="options-knowledge-sync"]').click();
    await expect.poll(() => result().textContent(), { timeout: 30_000 }).toMatch(/has not changed/);
    expect(served.at(-1)?.status).toBe(304);
    expect(served.at(-1)?.ifNoneMatch).toMatch(/^".+"$/);
  });

  it('is fetched again by the background’s schedule when it changed', async () => {
    writeSource(
      '{"id": "team-printer-offline", "title": "The office printer shows offline", "body": "Turn it off and on, then re-add it from Settings.", "locale": "en"}\n' +
        '{"id": "team-vpn-token-expired", "title": "VPN says the token has expired", "body": "Sign out of the Lumen VPN client and sign in again.", "locale": "en"}\n',
    );
    await syncInBackground();
    await expect.poll(() => lookup('office printer offline'), { timeout: 30_000 }).toContain('team-printer-offline');
    await options.reload();
    expect(await row().locator('td').first().textContent()).toBe('2');
  });

  it('keeps its last good articles when its content is broken, and says where', async () => {
    writeSource('{"id": "team-printer-offline", "title": "The office printer shows offline", "body": "ok"}\n{"id": "broken", "title": \n');
    await syncInBackground();
    await options.reload();
    await expect.poll(() => row().locator('[data-testid="options-knowledge-sync-error"]').textContent(), { timeout: 30_000 }).toMatch(/articles\.jsonl:2/);
    await expect.poll(() => lookup('office printer offline')).toContain('team-printer-offline');
  });

  it('keeps them when the server fails, and says so', async () => {
    await options.bringToFront();
    await options.route(SOURCE, (route) => route.fulfill({ status: 503, body: 'down for maintenance' }));
    await options.locator('[data-testid="options-knowledge-sync"]').click();
    await expect.poll(() => result().getAttribute('data-ok'), { timeout: 30_000 }).toBe('false');
    expect(await result().textContent()).toMatch(/HTTP 503/);
    await expect.poll(() => lookup('office printer offline')).toContain('team-printer-offline');
    expect(harness.foreignRequests()).toEqual([]);
  });
});
