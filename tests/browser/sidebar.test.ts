import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * The whole loop on the demo helpdesks, under their real host names: detection, suggestions, quick lookup,
 * escalation, the copied note, insertion into the reply editor, in-app navigation, and the states for pages
 * without a readable ticket.
 */
const HELPDESKS = [
  {
    id: 'zendesk',
    origin: 'http://acme.zendesk.com',
    ticketPath: (id: string) => `/agent/tickets/${id}`,
    listPath: '/agent/filters/360001',
    tickets: { sso: '35120', security: '35121', arabic: '35122' },
    replyEditor: '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]',
    // Zendesk has one composer: the channel switcher makes it an internal note.
    noteEditor: '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]',
    subject: '.workspace:not([style*="none"]) [data-test-id="omni-header-subject"]',
    internalMode: async (page: Page) => {
      await page.locator('.workspace:not([style*="none"]) [data-test-id="omnichannel-channel-switcher-button"]').click();
      await page.locator('.workspace:not([style*="none"]) [data-test-id="omnichannel-channel-switcher-menuitem-internal"]').click();
    },
  },
  {
    id: 'freshdesk',
    origin: 'http://acme.freshdesk.com',
    ticketPath: (id: string) => `/a/tickets/${id}`,
    listPath: '/a/tickets/filters/all_tickets',
    tickets: { sso: '742', security: '743', arabic: '744' },
    replyEditor: '[data-test-id="reply-editor"] .fr-element',
    noteEditor: '[data-test-id="note-editor"] .fr-element',
    subject: '.ticket-subject-heading',
    internalMode: async (page: Page) => {
      await page.locator('.reply-bar button', { hasText: 'Add note' }).click();
    },
  },
] as const;

interface DemoWindow {
  demoHelpdesk: { open(id: string): void; addMessage(id: string, text: string, fromCustomer: boolean): void };
}

const sidebarRoot = (frame: FrameLocator) => frame.locator('[data-testid="aa-sidebar"]');

async function waitForState(frame: FrameLocator, state: string, timeout = 15_000) {
  await expect.poll(() => sidebarRoot(frame).getAttribute('data-state'), { timeout }).toBe(state);
}

async function suggestionIds(frame: FrameLocator): Promise<string[]> {
  const items = frame.locator('[data-testid="aa-suggestion"]');
  return items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id') ?? ''));
}

