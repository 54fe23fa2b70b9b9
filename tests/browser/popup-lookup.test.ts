import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * Quick lookup in the toolbar popup, by keyboard alone. The popup page is opened in a tab of its own (a test
 * cannot click the toolbar button of headless Chromium); it is the same page, only wider.
 */
describe('quick lookup in the toolbar popup', () => {
  let harness: Harness;
  let popup: Page;

  beforeAll(async () => {
    harness = await launchWithExtension();
    popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const results = () => popup.locator('[data-testid="aa-suggestion"]');
  const focusedArticle = () => popup.locator(':focus').evaluate((element) => element.closest('[data-article-id]')?.getAttribute('data-article-id') ?? null);

  it('has the focus on open and finds bundled answers with snippets, in their own direction', async () => {
    await expect.poll(() => popup.locator('[data-testid="aa-search"]').evaluate((element) => element === document.activeElement)).toBe(true);
    await popup.keyboard.type('charged twice');
    await expect.poll(() => results().first().getAttribute('data-article-id')).toBe('billing-charged-twice');
    expect(await results().first().locator('.snippet').textContent()).not.toBe('');
    expect(await results().first().getAttribute('dir')).toBe('ltr');

    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('ضريبة القيمة المضافة');
    await expect.poll(() => results().first().getAttribute('data-article-id')).toBe('billing-invoices-vat-ar');
    expect(await results().first().getAttribute('dir')).toBe('rtl');
  });

  it('moves with the arrows, opens with Enter, copies with c and the link with l', async () => {
    await popup.locator('[data-testid="aa-search"]').fill('');
    await popup.locator('[data-testid="aa-search"]').focus();
    await popup.keyboard.type('charged twice');
    await expect.poll(() => results().first().getAttribute('data-article-id')).toBe('billing-charged-twice');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedArticle()).toBe('billing-charged-twice');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedArticle()).toBe(await results().nth(1).getAttribute('data-article-id'));
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('Enter');
    await expect.poll(() => results().first().locator('.article-body').count()).toBe(1);

    await popup.keyboard.press('c');
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Answer copied.');
    // No ticket here: the greeting's {{requester.first_name}} drops out with its space.
    expect(await harness.readClipboard(popup)).toMatch(/^Hi,/);
    await popup.locator('[data-article-id="billing-charged-twice"] .suggestion-title').focus();
    await popup.keyboard.press('l');
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Link copied.');
    expect(await harness.readClipboard(popup)).toBe('https://help.lumen.example/articles/billing-charged-twice');
  });

  it('keeps the site controls below the lookup', async () => {
    // Opened as a tab, the popup's "current tab" is its own extension page, where Deskmate does not run.
    expect(await popup.locator('[data-testid="popup-status"]').textContent()).toBe('Deskmate cannot run on this page.');
    expect(harness.foreignRequests()).toEqual([]);
  });
});
