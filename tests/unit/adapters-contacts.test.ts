// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { freescout } from '../../src/adapters/freescout';
import { jira } from '../../src/adapters/jira';
import { readPage } from '../../src/adapters/read';
import { rt } from '../../src/adapters/rt';
import type { Adapter } from '../../src/adapters/types';
import { zendesk } from '../../src/adapters/zendesk';
import { evaluate } from '../../src/escalation/evaluate';
import { defaultRulesFile, loadRulesFile } from '../../src/escalation/rules';
import { LIMITS, type Ticket } from '../../src/model/ticket';
import { loadFixture } from './adapters.kit';

function read(adapter: Adapter, file: string): Ticket {
  const state = readPage(adapter, document, loadFixture(adapter.id, file));
  if (state.state !== 'ready') throw new Error(`expected ready, got ${state.state}`);
  return state.ticket;
}

describe('the reader counts the customer’s messages', () => {
  it.each([
    // Two of the requester's, an agent's reply and an internal note; the hidden tab's messages are not counted.
    [zendesk, 'ticket.html', 2],
    // Two of the customer's, a reply, a note and an assignment line.
    [freescout, 'ticket.html', 2],
    // The request description, kept apart from the comments, is the customer's first message.
    [jira, 'ticket.html', 2],
    [rt, 'ticket.html', 1],
    // The staff opened the ticket for the customer and wrote every message.
    [rt, 'arabic.html', 0],
  ] as const)('%s %s: %i', (adapter, file, contacts) => {
    expect(read(adapter, file).contacts).toBe(contacts);
  });

  it('does not guess when the page says of no message who wrote it', () => {
    loadFixture('freescout', 'ticket.html');
    for (const thread of Array.from(document.querySelectorAll('.thread'))) thread.className = 'thread';
    const state = readPage(freescout, document, new URL(document.location.href));
    expect(state.state === 'ready' && state.ticket).toMatchObject({ latestMessage: expect.any(String) });
    expect(state.state === 'ready' && 'contacts' in state.ticket).toBe(false);
  });

  it('counts them all past the thread’s text cap, and the rules see a repeat contact', async () => {
    loadFixture('freescout', 'ticket.html');
    const customer = document.querySelector('.thread.thread-type-customer')!;
    // Past the thread's cap, where the reader stops reading text.
    customer.querySelector('.thread-body')!.append('x '.repeat(1_000));
    for (let i = 0; i < 40; i += 1) customer.after(customer.cloneNode(true));
    const state = readPage(freescout, document, new URL(document.location.href));
    if (state.state !== 'ready') throw new Error(state.state);
    expect(state.ticket.thread.length).toBe(LIMITS.thread);
    expect(state.ticket.contacts).toBe(42);
    const guidance = evaluate(await loadRulesFile(defaultRulesFile()), state.ticket, { now: new Date('2025-03-03T09:30:00Z') });
    expect(guidance.reasons).toContainEqual({ rule: 'repeat-contact', detail: '42 messages from the customer' });
  });

  it('counts among the newest messages a read looks at, however many the thread holds', () => {
    loadFixture('freescout', 'ticket.html');
    const customer = document.querySelector('.thread.thread-type-customer')!;
    for (let i = 0; i < LIMITS.messages + 50; i += 1) customer.after(customer.cloneNode(true));
    const state = readPage(freescout, document, new URL(document.location.href));
    if (state.state !== 'ready') throw new Error(state.state);
    // The newest few are the fixture's reply and note; every other message looked at is a copy of the customer's.
    expect(state.ticket.contacts).toBeLessThanOrEqual(LIMITS.messages);
    expect(state.ticket.contacts).toBeGreaterThan(LIMITS.messages - 5);
  });
});
