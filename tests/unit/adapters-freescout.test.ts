// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { freescout } from '../../src/adapters/freescout';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: freescout,
  dir: 'freescout',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '388',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Active',
      tags: ['sso', 'saml', 'login'],
      // FreeScout prints the agent's local time without a zone, as the browser reads it.
      createdAt: new Date('Mar 3, 2025 09:12').toISOString(),
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // Quoted history, the assignment line, the customer's other address and past conversations, controls, the
    // other custom field and the other statuses.
    absent: ['Acme Support wrote', 'assigned to', 'dana.levi+billing', 'Invoice copy for February', '×', 'Cloud', 'Pending', 'New Conversation'],
  },
  noTicket: 'mailbox.html',
  loading: 'loading.html',
  // The number shows with the conversation; the URL has only its id.
  loadingId: null,
  arabic: {
    file: 'arabic.html',
    id: '389',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '#conv-top-blocks',
});

describeEditorKit({
  adapter: freescout,
  dir: 'freescout',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'composer-note.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'mailbox.html',
});

describe('FreeScout: routes', () => {
  it.each([
    ['/conversation/512', '388'],
    ['/conversation/512?folder_id=3', '388'],
    ['/conversation/512#thread-1905', '388'],
    ['/helpdesk/conversation/512', '388'],
  ])('opens the conversation at %s by its number, not its id', (path, id) => {
    loadFixture('freescout', 'ticket.html');
    const url = new URL(`https://help.example.com${path}`);
    expect(findAdapter(document, url)?.id).toBe('freescout');
    const state = readPage(freescout, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe(id);
  });

  it('never reads a conversation the page does not show', () => {
    loadFixture('freescout', 'ticket.html');
    const state = readPage(freescout, document, new URL('https://help.example.com/conversation/513'));
    expect(state.state).toBe('unreadable');
  });

  it.each(['/mailbox/1/3', '/conversation/create/1', '/search?q=sso'])('sees no open conversation at %s', (path) => {
    loadFixture('freescout', 'mailbox.html');
    expect(readPage(freescout, document, new URL(`https://help.example.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'freescout' });
  });
});
