// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gorgias } from '../../src/adapters/gorgias';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: gorgias,
  dir: 'gorgias',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '118273645',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The ticket list beside the view, quoted e-mail history, tag controls, the reply area's draft and buttons.
    absent: ['Invoice copy for February', 'Acme Support wrote', '×', 'Hello Dana,', 'Send', 'ID: '],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  arabic: {
    file: 'arabic.html',
    id: '118273647',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '[class*="TicketPriority"]',
});

describeEditorKit({
  adapter: gorgias,
  dir: 'gorgias',
  publicPage: 'ticket.html',
  publicDraft: 'Hello Dana,',
  internalPage: 'composer-internal.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'list.html',
});

describe('Gorgias: routes', () => {
  it('reads a ticket opened from a view, by the ticket id in the view route', () => {
    const url = loadFixture('gorgias', 'arabic.html');
    expect(url.pathname).toBe('/app/views/1384557/118273647');
    const state = readPage(gorgias, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe('118273647');
  });

  it('takes no view id, customer page or settings page for a ticket', () => {
    for (const path of ['/app/views/1384557', '/app/customer/5544', '/app/settings/rules', '/app/tickets/new']) {
      expect(readPage(gorgias, document, new URL(`https://acme.gorgias.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'gorgias' });
    }
  });
});
