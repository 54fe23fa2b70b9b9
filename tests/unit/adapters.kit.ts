import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { queryAll } from '../../src/adapters/dom';
import { ticketKey, ticketRoot } from '../../src/adapters/page';
import { insertIntoEditor } from '../../src/adapters/editor';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { LIMITS, PageState, type Ticket, type TicketField } from '../../src/model/ticket';
import { padConversation } from '../support/big-conversation';
import { attachDeclaredShadowRoots } from '../support/declarative-shadow';

/** A fixture's HTML and the URL named in its first-line comment. */
export function fixture(helpdesk: string, name: string): { url: URL; html: string } {
  // Test files run from the repository root; under happy-dom `import.meta.url` is not a file URL.
  const html = readFileSync(join(process.cwd(), 'tests', 'fixtures', helpdesk, name), 'utf8');
  const named = /^<!--\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!named) throw new Error(`${helpdesk}/${name}: the first line must be a comment naming the page URL`);
  return { url: new URL(named), html };
}

interface HappyWindow {
  happyDOM: { setURL(url: string): void; settings: { enableIframePageLoading: boolean } };
}

/** Fills each `<iframe data-fixture="file">` (in any shadow root) with that fixture file, as a same-origin frame. */
function fillFrames(helpdesk: string, scope: ParentNode): void {
  for (const frame of queryAll(scope, '>>> iframe[data-fixture]')) {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    const name = frame.getAttribute('data-fixture');
    if (!doc || !name) continue;
    const parsed = new DOMParser().parseFromString(readFileSync(join(process.cwd(), 'tests', 'fixtures', helpdesk, name), 'utf8'), 'text/html');
    doc.documentElement.innerHTML = parsed.documentElement.innerHTML;
    attachDeclaredShadowRoots(doc);
  }
}

/** Makes the test window show `html` at `url`, as the content script would find the page. */
export function showPage(url: URL, html: string, helpdesk?: string): void {
  const happy = (window as unknown as HappyWindow).happyDOM;
  happy.setURL(url.href);
  // Frames get a document only while frame loading is on; it stays off for frames that would fetch a page.
  happy.settings.enableIframePageLoading = /<iframe\b/.test(html) && !/<iframe\b[^>]*\ssrc=/.test(html);
  try {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.documentElement.innerHTML = parsed.documentElement.innerHTML;
    attachDeclaredShadowRoots(document);
  } finally {
    happy.settings.enableIframePageLoading = false;
  }
  if (helpdesk !== undefined) fillFrames(helpdesk, document);
}

export function loadFixture(helpdesk: string, name: string): URL {
  const { url, html } = fixture(helpdesk, name);
  showPage(url, html, helpdesk);
  return url;
}

/** The shown view of the open ticket, as the adapter finds it. */
export function openRoot(adapter: Adapter, url: URL): Element | null {
  const key = ticketKey(adapter.page, url);
  return key === null ? null : ticketRoot(adapter, document, key);
}

/** Every element the selectors match, deep selectors included. */
function allMatches(selectors: readonly string[], scope: ParentNode = document): Element[] {
  return selectors.flatMap((selector) => queryAll(scope, selector));
}

/** Deterministic pseudo-random numbers, so a failing fuzz case can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function expectValid(state: PageState): void {
  const parsed = PageState.safeParse(state);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
}

function ready(state: PageState): { ticket: Ticket; missing: string[] } {
  expectValid(state);
  if (state.state !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(state)}`);
  return state;
}

export interface AdapterCase {
  adapter: Adapter;
  /** Folder under tests/fixtures/. */
  dir: string;
  ticket: {
    file: string;
    expected: Required<Pick<Ticket, 'id' | 'subject' | 'priority' | 'status' | 'tags' | 'createdAt'>> & {
      /** Without `email` where the helpdesk does not show the requester's address. */
      requester: { name: string; email?: string };
    };
    /** The newest customer message starts with this. */
    latestStartsWith: string;
    /** Thread snippets, newest first. */
    threadOrder: string[];
    /** Text that must not be read: quoted history, a hidden tab's ticket, UI controls. */
    absent: string[];
  };
  noTicket: string;
  loading: string;
  /**
   * The id a view still loading reports: by default the first number in the URL path; `null` where the id is
   * read from the page (nothing to report before it shows).
   */
  loadingId?: string | null;
  arabic: { file: string; id: string; subject: string; latestIncludes: string; requesterName: string };
  /** A selector that removes an optional field (priority) from the ticket page. */
  priorityElements: string;
  /** Fields this helpdesk (or this view of it) does not have, so they are always reported missing. */
  unsupported?: TicketField[];
}

