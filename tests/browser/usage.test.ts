import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * Usage counted through the real sidebar on a demo ticket shows on the options page, and nothing of it leaves
 * the browser.
 */
describe('usage counting', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('counts what the agent does with an answer, and shows it by answer and by week', async () => {
    const page = await harness.openTicketPage('http://acme.zendesk.com/agent/tickets/35120');
    const frame = harness.sidebar(page);
    await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    const first = frame.locator('[data-testid="aa-suggestion"]').first();
    const articleId = await first.getAttribute('data-article-id');
    await first.locator('.suggestion-title').click();
    await first.getByRole('button', { name: 'Copy', exact: true }).click();
    await first.getByRole('button', { name: 'Good answer', exact: true }).click();
    await expect.poll(() => first.getByRole('button', { name: 'Good answer', exact: true }).getAttribute('aria-pressed')).toBe('true');

    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    const row = options.locator(`[data-testid="options-by-article"] tr[data-article-id="${articleId}"]`);
    // Counts are written a second after the agent acts.
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    // Answer, shown, opened, inserted, copied, link copied, good, not good.
    await expect.poll(() => row.locator('td').allTextContents(), { timeout: 5_000 }).toEqual(['1', '1', '0', '1', '0', '1', '0']);
    expect(await options.locator('[data-testid="options-by-week"] tbody tr').count()).toBe(1);

    expect(harness.foreignRequests()).toEqual([]);
    await options.close();
    await page.close();
  });
});
