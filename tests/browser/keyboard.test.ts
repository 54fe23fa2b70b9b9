import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/** An agent can look up, open and use an answer without the mouse. */
describe('keyboard', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('searches, moves between answers and copies one by key', async () => {
    const page = await harness.openTicketPage('http://acme.zendesk.com/agent/tickets/35120');
    const frame = harness.sidebar(page);
    await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await frame.locator('h1').click();

    await page.keyboard.press('/');
    expect(await frame.locator('[data-testid="aa-search"]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('charged twice');
    await expect.poll(() => frame.locator('[data-testid="aa-suggestion"]').first().getAttribute('data-article-id')).toBe('billing-charged-twice');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () => frame.locator(':focus').evaluate((el) => el.closest('[data-article-id]')?.getAttribute('data-article-id'));
    const second = await frame.locator('[data-testid="aa-suggestion"]').nth(1).getAttribute('data-article-id');
    expect(await focused()).toBe(second);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('billing-charged-twice');

    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('[data-article-id="billing-charged-twice"] .article-body').count()).toBe(1);
    await page.keyboard.press('c');
    await expect.poll(() => frame.getByRole('status').filter({ hasText: 'Answer copied' }).count()).toBe(1);
    // The article's {{requester.first_name}} is filled from the ticket.
    expect(await harness.readClipboard(page)).toMatch(/^Hi Dana,/);

    await frame.locator('h1').click();
    await page.keyboard.press('?');
    await expect.poll(() => frame.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await page.close();
  });
});
