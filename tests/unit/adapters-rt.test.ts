// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { queryAll } from '../../src/adapters/dom';
import { insertIntoEditor } from '../../src/adapters/editor';
import { readPage } from '../../src/adapters/read';
import { rt } from '../../src/adapters/rt';
import { describeAdapterKit, fixture, loadFixture, showPage } from './adapters.kit';

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

  // `/Ticket/Update.html` without an id is the update form posted back with a fault in it.
  it.each(['/Ticket/Display.html', '/Ticket/Update.html', '/Search/Results.html?Query=id%3D123', '/Ticket/Display.html?idx=123'])(
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

/*
 * reply.html is RT 5.0.3's Reply page (Ticket/Update.html) built from its templates, with rich text on
 * (CKEditor 4, the editable in a frame filled from reply-editor.html). The Comment page is the same form with
 * its "Update Type" on comment; `commentPage` shows it with rich text off, the plain textarea.
 */
describe('Request Tracker: the Reply and Comment pages', () => {
  const NOTE = 'Escalation: P2 to Security';
  const ANSWER = 'Upload the new signing certificate under Settings > Security > SSO.';

  const richEditor = () => queryAll(document, '#cke_UpdateContent >>> body.cke_editable')[0] as HTMLElement;
  const plainEditor = () => document.querySelector<HTMLTextAreaElement>('textarea#UpdateContent')!;
  /** Every other field of the update form, to show nothing else was written. */
  const otherFields = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[name="UpdateSubject"], input[name="UpdateCc"]')).map((el) => el.value);
  const switchTo = (type: 'private' | 'response') => {
    const select = document.querySelector<HTMLSelectElement>('select#UpdateType')!;
    select.value = type;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  /** As RT renders `Update.html?Action=Comment&id=123` with MessageBoxRichText off. */
  const commentPage = (): URL => {
    const url = new URL('https://rt.example.org/Ticket/Update.html?Action=Comment&id=123');
    showPage(url, fixture('rt', 'reply.html').html, 'rt');
    document.querySelector<HTMLInputElement>('input[name="Action"]')!.value = 'Comment';
    document.querySelector<HTMLSelectElement>('select#UpdateType')!.value = 'private';
    document.querySelector('.messagebox-container')!.className = 'messagebox-container action-private';
    document.querySelector('#cke_UpdateContent')!.remove();
    const area = plainEditor();
    area.removeAttribute('style');
    area.classList.remove('richtext');
    area.value = 'Customer confirmed the IdP metadata was refreshed.';
    return url;
  };

  it('opens the ticket at either page, for its editor, and says it holds no messages', () => {
    for (const load of [() => loadFixture('rt', 'reply.html'), commentPage]) {
      const url = load();
      expect(findAdapter(document, url)?.id).toBe('rt');
      expect(readPage(rt, document, url)).toMatchObject({ state: 'unreadable', id: '123', missing: ['latestMessage'] });
    }
  });

  it('puts an answer into the reply after the agent’s draft, rich text on', () => {
    loadFixture('rt', 'reply.html');
    const fields = otherFields();
    expect(insertIntoEditor(rt, document, 'reply', { text: ANSWER, html: `<p>${ANSWER}</p>` })).toEqual({ ok: true });
    expect(richEditor().textContent).toMatch(new RegExp(`^Hi Dana,.*${ANSWER.replace(/[.>]/g, '\\$&')}$`, 's'));
    expect(plainEditor().value).toBe('<p>Hi Dana,</p>');
    expect(otherFields()).toEqual(fields);
  });

  it('refuses the note on the Reply page, and takes it once the agent switches it to a comment', () => {
    loadFixture('rt', 'reply.html');
    const before = richEditor().innerHTML;
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(richEditor().innerHTML).toBe(before);
    switchTo('private');
    expect(insertIntoEditor(rt, document, 'reply', { text: ANSWER })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(richEditor().innerHTML).toBe(before);
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: true });
    expect(richEditor().textContent?.endsWith(NOTE)).toBe(true);
  });

  it('puts the note into the comment after its draft, rich text off, and refuses an answer there', () => {
    commentPage();
    const fields = otherFields();
    expect(insertIntoEditor(rt, document, 'reply', { text: ANSWER })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(plainEditor().value).toBe('Customer confirmed the IdP metadata was refreshed.');
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: true });
    expect(plainEditor().value).toBe(`Customer confirmed the IdP metadata was refreshed.\n\n${NOTE}`);
    expect(otherFields()).toEqual(fields);
  });

  it('goes by the message box’s class where the Update Type cannot be read', () => {
    commentPage();
    document.querySelector('select#UpdateType')!.remove();
    expect(insertIntoEditor(rt, document, 'reply', { text: ANSWER })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: true });
    document.querySelector('.messagebox-container')!.className = 'messagebox-container';
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: false, reason: 'wrong-mode' });
  });

  it('finds no editor on the ticket page, where RT has none: the sidebar copies instead', () => {
    loadFixture('rt', 'ticket.html');
    expect(insertIntoEditor(rt, document, 'reply', { text: ANSWER })).toEqual({ ok: false, reason: 'no-editor' });
    expect(insertIntoEditor(rt, document, 'note', { text: NOTE })).toEqual({ ok: false, reason: 'no-editor' });
  });
});