/** Removes every match, in frames and shadow roots as well. */
function removeAll(selectors: readonly string[]): void {
  for (const el of allMatches(selectors.map((selector) => (selector.includes('>>>') ? selector : `>>> ${selector}`)))) el.remove();
}

export function describeAdapterKit(c: AdapterCase): void {
  const { adapter, dir } = c;

  describe(`${adapter.name}: recognising the page`, () => {
    it.each([c.ticket.file, c.noTicket, c.loading, c.arabic.file])('finds the adapter on %s', (name) => {
      const url = loadFixture(dir, name);
      expect(findAdapter(document, url)?.id).toBe(adapter.id);
    });

    it('answers on http, https and any port of the real hosts', () => {
      const { url } = fixture(dir, c.ticket.file);
      loadFixture(dir, c.ticket.file);
      const rest = `${url.pathname}${url.search}${url.hash}`;
      for (const variant of [`http://${url.hostname}${rest}`, `https://${url.hostname}:8443${rest}`]) {
        const state = readPage(adapter, document, new URL(variant));
        expect(findAdapter(document, new URL(variant))?.id).toBe(adapter.id);
        expect(ready(state).ticket.id).toBe(c.ticket.expected.id);
      }
    });

    it('rejects unrelated pages', () => {
      showPage(new URL('https://blog.example.org/posts/42'), '<html><body><main><h1>Release notes</h1><p>Hello</p></main></body></html>');
      expect(findAdapter(document, new URL('https://blog.example.org/posts/42'))).toBeNull();
      expect(findAdapter(document, new URL('https://blog.example.org/agent/tickets/1'))).toBeNull();
      expect(findAdapter(document, new URL('https://blog.example.org/a/tickets/1'))).toBeNull();
      const { url } = fixture(dir, c.ticket.file);
      // The same host's help centre or customer portal is not the agent app.
      expect(findAdapter(document, new URL(`https://${url.hostname}/hc/en-us/articles/1`))).toBeNull();
      expect(findAdapter(document, new URL(`https://${url.hostname}/support/solutions/1`))).toBeNull();
      expect(findAdapter(document, new URL(`ftp://${url.hostname}${url.pathname}`))).toBeNull();
    });
  });

  describe(`${adapter.name}: reading the ticket`, () => {
    it('reads every field of the open ticket', () => {
      const url = loadFixture(dir, c.ticket.file);
      const { ticket, missing } = ready(readPage(adapter, document, url));
      const { expected } = c.ticket;
      expect(ticket).toMatchObject({
        id: expected.id,
        helpdesk: adapter.id,
        url: url.href,
        subject: expected.subject,
        priority: expected.priority,
        status: expected.status,
        tags: expected.tags,
        createdAt: expected.createdAt,
        requester: expected.requester,
      });
      expect(ticket.language).toBeUndefined();
      expect(missing).toEqual(c.unsupported ?? []);
    });

    it('takes the newest customer message as the latest message and keeps paragraph breaks', () => {
      const url = loadFixture(dir, c.ticket.file);
      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket.latestMessage.startsWith(c.ticket.latestStartsWith)).toBe(true);
      expect(ticket.latestMessage).toMatch(/\n/);
      expect(ticket.latestMessage).toBe(ticket.latestMessage.trim());
    });

    it('writes the thread newest first', () => {
      const url = loadFixture(dir, c.ticket.file);
      const { ticket } = ready(readPage(adapter, document, url));
      const positions = c.ticket.threadOrder.map((snippet) => ticket.thread.indexOf(snippet));
      expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(ticket.thread).toMatch(/\n\n/);
    });

    it('reads nothing from hidden views, quoted history or controls', () => {
      const url = loadFixture(dir, c.ticket.file);
      const { ticket } = ready(readPage(adapter, document, url));
      const everything = JSON.stringify(ticket);
      for (const text of c.ticket.absent) expect(everything).not.toContain(text);
    });

    it('lists optional fields it could not find and still reads the ticket', () => {
      const url = loadFixture(dir, c.ticket.file);
      removeAll([c.priorityElements]);
      const state = ready(readPage(adapter, document, url));
      expect(state.missing).toContain('priority');
      expect(state.ticket.priority).toBeUndefined();
    });

    it('reads a right-to-left ticket', () => {
      const url = loadFixture(dir, c.arabic.file);
      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket.id).toBe(c.arabic.id);
      expect(ticket.subject).toBe(c.arabic.subject);
      expect(ticket.latestMessage).toContain(c.arabic.latestIncludes);
      expect(ticket.requester?.name).toBe(c.arabic.requesterName);
    });
  });

  describe(`${adapter.name}: pages without a readable ticket`, () => {
    it('says no ticket on a list page', () => {
      const url = loadFixture(dir, c.noTicket);
      const state = readPage(adapter, document, url);
      expectValid(state);
      expect(state).toEqual({ state: 'no-ticket', helpdesk: adapter.id });
    });

    it('calls a view still in its loading skeleton unreadable, naming the required fields', () => {
      const url = loadFixture(dir, c.loading);
      const state = readPage(adapter, document, url);
      expectValid(state);
      expect(state.state).toBe('unreadable');
      if (state.state !== 'unreadable') return;
      expect(state.id).toBe(c.loadingId === undefined ? url.pathname.match(/\d+/)?.[0] : (c.loadingId ?? undefined));
      expect(state.missing.length).toBeGreaterThan(0);
      for (const field of state.missing) expect(adapter.required).toContain(field as TicketField);
      expect(state.diagnostic).toContain(`helpdesk: ${adapter.id}`);
      expect(state.diagnostic).not.toMatch(/\d{3,}/);
    });

    it('names a missing required field with the selectors tried, and no ticket text', () => {
      const url = loadFixture(dir, c.ticket.file);
      removeAll(adapter.fields.subject.selectors);
      const state = readPage(adapter, document, url);
      expectValid(state);
      expect(state.state).toBe('unreadable');
      if (state.state !== 'unreadable') return;
      expect(state.missing).toEqual(['subject']);
      expect(state.id).toBe(c.ticket.expected.id);
      expect(state.diagnostic).toContain(adapter.fields.subject.selectors[0]);
      expect(state.diagnostic).toContain(':id');
      expect(state.diagnostic).not.toContain(c.ticket.expected.id);
      for (const text of [c.ticket.latestStartsWith, ...c.ticket.threadOrder, c.ticket.expected.requester.name]) {
        expect(state.diagnostic).not.toContain(text);
      }
    });

    it('calls a ticket without messages unreadable', () => {
      const url = loadFixture(dir, c.ticket.file);
      removeAll([...adapter.fields.messages.items, ...(adapter.fields.messages.opening ?? [])]);
      const state = readPage(adapter, document, url);
      expectValid(state);
      expect(state.state === 'unreadable' && state.missing).toContain('latestMessage');
    });
  });

  describe(`${adapter.name}: hostile and huge pages`, () => {
    it('never throws on a page that is being torn down at random', () => {
      const random = seeded(adapter.id.length * 7919);
      for (let round = 0; round < 40; round += 1) {
        const url = loadFixture(dir, c.ticket.file);
        const all = Array.from(document.body.querySelectorAll('*'));
        for (const el of all) {
          const roll = random();
          if (roll < 0.08) el.remove();
          else if (roll < 0.12) el.setAttribute('style', 'display: none');
          else if (roll < 0.16) el.textContent = '\u0000'.repeat(Math.floor(random() * 5));
          else if (roll < 0.18) el.setAttribute('data-test-id', '"]\\');
        }
        expect(() => expectValid(readPage(adapter, document, url))).not.toThrow();
      }
    });

    it('survives a page whose DOM methods throw', () => {
      const url = loadFixture(dir, c.ticket.file);
      // Elements and shadow roots, in this window and in its frames; documents still answer.
      const frames = queryAll(document, '>>> iframe').map((frame) => (frame as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null);
      const prototypes = [...new Set([window, ...frames].flatMap((win) => (win ? [win.Element.prototype, win.DocumentFragment.prototype, win.ShadowRoot.prototype] : [])))];
      const originals = prototypes.map((prototype) => ({ all: prototype.querySelectorAll, first: prototype.querySelector }));
      for (const prototype of prototypes) {
        prototype.querySelectorAll = function () {
          throw new Error('hostile');
        } as typeof prototype.querySelectorAll;
        prototype.querySelector = function () {
          throw new Error('hostile');
        } as typeof prototype.querySelector;
      }
      try {
        const state = readPage(adapter, document, url);
        expectValid(state);
        expect(state.state).toBe('unreadable');
      } finally {
        prototypes.forEach((prototype, index) => {
          prototype.querySelectorAll = originals[index]!.all;
          prototype.querySelector = originals[index]!.first;
        });
      }
    });

    it('reads an empty document and garbage markup without throwing', () => {
      const { url } = fixture(dir, c.ticket.file);
      for (const html of ['', '<div><span><b></div></i>', '<table><tr><td><svg><foreignObject><p>x</svg>']) {
        showPage(url, html);
        const state = readPage(adapter, document, url);
        expectValid(state);
        expect(state.state).toBe('unreadable');
      }
    });

    // Building a 5 MB DOM is slow in a simulated document; the read's own cost is measured by `npm run bench`.
    it('caps a 5 MB conversation', { timeout: 60_000 }, () => {
      const url = loadFixture(dir, c.ticket.file);
      const parent = padConversation(adapter, openRoot(adapter, url)!);
      expect(parent.textContent!.length).toBeGreaterThan(5_000_000);

      const { ticket } = ready(readPage(adapter, document, url));
      expect(ticket.thread.length).toBeLessThanOrEqual(LIMITS.thread);
      expect(ticket.thread.length).toBeGreaterThan(LIMITS.thread / 2);
      expect(ticket.latestMessage.startsWith(c.ticket.latestStartsWith)).toBe(true);
    });
  });
}

