// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { insertIntoEditor } from '../../src/adapters/editor';
import { hubspot } from '../../src/adapters/hubspot';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: hubspot,
  dir: 'hubspot',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '20451177890',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The ticket list, the history's date divider, entry headers, quoted e-mail history, tag controls, the draft.
    absent: ['Invoice copy for February', 'Monday, March 3', 'Email', 'Acme Support wrote', '×', 'Hello Dana,', 'Send'],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  // The URL's first number is the portal.
  loadingId: '20451177890',
  arabic: {
    file: 'arabic.html',
    id: '20451177892',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '#field-priority',
});

describeEditorKit({
  adapter: hubspot,
  dir: 'hubspot',
  publicPage: 'ticket.html',
  publicDraft: 'Hello Dana,',
  internalPage: 'composer-comment.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'list.html',
});

function ready(state: ReturnType<typeof readPage>) {
  if (state.state !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(state)}`);
  return state;
}

describe('HubSpot: routes', () => {
  it.each([
    ['/help-desk/7723145/view/10440/ticket/20451177890', '20451177890'],
    ['/help-desk/7723145/view/10440/ticket/20451177890/thread/10598988085', '20451177890'],
    ['/help-desk/7723145/view/search/ticket/20451177890', '20451177890'],
    ['/contacts/7723145/ticket/20451177890', '20451177890'],
    ['/contacts/7723145/record/0-5/20451177890/', '20451177890'],
  ])('%s is ticket %s', (path, id) => {
    loadFixture('hubspot', 'ticket.html');
    expect(ready(readPage(hubspot, document, new URL(`https://app.hubspot.com${path}`))).ticket.id).toBe(id);
  });

  it('takes no contact, company or view for a ticket, and answers on the EU host', () => {
    for (const path of ['/contacts/7723145/record/0-1/5101', '/contacts/7723145/record/0-2/77', '/help-desk/7723145/view/10440']) {
      expect(readPage(hubspot, document, new URL(`https://app.hubspot.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'hubspot' });
    }
    loadFixture('hubspot', 'ticket.html');
    expect(findAdapter(document, new URL('https://app-eu1.hubspot.com/help-desk/7723145/view/10440/ticket/20451177890'))?.id).toBe('hubspot');
  });
});

describe('HubSpot: who wrote what', () => {
  it('takes a message for the requester’s only when its sender is the ticket’s contact, and never a comment', () => {
    const url = loadFixture('hubspot', 'ticket.html');
    document.querySelector('[data-test-id="comment-entry"] [data-test-id="sender-name"]')!.textContent = 'Dana Levi';
    expect(ready(readPage(hubspot, document, url)).ticket.latestMessage.startsWith('Here is what I found')).toBe(true);
    for (const sender of document.querySelectorAll('[data-test-id="sender-name"]')) sender.textContent = 'Someone Else';
    expect(readPage(hubspot, document, url)).toMatchObject({ state: 'ready', ticket: { latestMessage: expect.stringMatching(/^Here is what I found/) } });
  });

  it('reads the composer’s channel from its button, else from the URL hash', () => {
    loadFixture('hubspot', 'ticket.html');
    document.querySelector('button[aria-label="Change channel"]')!.textContent = '';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://app.hubspot.com/help-desk/7723145/view/10440/ticket/20451177890#comment',
    );
    expect(insertIntoEditor(hubspot, document, 'reply', { text: 'x' })).toEqual({ ok: false, reason: 'wrong-mode' });
  });
});
