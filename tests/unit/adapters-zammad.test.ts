// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { readPage } from '../../src/adapters/read';
import { zammad } from '../../src/adapters/zammad';
import { describeAdapterKit, describeEditorKit, loadFixture, showPage } from './adapters.kit';

const subject = `Can't sign in with SSO: "SAML response is invalid"`;

describeAdapterKit({
  adapter: zammad,
  dir: 'zammad',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '40112',
      subject,
      priority: '3 high',
      status: 'open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'],
    // The task of ticket 40111 stays in the page behind this one; quoted history, the fold control, the tag
    // controls and the other choices of the selects.
    absent: ['Invoice copy for February', 'Omar', 'Acme Support wrote', 'See more', 'Add Tag', '2 normal', 'pending'],
  },
  noTicket: 'overview.html',
  loading: 'loading.html',
  // The number shows with the ticket; the URL has only the internal id.
  loadingId: null,
  arabic: {
    file: 'arabic.html',
    id: '40113',
    subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
    latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
    requesterName: 'ليلى حداد',
  },
  priorityElements: '[data-attribute-name="priority_id"]',
});

describeEditorKit({
  adapter: zammad,
  dir: 'zammad',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'composer-internal.html',
  internalDraft: 'Escalating to identity',
  noTicket: 'overview.html',
});

/** Brings ticket `id`'s task to the front and points the URL at it, as Zammad's task manager does. */
function switchTask(id: number): URL {
  for (const task of Array.from(document.querySelectorAll('[id^="content_permanent_"]'))) {
    const front = task.id === `content_permanent_Ticket-${id}`;
    task.classList.toggle('active', front);
    task.classList.toggle('hide', !front);
  }
  return new URL(`https://support.example.com/#ticket/zoom/${id}`);
}

describe('Zammad: routes and tasks', () => {
  it.each([
    ['#ticket/zoom/88', '40112'],
    ['#ticket/zoom/88/304', '40112'],
    ['#ticket/zoom/88/nav/true', '40112'],
  ])('opens the ticket at %s by its number, not its internal id', (fragment, id) => {
    loadFixture('zammad', 'ticket.html');
    const url = new URL(`https://support.example.com/${fragment}`);
    expect(findAdapter(document, url)?.id).toBe('zammad');
    const state = readPage(zammad, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe(id);
  });

  it('answers on Zammad\'s hosting, *.zammad.com, where its own content script runs', () => {
    expect(zammad.matches).toEqual(['*://*.zammad.com/*']);
    loadFixture('zammad', 'ticket.html');
    for (const href of ['https://acme.zammad.com/#ticket/zoom/88', 'http://acme.zammad.com:8080/#ticket/zoom/88']) {
      const url = new URL(href);
      expect(findAdapter(document, url)?.id).toBe('zammad');
      const state = readPage(zammad, document, url);
      expect(state.state === 'ready' && state.ticket.id).toBe('40112');
    }
  });

  it('stays off the vendor\'s own site on the same hosts', () => {
    const home = '<html><body><header><a href="/en/pricing">Pricing</a></header><main><h1>Zammad: the helpdesk</h1></main></body></html>';
    for (const href of ['https://zammad.com/', 'https://www.zammad.com/', 'https://zammad.com/index.html']) {
      showPage(new URL(href), home);
      expect(findAdapter(document, new URL(href))).toBeNull();
    }
  });

  it.each(['#ticket/view/my_assigned', '#dashboard', '#ticket/zoom/', '#ticket/create', ''])('sees no open ticket at "%s"', (fragment) => {
    loadFixture('zammad', 'ticket.html');
    expect(readPage(zammad, document, new URL(`https://support.example.com/${fragment}`))).toEqual({ state: 'no-ticket', helpdesk: 'zammad' });
  });

  it('follows the agent to another open task and never reads the one behind', () => {
    loadFixture('zammad', 'ticket.html');
    const other = readPage(zammad, document, switchTask(87));
    expect(other.state === 'ready' && [other.ticket.id, other.ticket.subject]).toEqual(['40111', 'Invoice copy for February']);
    expect(JSON.stringify(other)).not.toContain('SAML');
    const back = readPage(zammad, document, switchTask(88));
    expect(back.state === 'ready' && back.ticket.id).toBe('40112');
  });

  it('waits for a task the app has not rendered yet instead of reading another', () => {
    loadFixture('zammad', 'ticket.html');
    const state = readPage(zammad, document, new URL('https://support.example.com/#ticket/zoom/90'));
    expect(state.state).toBe('unreadable');
    expect(JSON.stringify(state)).not.toContain('40112');
  });

  it('takes customer articles as the customer’s, internal ones never', () => {
    loadFixture('zammad', 'ticket.html');
    const items = Array.from(document.querySelectorAll('#content_permanent_Ticket-88 .ticket-article-item'));
    expect(items.map((item) => zammad.fields.messages.fromCustomer(item, {}))).toEqual([true, false, false, true]);
    items[3]!.classList.add('is-internal');
    expect(zammad.fields.messages.fromCustomer(items[3]!, {})).toBe(false);
  });
});