export interface EditorCase {
  adapter: Adapter;
  dir: string;
  /** Composer set to public reply, with the agent's draft in it. */
  publicPage: string;
  publicDraft: string;
  /** Composer set to internal note (or the note editor open), with a draft. */
  internalPage: string;
  internalDraft: string;
  noTicket: string;
}

interface Observed {
  types: string[];
  stop(): void;
}

/** Records input-path events that reach `editor`. */
function observe(editor: Element): Observed {
  const types: string[] = [];
  const record = (event: Event) => {
    if (event.target instanceof Node && editor.contains(event.target)) types.push(event.type);
  };
  for (const type of ['beforeinput', 'input', 'paste']) document.addEventListener(type, record, true);
  return {
    types,
    stop: () => ['beforeinput', 'input', 'paste'].forEach((type) => document.removeEventListener(type, record, true)),
  };
}

function composer(adapter: Adapter, url: URL, target: 'reply' | 'note'): HTMLElement {
  const root = openRoot(adapter, url)!;
  const spec = target === 'note' ? adapter.editors!.note! : adapter.editors!.reply;
  for (const selector of spec.selectors) {
    const found = queryAll(root, selector).find((el) => el.getAttribute('contenteditable') === 'true');
    if (found) return found as HTMLElement;
  }
  throw new Error('fixture has no composer');
}

