import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * An answer flagged as outdated in the real sidebar on a demo ticket is marked there, listed on the options
 * page and exported for its owner as CSV, with the ticket named by its id and none of its text; nothing of it
 * leaves the browser.
 */
describe('flagging answers', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('flags an answer in the sidebar, and the options page lists and exports it', async () => {
    const page = await harness.openTicketPage('http://acme.zendesk.com/agent/tickets/35120');
    const frame = harness.sidebar(page);
    await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    const subject = (await frame.locator('.ticket-subject').textContent()) ?? '';
    const first = frame.locator('[data-testid="aa-suggestion"]').first();
    const articleId = await first.getAttribute('data-article-id');

    // By keyboard: the button opens the form with the first choice in focus.
    await first.locator('[data-testid="aa-flag"]').focus();
    await page.keyboard.press('Enter');
    const choices = first.locator('[data-testid="aa-flag-reason"]');
    await expect.poll(() => choices.first().evaluate((radio) => radio === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => choices.nth(1).isChecked()).toBe(true);
    await first.locator('[data-testid="aa-flag-comment"]').fill('The menu moved to Settings, Security; ask me at sam@example.com');
    await first.locator('[data-testid="aa-flag-submit"]').click();
    await expect.poll(() => first.locator('[data-testid="aa-flagged"]').textContent()).toBe('Flagged: outdated');
    expect(await frame.locator('.notice:not([data-testid])').textContent()).toContain('Flagged as outdated');

    const options = await harness.openOptions('#flags');
    const row = options.locator(`[data-testid="options-flags-table"] tr[data-article-id="${articleId}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('Outdated');

    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-testid="options-export-flags"]').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe('\uFEFFarticle_id,title,owner,reason,comment,flagged_at,helpdesk,ticket_id');
    expect(line).toMatch(new RegExp(`^${articleId},.*,outdated,"The menu moved to Settings, Security; ask me at \\[hidden email\\]",\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,zendesk,35120$`));
    expect(end).toBe('');
    expect(subject.length).toBeGreaterThan(0);
    expect(csv).not.toContain(subject);

    expect(harness.foreignRequests()).toEqual([]);
    await options.close();
    await page.close();
  });
});
