// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { queryAll } from '../../src/adapters/dom';
import { insertIntoEditor } from '../../src/adapters/editor';
import { ticketKey } from '../../src/adapters/page';
import { readPage } from '../../src/adapters/read';
import { salesforce } from '../../src/adapters/salesforce';
import { describeAdapterKit, describeEditorKit, loadFixture } from './adapters.kit';

describeAdapterKit({
  adapter: salesforce,
  dir: 'salesforce',
  ticket: {
    file: 'console.html',
    expected: {
      id: '00002317',
      subject: `Can't sign in with SSO: "SAML response is invalid"`,
      priority: 'High',
      status: 'Working',
      tags: [],
      // Salesforce prints the user's local time without a zone, as the browser reads it.
      createdAt: new Date('3/3/2025, 9:12 AM').toISOString(),
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The console tab behind the one in front holds case 00002316.
    absent: ['00002316', 'VPN', 'Omar', 'Expand Post', 'sent an email', 'Share an update', '5005g00000ABCDEAA4"'],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  loadingId: null,
  arabic: {
    file: 'arabic.html',
    id: '00002319',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '>>> records-record-layout-item[field-label="Priority"]',
  unsupported: ['tags'],
});

describeEditorKit({
  adapter: salesforce,
  dir: 'salesforce',
  publicPage: 'console.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'post.html',
  internalDraft: 'Identity team, please check:',
  noTicket: 'list.html',
});

describe('Salesforce: console tabs', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Case/5005g00000ABCDEAA4/view', '5005g00000ABCDEAA4'],
    ['https://acme.lightning.force.com/lightning/r/5005g00000ABCDE/view', '5005g00000ABCDE'],
    ['https://acme.my.salesforce.com/lightning/r/Case/5005g00000ABCDEAA4/view?ws=%2Flightning%2Fo%2FCase%2Flist', '5005g00000ABCDEAA4'],
    ['https://acme.lightning.force.com/lightning/r/Account/0015g00000ABCDEAA4/view', null],
    ['https://acme.lightning.force.com/lightning/o/Case/list', null],
  ])('%s', (href, key) => {
    expect(ticketKey(salesforce.page, new URL(href))).toBe(key);
  });

  it('reads the CaseNumber with its leading zeros, not the record id', () => {
    const url = loadFixture('salesforce', 'console.html');
    const state = readPage(salesforce, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe('00002317');
  });

  it('follows a switch to the other console tab', () => {
    const url = loadFixture('salesforce', 'console.html');
    document.getElementById('tab-13')!.classList.remove('active');
    document.getElementById('tab-12')!.classList.add('active');
    const state = readPage(salesforce, document, new URL(url.href.replace('ABCDEAA4', 'ABCDFAA4')));
    expect(state.state === 'ready' && state.ticket.id).toBe('00002316');
    expect(state.state === 'ready' && state.ticket.subject).toBe('VPN drops every ten minutes');
  });

  it('reads nothing while no tab is in front', () => {
    const url = loadFixture('salesforce', 'console.html');
    document.getElementById('tab-13')!.classList.remove('active');
    expect(readPage(salesforce, document, url).state).toBe('unreadable');
  });

  it('never puts a reply into the internal post', () => {
    loadFixture('salesforce', 'post.html');
    const post = queryAll(document, '>>> [data-target-selection-name$="FeedItem.TextPost"] .ql-editor')[0]!;
    const before = post.innerHTML;
    expect(insertIntoEditor(salesforce, document, 'reply', { text: 'Upload the certificate.' })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(post.innerHTML).toBe(before);
  });
});
