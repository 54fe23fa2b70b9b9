import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * The options page imports a team's files into the device's knowledge base (IndexedDB, indexed in a worker),
 * and a sidebar already open on a ticket searches them without a reload; a malformed file names the place at
 * fault and changes nothing; removing the source takes its answers away again. Nothing leaves the browser.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/import');

describe('importing knowledge on the options page', () => {
  let harness: Harness;
  let options: Page;
  let ticket: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    harness = await launchWithExtension();
    ({ page: ticket, frame } = await harness.openReadySidebar('http://acme.zendesk.com/agent/tickets/35120'));
    options = await harness.openOptions('#knowledge');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const result = () => options.locator('[data-testid="options-knowledge-result"]');
  const sources = () => options.locator('[data-testid="options-knowledge-source"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-source-id')));
  const lookup = async (text: string) => {
    await ticket.bringToFront();
    await frame.locator('[data-testid="aa-search"]').fill(text);
    return frame.locator('[data-testid="aa-suggestion"] .suggestion-title').allTextContents();
  };

  it('imports a Help Center export and a dirty Arabic and Hebrew set, which an open sidebar then finds', async () => {
    await options.locator('[data-testid="options-knowledge-file"]').setInputFiles([join(FIXTURES, 'zendesk/help-center.json')]);
    await expect.poll(() => result().getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    expect(await result().textContent()).toMatch(/help-center\.json/);
    expect(await sources()).toEqual(['bundled', 'file:help-center.json']);

    await options.locator('[data-testid="options-knowledge-file"]').setInputFiles([join(FIXTURES, 'dirty/articles.jsonl')]);
    await expect.poll(() => result().textContent(), { timeout: 60_000 }).toMatch(/articles\.jsonl/);
    expect(await result().getAttribute('data-ok')).toBe('true');
    // What the import repaired is listed with the source.
    const notices = options.locator('[data-source-id="file:articles.jsonl"] [data-testid="options-knowledge-notices"] li[data-kind="fixed"]');
    expect(await notices.count()).toBeGreaterThan(0);

    await expect.poll(() => lookup('download past invoices as PDF'), { timeout: 15_000 }).toContainEqual('Download past invoices as PDF');
    // The bundled answers are still searched beside the imported ones.
    await expect.poll(() => lookup('refund')).not.toEqual([]);
  });

  it('names the place a malformed file is broken, and keeps the knowledge base as it was', async () => {
    await options.bringToFront();
    const before = await sources();
    await options.locator('[data-testid="options-knowledge-file"]').setInputFiles([join(FIXTURES, 'zendesk/broken.json')]);
    await expect.poll(() => result().getAttribute('data-ok'), { timeout: 60_000 }).toBe('false');
    expect(await result().textContent()).toMatch(/broken\.json:\d+/);
    expect(await sources()).toEqual(before);
    await expect.poll(() => lookup('download past invoices as PDF')).toContainEqual('Download past invoices as PDF');
  });

  it('takes a removed source’s answers away from the sidebar', async () => {
    await options.bringToFront();
    options.once('dialog', (dialog) => void dialog.accept());
    await options.locator('[data-source-id="file:help-center.json"] [data-testid="options-knowledge-remove"]').click();
    await expect.poll(() => sources(), { timeout: 60_000 }).toEqual(['bundled', 'file:articles.jsonl']);
    await expect.poll(() => lookup('download past invoices as PDF'), { timeout: 15_000 }).not.toContainEqual('Download past invoices as PDF');
    expect(harness.foreignRequests()).toEqual([]);
  });

  it('imports a Confluence space as a folder, its pages taken apart by the options page for the worker', async () => {
    await options.bringToFront();
    await options.locator('[data-testid="options-knowledge-folder"]').setInputFiles(join(FIXTURES, 'confluence/space'));
    await expect.poll(() => result().getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    expect(await result().textContent()).toMatch(/3 articles/);
    await expect.poll(() => lookup('laptop setup'), { timeout: 15_000 }).toContainEqual('Laptop setup');
    await expect.poll(() => lookup('הגדרת מדפסת')).toContainEqual('הגדרת מדפסת משרדית');
  });
});
