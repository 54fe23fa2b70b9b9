// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { insertIntoEditor } from '../../src/adapters/editor';
import { jira } from '../../src/adapters/jira';
import { ticketKey } from '../../src/adapters/page';
import { readPage } from '../../src/adapters/read';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: jira,
  dir: 'jira',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: 'HELP-118',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Waiting for support',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      // The issue view names the reporter; it shows no address.
      requester: { name: 'Dana Levi' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The queue beside the issue lists other requests.
    absent: ['HELP-117', 'VPN', 'Omar', 'Internal note', 'Reply to customer', 'Share with customer', '1 hour ago'],
  },
  noTicket: 'queue.html',
  loading: 'loading.html',
  loadingId: 'HELP-120',
  arabic: {
    file: 'arabic.html',
    id: 'HELP-121',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '[data-testid="issue.fields.priority.common.ui.read-view.priority"]',
});

describeEditorKit({
  adapter: jira,
  dir: 'jira',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'note.html',
  internalDraft: 'Checked with identity:',
  noTicket: 'queue.html',
});

describe('Jira: which request is open', () => {
  it.each([
    ['https://acme.atlassian.net/browse/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/HELP/issues/HELP-118?filter=allissues', 'HELP-118'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1?selectedIssue=HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/projects/HELP/queues/custom/1/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/projects/HELP/issues/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/servicedesk/projects/HELP/queues/custom/1/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/servicedesk/projects/HELP/issue/HELP-118', 'HELP-118'],
    ['https://acme.atlassian.net/servicedesk/customer/portal/2/HELP-118', null],
    ['https://acme.atlassian.net/projects/HELP/queues/custom/1', null],
    ['https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1', null],
    ['https://acme.atlassian.net/jira/servicedesk/projects/HELP/issues/10234', null],
  ])('%s', (href, key) => {
    expect(ticketKey(jira.page, new URL(href))).toBe(key);
  });

  it('is not Confluence or the customer portal on the same site', () => {
    for (const path of ['/wiki/spaces/HELP/pages/1', '/servicedesk/customer/portal/2/HELP-118', '/servicedesk/customer/user/requests']) {
      expect(jira.page.appPath.test(path)).toBe(false);
    }
  });

  it.each([
    '/browse/HELP-118',
    '/jira/servicedesk/projects/HELP/queues/custom/1/HELP-118',
    '/jira/servicedesk/projects/HELP/issues/HELP-118?filter=allissues',
    '/projects/HELP/queues/custom/1/HELP-118',
    '/projects/HELP/issues/HELP-118',
    '/servicedesk/projects/HELP/queues/custom/1/HELP-118',
    '/jira/servicedesk/projects/HELP/queues/custom/1?selectedIssue=HELP-118',
  ])('reads HELP-118 on %s', (path) => {
    loadFixture('jira', 'ticket.html');
    const url = new URL(`https://acme.atlassian.net${path}`);
    expect(findAdapter(document, url)?.id).toBe('jira');
    const state = readPage(jira, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe('HELP-118');
  });

  it('never reads the previous request while the view still shows it', () => {
    loadFixture('jira', 'ticket.html');
    const state = readPage(jira, document, new URL('https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-117'));
    expect(state.state).toBe('unreadable');
    expect(JSON.stringify(state)).not.toContain('SAML');
  });

  it('leaves the composer alone while it says neither reply nor note', () => {
    loadFixture('jira', 'ticket.html');
    document.querySelectorAll('[aria-pressed]').forEach((button) => button.setAttribute('aria-pressed', 'false'));
    expect(insertIntoEditor(jira, document, 'note', { text: 'Internal' })).toEqual({ ok: false, reason: 'wrong-mode' });
  });
});
