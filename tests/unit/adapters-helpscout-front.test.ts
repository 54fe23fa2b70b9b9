// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { front } from '../../src/adapters/front';
import { helpscout } from '../../src/adapters/helpscout';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { LIMITS, PageState, type Ticket, type TicketField } from '../../src/model/ticket';
import { describeEditorKit, fixture, loadFixture, openRoot, seeded, showPage } from './adapters.kit';

/*
 * The shared kit (adapters.kit.ts) expects every helpdesk to have a priority field; neither Help Scout nor Front
 * has one. The same checks run here with the fields each app really has; the editor kit applies as it is.
 */

const SUBJECT = `Can't sign in with SSO: "SAML response is invalid"`;
const THREAD = ['Do we need to upload the new certificate', 'Checked the IdP metadata', 'Could you send us a SAML trace', 'Since this morning none of our staff'];
const ARABIC = { subject: 'استفسار عن رسوم مكررة في فاتورة مارس', latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين', requesterName: 'ليلى حداد' };
const ABSENT = ['Invoice copy for February', 'Acme Support wrote', '×', 'Hello Dana,', 'Send'];

interface Case {
  adapter: Adapter;
  dir: string;
  expected: Omit<Ticket, 'helpdesk' | 'url' | 'latestMessage' | 'thread' | 'language' | 'draft'>;
  /** Fields the app does not have. */
  notInApp: TicketField[];
  arabicId: string;
  /** The id an unreadable loading view reports: `undefined` where the id is read from the view itself. */
  loadingId: string | undefined;
  absent: string[];
  /** An optional field's elements, removed to check that it is reported missing. */
  optional: { field: TicketField; selector: string };
  editor: { internalPage: string };
}

const CASES: Case[] = [
  {
    adapter: helpscout,
    dir: 'helpscout',
    expected: {
      id: '9051',
      subject: SUBJECT,
      status: 'Active',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    notInApp: ['priority'],
    arabicId: '9053',
    loadingId: '9051',
    absent: [...ABSENT, 'replied', '2871634201'],
    optional: { field: 'status', selector: '[data-cy="StatusButton"]' },
    editor: { internalPage: 'composer-note.html' },
  },
  {
    adapter: front,
    dir: 'front',
    expected: {
      id: 'CS-2210',
      subject: SUBJECT,
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    notInApp: ['priority'],
    arabicId: 'CS-2212',
    loadingId: undefined,
    absent: [...ABSENT, 'support@acme.example', '7762260226', 'Archive'],
    optional: { field: 'tags', selector: '[class*="conversationTags__"]' },
    editor: { internalPage: 'composer-comment.html' },
  },
];

function expectValid(state: PageState): void {
  const parsed = PageState.safeParse(state);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
}

function ready(state: PageState): { ticket: Ticket; missing: string[] } {
  expectValid(state);
  if (state.state !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(state)}`);
  return state;
}

function messageItems(adapter: Adapter, root: Element): Element[] {
  for (const selector of adapter.fields.messages.items) {
    const items = Array.from(root.querySelectorAll(selector));
    if (items.length > 0) return items;
  }
  return [];
}

describe.each(CASES)('$adapter.name', (c) => {
  const { adapter, dir } = c;
  const files = ['ticket.html', 'list.html', 'loading.html', 'arabic.html'];

  describe('recognising the page', () => {
    it.each(files)('finds the adapter on %s', (name) => {
      const url = loadFixture(dir, name);
      expect(findAdapter(document, url)?.id).toBe(adapter.id);
    });

    it('answers on http, https and any port of the real hosts', () => {
      const { url } = fixture(dir, 'ticket.html');
      loadFixture(dir, 'ticket.html');
      for (const variant of [`http://${url.hostname}${url.pathname}`, `https://${url.hostname}:8443${url.pathname}${url.search}`]) {
        expect(findAdapter(document, new URL(variant))?.id).toBe(adapter.id);
        expect(ready(readPage(adapter, document, new URL(variant))).ticket.id).toBe(c.expected.id);
      }
    });

    it('rejects unrelated pages and the same host outside the agent app', () => {
      const { url } = fixture(dir, 'ticket.html');
      showPage(new URL('https://blog.example.org/posts/42'), '<html><body><main><h1>Release notes</h1></main></body></html>');
      expect(findAdapter(document, new URL(`https://blog.example.org${url.pathname}`))).toBeNull();
      expect(findAdapter(document, new URL(`https://${url.hostname}/hc/en-us/articles/1`))).toBeNull();
      expect(findAdapter(document, new URL(`https://${url.hostname}/support/solutions/1`))).toBeNull();
      expect(findAdapter(document, new URL(`ftp://${url.hostname}${url.pathname}`))).toBeNull();
    });
  });

  describe('reading the ticket', () => {
    it('reads every field the app has, and names the ones it has not', () => {
      const url = loadFixture(dir, 'ticket.html');
      const { ticket, missing } = ready(readPage(adapter, document, url));
      expect(ticket).toMatchObject({ ...c.expected, helpdesk: adapter.id, url: url.href });
      expect(missing).toEqual(c.notInApp);
    });

    it('takes the newest customer message, writes the thread newest first, and reads no controls or history', () => {
      const url = loadFixture(dir, 'ticket.html');
      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket.latestMessage.startsWith('Here is what I found: the certificate fingerprint')).toBe(true);
      expect(ticket.latestMessage).toMatch(/\n/);
      const positions = THREAD.map((snippet) => ticket.thread.indexOf(snippet));
      expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const everything = JSON.stringify({ ...ticket, url: '' });
      for (const text of c.absent) expect(everything).not.toContain(text);
    });

    it('reports an optional field missing and still reads the ticket', () => {
      const url = loadFixture(dir, 'ticket.html');
      document.querySelectorAll(c.optional.selector).forEach((el) => el.remove());
      const state = ready(readPage(adapter, document, url));
      expect(state.missing).toContain(c.optional.field);
    });

    it('reads a right-to-left ticket', () => {
      const url = loadFixture(dir, 'arabic.html');
      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket).toMatchObject({ id: c.arabicId, subject: ARABIC.subject, requester: { name: ARABIC.requesterName } });
      expect(ticket.latestMessage).toContain(ARABIC.latestIncludes);
    });
  });

  describe('pages without a readable ticket', () => {
    it('says no ticket on a list page', () => {
      const url = loadFixture(dir, 'list.html');
      expect(readPage(adapter, document, url)).toEqual({ state: 'no-ticket', helpdesk: adapter.id });
    });

    it('calls a view still in its loading skeleton unreadable, naming required fields only', () => {
      const url = loadFixture(dir, 'loading.html');
      const state = readPage(adapter, document, url);
      expectValid(state);
      if (state.state !== 'unreadable') throw new Error(JSON.stringify(state));
      expect(state.id).toBe(c.loadingId);
      expect(state.missing.length).toBeGreaterThan(0);
      for (const field of state.missing) expect(adapter.required).toContain(field as TicketField);
      expect(state.diagnostic).toContain(`helpdesk: ${adapter.id}`);
      expect(state.diagnostic).not.toMatch(/\d{3,}/);
    });

    it('names a missing subject with the selectors tried, and no ticket text', () => {
      const url = loadFixture(dir, 'ticket.html');
      for (const selector of adapter.fields.subject.selectors) document.querySelectorAll(selector).forEach((el) => el.remove());
      const state = readPage(adapter, document, url);
      expectValid(state);
      if (state.state !== 'unreadable') throw new Error(JSON.stringify(state));
      expect(state.missing).toEqual(['subject']);
      expect(state.diagnostic).toContain(adapter.fields.subject.selectors[0]);
      expect(state.diagnostic).toContain(':id');
      for (const text of [c.expected.id, 'Here is what I found', ...THREAD, 'Dana Levi']) expect(state.diagnostic).not.toContain(text);
    });

    it('calls a ticket without messages unreadable', () => {
      const url = loadFixture(dir, 'ticket.html');
      for (const selector of adapter.fields.messages.items) document.querySelectorAll(selector).forEach((el) => el.remove());
      const state = readPage(adapter, document, url);
      expectValid(state);
      expect(state.state === 'unreadable' && state.missing).toContain('latestMessage');
    });
  });

  describe('hostile and huge pages', () => {
    it('never throws on a page that is being torn down at random', () => {
      const random = seeded(adapter.id.length * 104_729);
      for (let round = 0; round < 40; round += 1) {
        const url = loadFixture(dir, 'ticket.html');
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const roll = random();
          if (roll < 0.08) el.remove();
          else if (roll < 0.12) el.setAttribute('style', 'display: none');
          else if (roll < 0.16) el.textContent = '\u0000'.repeat(Math.floor(random() * 5));
          else if (roll < 0.18) el.setAttribute('class', '"]\\');
        }
        expect(() => expectValid(readPage(adapter, document, url))).not.toThrow();
      }
    });

    it('survives a page whose DOM methods throw, and empty or broken markup', () => {
      const url = loadFixture(dir, 'ticket.html');
      const original = Element.prototype.querySelectorAll;
      Element.prototype.querySelectorAll = function () {
        throw new Error('hostile');
      } as typeof original;
      try {
        const state = readPage(adapter, document, url);
        expectValid(state);
        expect(state.state).toBe('unreadable');
      } finally {
        Element.prototype.querySelectorAll = original;
      }
      for (const html of ['', '<div><span><b></div></i>', '<table><tr><td><svg><foreignObject><p>x</svg>']) {
        showPage(url, html);
        const state = readPage(adapter, document, url);
        expectValid(state);
        expect(state.state).toBe('unreadable');
      }
    });

    it('caps a 5 MB conversation', { timeout: 60_000 }, () => {
      const url = loadFixture(dir, 'ticket.html');
      const root = openRoot(adapter, url)!;
      const first = messageItems(adapter, root)[0]!;
      const template = first.cloneNode(true) as Element;
      const body = Array.from(template.querySelectorAll('p')).pop() ?? template;
      body.textContent = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(45)}\n`.repeat(2);
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < 1_000; i += 1) fragment.append(template.cloneNode(true));
      first.parentElement!.insertBefore(fragment, first);
      expect(document.body.textContent!.length).toBeGreaterThan(5_000_000);

      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket.thread.length).toBeLessThanOrEqual(LIMITS.thread);
      expect(ticket.thread.length).toBeGreaterThan(LIMITS.thread / 2);
      expect(ticket.latestMessage.startsWith('Here is what I found')).toBe(true);
    });
  });
});

for (const c of CASES) {
  describeEditorKit({
    adapter: c.adapter,
    dir: c.dir,
    publicPage: 'ticket.html',
    publicDraft: 'Hello Dana,',
    internalPage: c.editor.internalPage,
    internalDraft: 'Escalating to identity',
    noTicket: 'list.html',
  });
}

describe('ticket ids', () => {
  it('Help Scout: the number agents see, never the conversation id', () => {
    loadFixture('helpscout', 'ticket.html');
    for (const path of ['/conversation/2871634201/9051', '/conversation/2871634201/9051/', '/conversation/2871634201/9051?folderId=5501127&viewId=8']) {
      expect(ready(readPage(helpscout, document, new URL(`https://secure.helpscout.net${path}`))).ticket.id).toBe('9051');
    }
    expect(readPage(helpscout, document, new URL('https://secure.helpscout.net/mailbox/5501127/'))).toEqual({ state: 'no-ticket', helpdesk: 'helpscout' });
  });

  it.each(['/conversation/2871634201', '/conversation/2871634201/', '/conversation/2871634201?folderId=5501127'])(
    'Help Scout: %s, without the number, reads it from the header',
    (path) => {
      loadFixture('helpscout', 'ticket.html');
      const url = new URL(`https://secure.helpscout.net${path}`);
      expect(findAdapter(document, url)?.id).toBe('helpscout');
      expect(ready(readPage(helpscout, document, url)).ticket.id).toBe('9051');
    },
  );

  it('Help Scout: the number in the URL comes first; without it nor the header, the id is missing', () => {
    loadFixture('helpscout', 'ticket.html');
    document.querySelector('[data-cy="ConversationHeader"] [data-cy="Text"]')!.textContent = '#9050';
    expect(ready(readPage(helpscout, document, new URL('https://secure.helpscout.net/conversation/2871634201/9051'))).ticket.id).toBe('9051');
    document.querySelector('[data-cy="ConversationHeader"] [data-cy="Text"]')!.remove();
    const state = readPage(helpscout, document, new URL('https://secure.helpscout.net/conversation/2871634201'));
    expect(state.state === 'unreadable' && state.missing).toEqual(['id']);
  });

  it('Help Scout: a conversation still loading, linked without its number, reports no id', () => {
    loadFixture('helpscout', 'loading.html');
    const state = readPage(helpscout, document, new URL('https://secure.helpscout.net/conversation/2871634201'));
    expect(state.state).toBe('unreadable');
    expect(state.state === 'unreadable' && state.id).toBeUndefined();
  });

  it.each([
    '/inboxes/teams/views/15931074/open/7762260226',
    '/inboxes/shared/support/open/7762260226',
    '/inboxes/teammates/20999898/inbox/all/7762260226',
    '/inboxes/teams/4808209/inbox/15931074/cnv_3kq1z2',
    '/open/cnv_3kq1z2',
  ])('Front: %s shows ticket CS-2210, read from the page', (path) => {
    loadFixture('front', 'ticket.html');
    expect(ready(readPage(front, document, new URL(`https://app.frontapp.com${path}`))).ticket.id).toBe('CS-2210');
  });

  it('Front: a list or a search is no conversation', () => {
    for (const path of ['/inboxes/teams/views/15931074', '/inboxes/teams/views/15931074/open/0', '/inboxes/teams/4808209/search/workspace/dana/0']) {
      expect(readPage(front, document, new URL(`https://app.frontapp.com${path}`))).toEqual({ state: 'no-ticket', helpdesk: 'front' });
    }
  });

  it('Front: a conversation without a ticket ID is unreadable, naming the id', () => {
    const url = loadFixture('front', 'ticket.html');
    document.querySelector('[class*="ticketId__"]')!.remove();
    const state = readPage(front, document, url);
    expect(state.state === 'unreadable' && state.missing).toEqual(['id']);
  });
});
