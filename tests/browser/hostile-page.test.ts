import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/model/limits';
import { launchWithExtension, type Harness } from './harness';
import { press, settled, sidebarFrame, typeInto } from './support/drive';
import { armTripwire, SENTINEL_HOST, type Tripwire } from './support/tripwire';

/**
 * The helpdesk page is not ours: its scripts (or another extension's) may post fake messages, and customers put
 * attack strings in every ticket field. The sidebar keeps the real ticket and runs nothing it reads, and what it
 * puts into the page's editor runs nothing there either, even in an editor that trusts pasted HTML.
 */
const TICKET = 'http://acme.zendesk.com/agent/tickets/35120';
const payloads = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8').split('\n').filter(Boolean);
/** Words the bundled knowledge base answers (billing-charged-twice), so that every hostile ticket has answers to insert. */
const ANSWERABLE = 'I was charged twice for my subscription this month and need a refund of the duplicate charge.';
/** Each hostile ticket's tags and older messages: payloads after its own, each in its own element of the page. */
const TAGS_PER_TICKET = 6;
const THREAD_PER_TICKET = 4;

interface DemoMessage {
  author: string;
  fromCustomer: boolean;
  at: string;
  text: string;
}

interface DemoTicket {
  subject: string;
  via: string;
  requester: { id: number; name: string; email: string };
  type: string;
  priority: string;
  status: string;
  tags: string[];
  messages: DemoMessage[];
}

interface DemoWindow {
  demoHelpdesk: {
    addTicket(id: string, ticket: DemoTicket): void;
    open(id: string): void;
    trustPastedHtml(on: boolean): void;
  };
}

const ticketId = (frame: FrameLocator) => frame.locator('[data-testid="aa-ticket"]').getAttribute('data-ticket-id');

/** What the sidebar shows of a one-line field: whitespace folded, capped as the reader caps it. */
const shown = (text: string, cap: number) => text.replace(/\s+/g, ' ').trim().slice(0, cap).trim();

function message(text: string, fromCustomer: boolean, minute: number): DemoMessage {
  return { author: fromCustomer ? 'Customer' : 'Sam Carter', fromCustomer, at: new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString(), text };
}

/**
 * Ticket `n` carries payload `n` in its subject, the next ones in the requester's name and e-mail, priority,
 * status and latest message, and more in its tags and older messages: over all tickets, every payload passes
 * through every field.
 */
function hostileTicket(n: number): DemoTicket {
  const at = (k: number) => payloads[(n + k) % payloads.length]!;
  return {
    subject: at(0),
    via: at(1),
    // The e-mail as a page shows it in a tooltip: markup around it and entity-encoded markup inside it.
    requester: { id: 9000 + n, name: at(1), email: `${at(2)} <p${n}.&#x3C;svg&#x3E;@example.com>` },
    type: 'Incident',
    priority: at(3),
    status: at(4),
    tags: Array.from({ length: TAGS_PER_TICKET }, (_, k) => at(5 + k)),
    messages: [
      message(ANSWERABLE, true, 0),
      ...Array.from({ length: THREAD_PER_TICKET }, (_, k) => message(at(5 + TAGS_PER_TICKET + k), k % 2 === 1, k + 1)),
      message(at(2), true, 30),
    ],
  };
}

/** Very long fields and fields of nothing but bidirectional and zero-width controls, with payloads inside. */
function outsizedTickets(): DemoTicket[] {
  const controls = '\u202e\u202d\u202b\u202a\u2066\u2067\u2068\u2069\u200f\u200e\u200b\u2028';
  const everything = payloads.join('\n\n');
  const base = hostileTicket(0);
  return [
    {
      ...base,
      subject: `${'\u202e'.repeat(64)}${payloads[2]} ${'A'.repeat(300_000)}`,
      requester: { id: 9998, name: `${payloads[8]} ${'B'.repeat(100_000)}`, email: `${'c'.repeat(5_000)}@example.com` },
      tags: Array.from({ length: 200 }, (_, k) => `${payloads[k % payloads.length]}${'t'.repeat(1_000)}`),
      messages: [message(ANSWERABLE, true, 0), message(`${everything}\n\n${'long words '.repeat(100_000)}`, true, 1), message(everything.repeat(20), true, 2)],
    },
    {
      ...base,
      subject: `${controls.repeat(80)}${payloads[0]}${controls.repeat(80)}`,
      requester: { id: 9999, name: `${controls.repeat(20)}${payloads[2]}`, email: 'bidi@example.com' },
      priority: controls,
      status: controls.repeat(30),
      tags: [controls, `${controls}${payloads[3]}`],
      messages: [message(ANSWERABLE, true, 0), message(`${controls.repeat(5_000)}${everything}`, true, 1)],
    },
  ];
}

