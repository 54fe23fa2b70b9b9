// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { readPage } from '../../src/adapters/read';
import { rt } from '../../src/adapters/rt';
import { describeAdapterKit, loadFixture } from './adapters.kit';

/*
 * The fixtures are pages of a running Request Tracker 5.0.3 (Debian's request-tracker5), saved after creating the
 * tickets through REST 2, with scripts and the application menu left out. ticket.html holds the history RT
 * loads after the page; loading.html is the page before it arrives.
 */

describeAdapterKit({
  adapter: rt,
  dir: 'rt',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '123',
      subject: 'SSO sign-in fails after certificate rotation',
      priority: 'Medium',
      status: 'open',
      tags: ['sso', 'saml', 'login'],
      // RT prints its server's local time (UTC here) without a zone, as the browser reads it.
      createdAt: new Date('Wed Nov 25 06:39:44 2026').toISOString(),
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: [
      'Do we need to upload the new certificate',
      'Internal: the IdP certificate was rotated',
      'Could you send us a SAML trace',
      'Since this morning none of our staff',
    ],
    // Folded quotes, the final priority, the edit forms' choices, system transactions, menus and actions.
    absent: ['> Hi Dana', 'Low', 'High', 'Outgoing email recorded', 'Nobody in particular', 'Reply', 'Homepage', '(no value)'],
  },
  noTicket: 'home.html',
  loading: 'loading.html',
  // RT shows the id in the page before the history arrives.
  loadingId: '123',
  arabic: {
    file: 'arabic.html',
    id: '124',
    subject: 'لا أستطيع تسجيل الدخول إلى حسابي',
    latestIncludes: 'لا أستطيع تسجيل الدخول إلى حسابي منذ الصباح',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '.ticket-info-basics .priority',
});

describe('Request Tracker: pages and messages', () => {
  it.each([
    ['/Ticket/Display.html?id=123', '123'],
    ['/Ticket/Display.html?id=123#txn-39', '123'],
    ['/Ticket/Display.html?ForceShowHistory=1;id=123', '123'],
    ['/Ticket/Display.html?id=123&results=7a3f', '123'],
    ['/rt/Ticket/Display.html?id=123', '123'],
  ])('opens the ticket at %s', (path, id) => {
    loadFixture('rt', 'ticket.html');
    const url = new URL(`https://rt.example.org${path}`);
    expect(findAdapter(document, url)?.id).toBe('rt');
    const state = readPage(rt, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe(id);
  });

  it.each(['/Ticket/Display.html', '/Ticket/Update.html?id=123', '/Search/Results.html?Query=id%3D123', '/Ticket/Display.html?idx=123'])(
    'sees no open ticket at %s',
    (path) => {
      loadFixture('rt', 'ticket.html');
      expect(readPage(rt, document, new URL(`https://rt.example.org${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'rt' });
    },
  );

  it('reads the id the page shows, not a number the URL repeats', () => {
    loadFixture('rt', 'ticket.html');
    // RT shows a merged ticket under the id it was merged into.
    const state = readPage(rt, document, new URL('https://rt.example.org/Ticket/Display.html?id=98'));
    expect(state.state === 'ready' && state.ticket.id).toBe('123');
  });

  it('takes the requestor’s correspondence as the customer’s and root’s as the staff’s', () => {
    const url = loadFixture('rt', 'ticket.html');
    const messages = Array.from(document.querySelectorAll('.history .transaction.message'));
    expect(messages).toHaveLength(4);
    const context = { requesterName: 'Dana Levi', requesterEmail: 'dana.levi@example.com' };
    expect(messages.map((item) => rt.fields.messages.fromCustomer(item, context))).toEqual([false, false, false, true]);
    // Without the people box, the creator's address still tells.
    document.querySelectorAll('.ticket-info-people').forEach((el) => el.remove());
    expect(rt.fields.messages.fromCustomer(messages[3]!, context)).toBe(true);
    expect(rt.fields.messages.fromCustomer(messages[0]!, context)).toBe(false);
    expect(readPage(rt, document, url).state).toBe('ready');
  });

  it('falls back to the newest message when the staff opened the ticket for the customer', () => {
    const url = loadFixture('rt', 'arabic.html');
    const state = readPage(rt, document, url);
    expect(state.state === 'ready' && state.ticket.latestMessage).toContain('لا أستطيع تسجيل الدخول');
  });
});
