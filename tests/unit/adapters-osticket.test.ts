// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { osticket } from '../../src/adapters/osticket';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: osticket,
  dir: 'osticket',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '301744',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Open',
      tags: [],
      // osTicket prints the agent's local time without a zone, as the browser reads it.
      createdAt: new Date('03/03/2025 9:12 am').toISOString(),
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // Quoted history, thread events, entry titles and menus, the other tables' values and the reply forms.
    absent: ['Acme Support wrote', 'Assigned to', 'IdP metadata"', 'Edit', 'Default SLA', 'Login and access', 'Post Reply', 'support@example.com'],
  },
  noTicket: 'queue.html',
  loading: 'loading.html',
  // The number shows with the ticket; the URL has only its internal id.
  loadingId: null,
  arabic: {
    file: 'arabic.html',
    id: '301745',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: 'table.ticket_info tr:nth-child(2)',
  // osTicket has no tags of its own.
  unsupported: ['tags'],
});

describeEditorKit({
  adapter: osticket,
  dir: 'osticket',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'composer-note.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'queue.html',
});

describe('osTicket: routes', () => {
  it.each([
    ['/scp/tickets.php?id=19', '301744'],
    ['/scp/tickets.php?id=19#reply', '301744'],
    ['/scp/tickets.php?a=edit&id=19', '301744'],
    ['/support/scp/tickets.php?id=19', '301744'],
  ])('opens the ticket at %s by its number, not its id', (path, id) => {
    loadFixture('osticket', 'ticket.html');
    const url = new URL(`https://help.example.com${path}`);
    expect(findAdapter(document, url)?.id).toBe('osticket');
    const state = readPage(osticket, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe(id);
  });

  it.each(['/scp/tickets.php', '/scp/tickets.php?queue=1', '/scp/tickets.php?a=open', '/scp/tickets.php?uid=19'])('sees no open ticket at %s', (path) => {
    loadFixture('osticket', 'queue.html');
    expect(readPage(osticket, document, new URL(`https://help.example.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'osticket' });
  });

  it('is not the client portal', () => {
    loadFixture('osticket', 'ticket.html');
    expect(findAdapter(document, new URL('https://help.example.com/tickets.php?id=19'))).toBeNull();
  });
});