async function ready(harness: Harness, url: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await harness.openTicketPage(url);
  const frame = harness.sidebar(page);
  await expect.poll(() => frame.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  return { page, frame };
}

/** Sets the open ticket's composer to a public reply or an internal note, as the agent would with the switcher. */
async function composeAs(page: Page, id: string, mode: 'public' | 'internal'): Promise<void> {
  await page.evaluate(
    ([ticket, item]) => document.querySelector<HTMLElement>(`[data-workspace-for="${ticket}"] [data-test-id="omnichannel-channel-switcher-menuitem-${item}"]`)!.click(),
    [id, mode] as const,
  );
}

/** Waits until the open ticket's composer holds more than `length` characters and `text`. */
async function editorHolds(page: Page, id: string, length: number, text = ''): Promise<number> {
  const handle = await page.waitForFunction(
    ([ticket, atLeast, wanted]) => {
      const editor = document.querySelector<HTMLElement>(`[data-workspace-for="${ticket}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`);
      const now = editor?.innerText ?? '';
      return now.length > atLeast && now.includes(wanted) ? now.length : 0;
    },
    [id, length, text] as const,
  );
  return (await handle.jsonValue()) as number;
}

describe('a hostile helpdesk page', () => {
  let harness: Harness;
  let tripwire: Tripwire;

  beforeAll(async () => {
    harness = await launchWithExtension();
    tripwire = await armTripwire(harness.context);
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

  // About a second per ticket, one ticket per payload: every payload passes through every field.
  it('runs none of the attack strings customers write, in any field, in the sidebar or in the page', { timeout: 300_000 }, async () => {
    const { page } = await ready(harness, TICKET);
    const sidebar = sidebarFrame(page);
    // The worst editor a helpdesk could have: markup the extension hands it would run in the page.
    await page.evaluate(() => (window as unknown as DemoWindow).demoHelpdesk.trustPastedHtml(true));

    // The tripwire catches a payload that runs in the page and one that the sidebar's policy stops.
    const control = `<img src="x" onerror="fetch('//${SENTINEL_HOST}/control')">`;
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      document.querySelector('.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, control);
    await sidebar.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), control);
    await expect.poll(() => tripwire.sentinelRequests(harness.requests).length).toBe(1);
    await expect.poll(() => tripwire.violations.some((violation) => violation.startsWith('chrome-extension://'))).toBe(true);
    tripwire.reset();
    const since = harness.requests.length;
    await page.evaluate(() => document.querySelector('.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]')!.replaceChildren());
    await sidebar.evaluate(() => document.body.lastElementChild!.remove());
    const tickets = [...payloads.map((_, n) => hostileTicket(n)), ...outsizedTickets()];

    for (const [n, ticket] of tickets.entries()) {
      const id = String(80_000 + n);
      await page.evaluate(
        ([newId, fields]) => {
          const helpdesk = (window as unknown as DemoWindow).demoHelpdesk;
          helpdesk.addTicket(newId, fields);
          helpdesk.open(newId);
        },
        [id, ticket] as const,
      );
      await sidebar.waitForSelector(`[data-testid="aa-ticket"][data-ticket-id="${id}"]`);
      // Shown as the text it is, each in its own element.
      const card = await sidebar.evaluate(() => ({
        subject: document.querySelector('[data-testid="aa-ticket"] .ticket-subject')?.textContent,
        requester: document.querySelector('[data-testid="aa-ticket"] div.muted')?.textContent,
      }));
      expect(card.subject).toBe(shown(ticket.subject, LIMITS.subject));
      expect(card.requester).toContain(shown(ticket.requester.name, LIMITS.short).slice(0, 50));

      // The escalation note, open and previewed, with payloads in what the agent types too, into the internal note.
      await sidebar.evaluate(() => document.querySelectorAll('[data-testid="aa-escalation"] details').forEach((details) => ((details as HTMLDetailsElement).open = true)));
      await typeInto(sidebar, '[data-testid="aa-note-tried"]', payloads[(n + 7) % payloads.length]!);
      await typeInto(sidebar, '[data-testid="aa-note-ask"]', payloads[(n + 8) % payloads.length]!);
      await settled(sidebar);
      expect(await sidebar.locator('[data-testid="aa-note-preview"]').textContent()).toContain(id);
      await composeAs(page, id, 'internal');
      await press(sidebar, '[data-testid="aa-insert-note"]');
      const withNote = await editorHolds(page, id, 0, 'Escalation note');

      // An answer, opened, then inserted into the public reply after the note.
      await composeAs(page, id, 'public');
      await press(sidebar, '[data-testid="aa-suggestion"] .suggestion-title');
      await press(sidebar, '[data-testid="aa-suggestion"] [data-testid="aa-insert"]');
      await editorHolds(page, id, withNote);
    }

    // The quick lookup renders what is typed, and the matched words, for every payload.
    for (const payload of payloads) {
      await typeInto(sidebar, '[data-testid="aa-search"]', payload);
      await settled(sidebar);
    }
    await press(sidebar, '[data-testid="aa-copy-note"]');
    await settled(sidebar);

    expect(tripwire.findings(harness.requests.slice(since))).toEqual([]);
    expect(harness.foreignRequests().filter((request) => !request.url.includes('/control'))).toEqual([]);
    await page.close();
  });
});