describe.each(HELPDESKS)('$id', (helpdesk) => {
  let harness: Harness;
  const url = (id: string) => helpdesk.origin + helpdesk.ticketPath(id);

  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await launchWithExtension();
    harness.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('reads the open ticket and suggests the right answers', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    const ticket = frame.locator('[data-testid="aa-ticket"]');
    await expect.poll(() => ticket.getAttribute('data-ticket-id')).toBe(helpdesk.tickets.sso);
    expect(await ticket.getAttribute('data-helpdesk')).toBe(helpdesk.id);
    expect((await suggestionIds(frame)).slice(0, 3)).toContain('sso-saml-invalid-response');
    const escalation = frame.locator('[data-testid="aa-escalation"]');
    expect(await escalation.getAttribute('data-severity')).toMatch(/^P[1-4]$/);
    await page.close();
  });

  it('flags a security incident for escalation and copies a complete note', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.security));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    const escalation = frame.locator('[data-testid="aa-escalation"]');
    await expect.poll(() => escalation.getAttribute('data-escalate')).toBe('true');
    expect(await escalation.getAttribute('data-team')).toBe('security');
    const severity = await escalation.getAttribute('data-severity');
    expect(severity).toMatch(/^P[12]$/);
    expect((await suggestionIds(frame)).slice(0, 3)).toContain('security-account-compromise');

    await frame.locator('[data-testid="aa-copy-note"]').click();
    await expect.poll(() => frame.getByRole('status').filter({ hasText: 'note copied' }).count()).toBe(1);
    const note = await harness.readClipboard(page);
    const subject = (await page.locator(helpdesk.subject).first().evaluate((el) => (el as HTMLInputElement).value || el.textContent))!.trim();
    expect(note).toContain(helpdesk.tickets.security);
    expect(note).toContain(subject.slice(0, 40));
    expect(note).toContain(severity!);
    expect(note).toContain('security');
    await page.close();
  });

  it('follows in-app navigation to another ticket without showing the old answers', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    await page.evaluate((id) => (window as unknown as DemoWindow).demoHelpdesk.open(id), helpdesk.tickets.security);
    const ticket = frame.locator('[data-testid="aa-ticket"]');
    await expect.poll(() => ticket.getAttribute('data-ticket-id')).toBe(helpdesk.tickets.security);
    expect((await suggestionIds(frame))[0]).not.toBe('sso-saml-invalid-response');
    expect(await frame.locator('[data-testid="aa-escalation"]').getAttribute('data-team')).toBe('security');
    expect(page.url()).toBe(url(helpdesk.tickets.security));
    await page.close();
  });

  it('lays Arabic tickets out right to left', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.arabic));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    expect(await frame.locator('[data-testid="aa-ticket"] h2').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => frame.locator('[data-testid="aa-suggestion"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('replaces the suggestions with results for what the agent types', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    await frame.locator('[data-testid="aa-search"]').fill('charged twice for my subscription');
    await expect.poll(async () => (await suggestionIds(frame))[0]).toBe('billing-charged-twice');
    await page.close();
  });

  it('inserts an answer into the public reply and never into an internal note', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    const editor = page.locator(helpdesk.replyEditor).first();
    await editor.click();
    await page.keyboard.type('Hello Dana,');
    const first = frame.locator('[data-testid="aa-suggestion"]').first();
    await first.locator('[data-testid="aa-insert"]').click();
    await expect.poll(() => editor.innerText()).toMatch(/^Hello Dana,[\s\S]*\S{20}/);
    const inserted = await editor.innerText();

    expect(inserted.length).toBeGreaterThan('Hello Dana,'.length + 20);

    await helpdesk.internalMode(page);
    const noteEditor = page.locator(helpdesk.noteEditor).first();
    const before = await noteEditor.innerHTML();
    await first.locator('[data-testid="aa-insert"]').click();
    await expect.poll(() => frame.getByRole('status').filter({ hasText: 'internal note' }).count()).toBe(1);
    expect(await noteEditor.innerHTML()).toBe(before);
    await page.close();
  });

  it('re-ranks when the customer writes again', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    expect(await suggestionIds(frame)).not.toContain('billing-charged-twice');
    await page.evaluate(
      ([id, text]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage(id!, text!, true),
      [helpdesk.tickets.sso, 'Also, our card was charged twice for the subscription this month. Please refund the duplicate charge.'],
    );
    await expect.poll(() => suggestionIds(frame)).toContain('billing-charged-twice');
    await page.close();
  });

  it('remembers that the agent collapsed it', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    await frame.getByRole('button', { name: 'Collapse sidebar' }).click();
    const host = page.locator('#deskmate-sidebar-host');
    await expect.poll(() => host.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(60);
    await page.reload();
    await expect.poll(() => page.locator('#deskmate-sidebar-host').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(60);
    await harness.sidebar(page).getByRole('button', { name: 'Open Deskmate' }).click();
    await expect.poll(() => page.locator('#deskmate-sidebar-host').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(200);
    await page.close();
  });

  it('says so when no ticket is open', async () => {
    const page = await harness.openTicketPage(helpdesk.origin + helpdesk.listPath);
    await waitForState(harness.sidebar(page), 'no-ticket');
    await page.close();
  });

  it('names the missing fields of a ticket view it cannot read', async () => {
    const page = await harness.openTicketPage(url(helpdesk.tickets.sso));
    const frame = harness.sidebar(page);
    await waitForState(frame, 'ready');
    await page.locator(helpdesk.subject).first().evaluate((el) => el.remove());
    await waitForState(frame, 'unreadable', 20_000);
    await expect.poll(() => frame.getByText(/Missing: .*subject/).count()).toBe(1);
    await page.close();
  });

  it('made no request to any other host and raised no error in the helpdesk page', () => {
    expect(harness.foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