function otherEditables(editor: Element): Map<Element, string> {
  const others = new Map<Element, string>();
  document.querySelectorAll('[contenteditable], textarea').forEach((el) => {
    if (el !== editor) others.set(el, el.innerHTML);
  });
  return others;
}

function expectUntouched(others: Map<Element, string>): void {
  for (const [el, html] of others) expect(el.innerHTML).toBe(html);
}

const ARTICLE = 'Upload the new signing certificate under Settings > Security > SSO.\nThen test with a private window.';

export function describeEditorKit(c: EditorCase): void {
  const { adapter, dir } = c;

  describe(`${adapter.name}: inserting into the composer`, () => {
    it('puts a reply after the agent draft, through the input path, and nowhere else', () => {
      const url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      const others = otherEditables(editor);
      const events = observe(editor);
      const result = insertIntoEditor(adapter, document, 'reply', { text: ARTICLE });
      events.stop();
      expect(result).toEqual({ ok: true });
      const text = editor.textContent ?? '';
      expect(text.startsWith(c.publicDraft)).toBe(true);
      expect(text).toContain('Upload the new signing certificate under Settings > Security > SSO.');
      expect(text.indexOf('Upload')).toBeGreaterThan(text.indexOf(c.publicDraft));
      expect(events.types).toContain('input');
      expectUntouched(others);
    });

    it('inserts at the caret when the agent left it in the editor', () => {
      const url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      const draftNode = editor.querySelector('p')!.firstChild!;
      const caret = document.createRange();
      caret.setStart(draftNode, 3);
      caret.collapse(true);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(caret);
      expect(insertIntoEditor(adapter, document, 'reply', { text: 'dear ' })).toEqual({ ok: true });
      expect(editor.textContent).toBe(`${c.publicDraft.slice(0, 3)}dear ${c.publicDraft.slice(3)}`);
    });

    it('never replaces what the agent selected', () => {
      const url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      const draftNode = editor.querySelector('p')!.firstChild!;
      const selection = document.createRange();
      selection.setStart(draftNode, 0);
      selection.setEnd(draftNode, 2);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(selection);
      expect(insertIntoEditor(adapter, document, 'reply', { text: '!' })).toEqual({ ok: true });
      expect(editor.textContent).toBe(`${c.publicDraft.slice(0, 2)}!${c.publicDraft.slice(2)}`);
    });

    it('hands editors that take pastes the text and HTML in one paste', () => {
      const url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      const pasted: Array<{ text: string; html: string }> = [];
      editor.addEventListener('paste', (event) => {
        const data = (event as ClipboardEvent).clipboardData!;
        pasted.push({ text: data.getData('text/plain'), html: data.getData('text/html') });
        event.preventDefault();
      });
      const result = insertIntoEditor(adapter, document, 'reply', { text: 'Plain', html: '<p>Rich</p>' });
      expect(result).toEqual({ ok: true });
      expect(pasted).toHaveLength(1);
      expect(pasted[0]!.text.endsWith('Plain')).toBe(true);
      expect(pasted[0]!.html.endsWith('<p>Rich</p>')).toBe(true);
      // The editor took the paste: nothing else was written.
      expect(editor.textContent).toBe(c.publicDraft);
    });

    it('refuses a note while the composer is set to public reply', () => {
      const url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      const before = editor.innerHTML;
      const events = observe(editor);
      expect(insertIntoEditor(adapter, document, 'note', { text: 'Internal: escalate' })).toEqual({ ok: false, reason: 'wrong-mode' });
      events.stop();
      expect(editor.innerHTML).toBe(before);
      expect(events.types).toEqual([]);
    });

    it('refuses a reply while the composer is set to internal note', () => {
      const url = loadFixture(dir, c.internalPage);
      const editor = composer(adapter, url, 'note');
      const before = editor.innerHTML;
      expect(insertIntoEditor(adapter, document, 'reply', { text: ARTICLE })).toEqual({ ok: false, reason: 'wrong-mode' });
      expect(editor.innerHTML).toBe(before);
    });

    it('puts a note into the internal note after its draft', () => {
      const url = loadFixture(dir, c.internalPage);
      const editor = composer(adapter, url, 'note');
      const others = otherEditables(editor);
      const events = observe(editor);
      expect(insertIntoEditor(adapter, document, 'note', { text: 'Escalation: P2 to identity-team' })).toEqual({ ok: true });
      events.stop();
      expect(editor.textContent!.startsWith(c.internalDraft)).toBe(true);
      expect(editor.textContent!.endsWith('Escalation: P2 to identity-team')).toBe(true);
      expect(events.types).toContain('input');
      expectUntouched(others);
    });

    it('says there is no editor where there is none', () => {
      let url = loadFixture(dir, c.noTicket);
      expect(insertIntoEditor(adapter, document, 'reply', { text: 'x' })).toEqual({ ok: false, reason: 'no-editor' });
      url = loadFixture(dir, c.publicPage);
      const editor = composer(adapter, url, 'reply');
      editor.remove();
      expect(insertIntoEditor(adapter, document, 'reply', { text: 'x' })).toEqual({ ok: false, reason: 'no-editor' });
    });

    it('falls back to a textarea composer', () => {
      const url = loadFixture(dir, c.publicPage);
      const root = openRoot(adapter, url)!;
      const area = document.createElement('textarea');
      area.className = 'plain-composer';
      area.value = 'Hello';
      root.append(area);
      const variant: Adapter = { ...adapter, editors: { reply: { selectors: ['textarea.plain-composer'] } } };
      const events = observe(area);
      expect(insertIntoEditor(variant, document, 'reply', { text: 'World' })).toEqual({ ok: true });
      events.stop();
      expect(area.value).toBe('Hello\n\nWorld');
      expect(events.types).toContain('input');
    });

    it('never throws, even when the page breaks focus', () => {
      loadFixture(dir, c.publicPage);
      const original = HTMLElement.prototype.focus;
      HTMLElement.prototype.focus = () => {
        throw new Error('hostile');
      };
      try {
        expect(insertIntoEditor(adapter, document, 'reply', { text: 'x' })).toEqual({ ok: false, reason: 'error' });
      } finally {
        HTMLElement.prototype.focus = original;
      }
    });
  });
}
