// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { intercom } from '../../src/adapters/intercom';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: intercom,
  dir: 'intercom',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '180042976513382',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The conversation list beside the view, quoted e-mail history, tag controls, the composer's draft and tabs.
    absent: ['Invoice copy for February', 'Acme Support wrote', '×', 'Hello Dana,', 'Send', 'Note'],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  arabic: {
    file: 'arabic.html',
    id: '180042976513401',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '.inbox2__attributes dt:nth-of-type(3), .inbox2__attributes dd:nth-of-type(3)',
});

describeEditorKit({
  adapter: intercom,
  dir: 'intercom',
  publicPage: 'ticket.html',
  publicDraft: 'Hello Dana,',
  internalPage: 'composer-note.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'list.html',
});

describe('Intercom: routes', () => {
  it.each([
    ['/a/inbox/qkpzhtwm/inbox/shared/all/conversation/180042976513382', '180042976513382'],
    ['/a/inbox/qkpzhtwm/inbox/conversation/180042976513382', '180042976513382'],
    ['/a/inbox/qkpzhtwm/inbox/admin/5678/conversation/180042976513382', '180042976513382'],
    ['/a/inbox/qkpzhtwm/inbox/search/conversation/180042976513382', '180042976513382'],
    ['/a/apps/qkpzhtwm/inbox/inbox/conversation/180042976513382', '180042976513382'],
    ['/a/apps/qkpzhtwm/conversations/180042976513382', '180042976513382'],
  ])('reads the conversation id from %s', (path, id) => {
    loadFixture('intercom', 'ticket.html');
    const state = readPage(intercom, document, new URL(`https://app.intercom.com${path}`));
    expect(state.state === 'ready' && state.ticket.id).toBe(id);
  });

  it('answers in the EU and Australian workspaces too', () => {
    loadFixture('intercom', 'ticket.html');
    for (const host of ['app.eu.intercom.com', 'app.au.intercom.com']) {
      const url = new URL(`https://${host}/a/inbox/qkpzhtwm/inbox/shared/all/conversation/180042976513382`);
      expect(findAdapter(document, url)?.id).toBe('intercom');
    }
  });

  it('takes no inbox, contact or report page for a conversation', () => {
    for (const path of ['/a/inbox/qkpzhtwm/inbox/shared/all', '/a/apps/qkpzhtwm/users/5f1c/all-conversations', '/a/apps/qkpzhtwm/reports']) {
      expect(readPage(intercom, document, new URL(`https://app.intercom.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'intercom' });
    }
  });

  it('reads a conversation whose card does not carry its id from the one conversation page shown', () => {
    const url = loadFixture('intercom', 'ticket.html');
    document.querySelector('[data-conversation-id]')!.removeAttribute('data-conversation-id');
    const state = readPage(intercom, document, url);
    expect(state.state === 'ready' && state.ticket.subject).toMatch(/^Can't sign in/);
  });

  it('never reads the previous conversation for the one in the URL', () => {
    loadFixture('intercom', 'ticket.html');
    const state = readPage(intercom, document, new URL('https://app.intercom.com/a/inbox/qkpzhtwm/inbox/shared/all/conversation/180042976513390'));
    expect(state.state).toBe('unreadable');
  });
});
