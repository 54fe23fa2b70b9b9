import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './harness';
import type { Harness } from './harness';

/**
 * Escalation on the demo helpdesks, under their real host names: the security ticket's guidance, the copied
 * note (complete, and with the customer's secrets masked), and the note going into the internal note only.
 */
const HELPDESKS = [
  {
    id: 'zendesk',
    url: (id: string) => `http://acme.zendesk.com/agent/tickets/${id}`,
    security: '35121',
    subject: '.workspace:not([style*="none"]) [data-test-id="omni-header-subject"]',
    // One composer for both: the channel switcher makes it an internal note.
    replyEditor: '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]',
    noteEditor: '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]',
    internalMode: async (page: Page) => {
      await page.locator('.workspace:not([style*="none"]) [data-test-id="omnichannel-channel-switcher-button"]').click();
      await page.locator('.workspace:not([style*="none"]) [data-test-id="omnichannel-channel-switcher-menuitem-internal"]').click();
    },
    // The sidebar covers the page's right edge, where the submit button sits: the click is dispatched to it.
    submitNote: (page: Page) => page.locator('.workspace:not([style*="none"]) [data-test-id="submit_button-button"]').dispatchEvent('click'),
  },
  {
    id: 'freshdesk',
    url: (id: string) => `http://acme.freshdesk.com/a/tickets/${id}`,
    security: '743',
    subject: '.ticket-subject-heading',
    replyEditor: '[data-test-id="reply-editor"] .fr-element',
    noteEditor: '[data-test-id="note-editor"] .fr-element',
    internalMode: (page: Page) => page.locator('.reply-bar button', { hasText: 'Add note' }).click(),
    submitNote: (page: Page) => page.locator('[data-test-id="note-editor"] .note-btn').dispatchEvent('click'),
  },
] as const;

interface DemoMessage {
  text: string;
  internal?: boolean;
  fromCustomer: boolean;
}

interface DemoWindow {
  demoHelpdesk: { tickets: Record<string, { messages: DemoMessage[] }>; addMessage(id: string, text: string, fromCustomer: boolean): void };
}

// Made up, in real formats: what a customer pastes into a ticket and must not travel on in a note.
const SECRETS = {
  email: 'priya.backup@example.org',
  card: '4111 1111 1111 1111',
  token: 'sk_live_51H8xYzAbCdEfGhIjKlMnOp',
  github: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  requester: 'priya.nair@example.com',
};
const CUSTOMER_WRITES = `Update: the export also used our key ${SECRETS.token}. Reach me at ${SECRETS.email}; the card on file is ${SECRETS.card}.`;

const sidebarRoot = (frame: FrameLocator) => frame.locator('[data-testid="aa-sidebar"]');
const status = (frame: FrameLocator, text: RegExp) => frame.locator('[data-testid="aa-escalation"] [role="status"]').filter({ hasText: text });

async function ready(harness: Harness, url: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await harness.openTicketPage(url);
  const frame = harness.sidebar(page);
  await expect.poll(() => sidebarRoot(frame).getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  return { page, frame };
}

describe.each(HELPDESKS)('escalation on $id', (helpdesk) => {
  let harness: Harness;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await launchWithExtension();
    harness.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('sends the security ticket to Security at P1 or P2, and says why', async () => {
    const { page, frame } = await ready(harness, helpdesk.url(helpdesk.security));
    const escalation = frame.locator('[data-testid="aa-escalation"]');
    await expect.poll(() => escalation.getAttribute('data-escalate')).toBe('true');
    expect(await escalation.getAttribute('data-team')).toBe('security');
    expect(await escalation.getAttribute('data-severity')).toMatch(/^P[12]$/);
    expect(await escalation.locator('.reasons').innerText()).toMatch(/account-compromise/);
    expect(await frame.locator('[data-testid="aa-escalation-sla"]').innerText()).toMatch(/^Response (due in|target missed)/);
    await page.close();
  });

  it('copies a complete note with the customer’s addresses, cards and keys masked', async () => {
    const { page, frame } = await ready(harness, helpdesk.url(helpdesk.security));
    await page.evaluate(([id, text]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage(id!, text!, true), [helpdesk.security, CUSTOMER_WRITES]);
    const first = frame.locator('[data-testid="aa-suggestion"]').first();
    await expect.poll(() => first.count()).toBe(1);
    const articleId = (await first.getAttribute('data-article-id'))!;
    await first.locator('.suggestion-title').click();
    await frame.locator('[data-testid="aa-note-tried"]').fill(`Revoked the GitHub token ${SECRETS.github} the customer sent.`);

    const escalation = frame.locator('[data-testid="aa-escalation"]');
    const severity = (await escalation.getAttribute('data-severity'))!;
    await frame.locator('[data-testid="aa-copy-note"]').click();
    await expect.poll(() => status(frame, /note copied/).count()).toBe(1);
    const note = await harness.readClipboard(page);

    const subject = (await page.locator(helpdesk.subject).first().evaluate((el) => (el as HTMLInputElement).value || el.textContent))!.trim();
    expect(note).toContain(helpdesk.security);
    expect(note).toContain(subject.slice(0, 40));
    expect(note).toContain(severity);
    expect(note).toContain('security');
    expect(note).toContain(articleId);
    expect(note).toContain('Revoked the GitHub token');
    for (const secret of Object.values(SECRETS)) expect(note).not.toContain(secret);
    await page.close();
  });

  it('puts the note into the internal note, never into the public reply', async () => {
    const { page, frame } = await ready(harness, helpdesk.url(helpdesk.security));
    const insert = frame.locator('[data-testid="aa-insert-note"]');

    // Composer on public reply: nothing goes in, and the note is copied instead.
    const reply = page.locator(helpdesk.replyEditor).first();
    await reply.click();
    await page.keyboard.type('Hello Priya,');
    const before = await reply.innerHTML();
    await insert.click();
    await expect.poll(() => status(frame, /copied/).count()).toBe(1);
    expect(await reply.innerHTML()).toBe(before);
    expect(await harness.readClipboard(page)).toContain(helpdesk.security);

    await helpdesk.internalMode(page);
    const noteEditor = page.locator(helpdesk.noteEditor).first();
    await insert.click();
    await expect.poll(() => noteEditor.innerText()).toContain(helpdesk.security);
    const inserted = await noteEditor.innerText();
    expect(inserted).toMatch(/Escalation note/);
    expect(inserted).toContain('security');
    expect(inserted).not.toContain(SECRETS.requester);
    await expect.poll(() => status(frame, /internal note/).count()).toBe(1);

    // Sent, it is an internal note of the ticket, and no public reply carries it.
    await helpdesk.submitNote(page);
    const messages = await page.evaluate((id) => (window as unknown as DemoWindow).demoHelpdesk.tickets[id]!.messages, helpdesk.security);
    const withNote = messages.filter((message) => message.text.includes('Escalation note'));
    expect(withNote).toHaveLength(1);
    expect(withNote[0]).toMatchObject({ internal: true, fromCustomer: false });
    await page.close();
  });

  it('made no request to any other host and raised no error in the helpdesk page', () => {
    expect(harness.foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
