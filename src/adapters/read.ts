import { LIMITS } from '../model/limits';
import type { PageState, Requester, Ticket, TicketField } from '../model/ticket';
import { hiddenByMarkup, hiddenUnder, inOnePass, queryAll, queryFirst } from './dom';
import { decodedUrl, ticketKey, ticketRoot } from './page';
import { EMAIL } from './readers';
import { readText } from './text';
import type { Adapter, FieldSpec, IdSpec, ListSpec, MessageContext, MessagesSpec } from './types';

/** Matches per selector looked at before moving on: a stray selector must not walk a whole page. */
const MATCHES_PER_SELECTOR = 25;
const DIAGNOSTIC_MAX = 4_000;
const THREAD_SEPARATOR = '\n\n';
/** What helpdesks show in an empty dropdown. */
const PLACEHOLDER = /^[-–—.…]*$/;

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Trims, folds whitespace to single spaces, drops placeholders and caps: for one-line values. */
function oneLine(value: string | null | undefined, cap: number): string | undefined {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return PLACEHOLDER.test(text) ? undefined : text.slice(0, cap).trim();
}

function defaultRead(el: Element, cap: number): string {
  switch (el.localName) {
    case 'input':
    case 'textarea':
      return (el as HTMLInputElement).value ?? el.getAttribute('value') ?? '';
    case 'select':
      return (el as HTMLSelectElement).selectedOptions?.[0]?.text ?? (el as HTMLSelectElement).value ?? '';
    default:
      return readText(el, cap + 200);
  }
}

function readValue(el: Element, read: FieldSpec['read'], cap: number): string | null {
  return read ? read(el) : defaultRead(el, cap);
}

/**
 * The matches of `selector` under `scope` in order, at most `limit`: the first is found without collecting the
 * others, which are looked for only when it does not do. A page's fields are mostly read from their first match,
 * and a field before a long conversation is then found without walking the conversation.
 */
function* matchesOf(scope: ParentNode, selector: string, limit = MATCHES_PER_SELECTOR): Generator<Element> {
  const first = queryFirst(scope, selector);
  if (!first) return;
  yield first;
  const all = queryAll(scope, selector);
  for (let i = 1; i < Math.min(all.length, limit); i += 1) yield all[i]!;
}

function readField(root: Element, spec: FieldSpec, cap: number): string | undefined {
  for (const selector of spec.selectors) {
    for (const el of matchesOf(root, selector)) {
      if (hiddenByMarkup(el, root)) continue;
      const value = oneLine(attempt(() => readValue(el, spec.read, cap)), cap);
      if (value) return value;
    }
  }
  return undefined;
}

function readList(root: Element, spec: ListSpec): string[] {
  for (const selector of spec.selectors) {
    const seen = new Set<string>();
    const items: string[] = [];
    for (const el of queryAll(root, selector)) {
      if (items.length >= LIMITS.tags) break;
      if (hiddenByMarkup(el, root)) continue;
      const value = oneLine(attempt(() => readValue(el, spec.read, LIMITS.tag)), LIMITS.tag);
      if (!value || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      items.push(value);
    }
    if (items.length > 0) return items;
  }
  return [];
}

/** ISO 8601 for dates a helpdesk prints, e.g. `2025-03-03T09:12:00Z` or `(Mon, 3 Mar 2025 at 9:12 AM)`. */
export function toIsoDate(text: string): string | undefined {
  if (!/\b(19|20)\d{2}\b/.test(text)) return undefined;
  const candidates = [
    text.trim(),
    text
      .replace(/[()]/g, ' ')
      .replace(/\bat\b/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  for (const candidate of candidates) {
    const time = Date.parse(candidate);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return undefined;
}

function timeOf(spec: MessagesSpec, item: Element): number | undefined {
  const text = spec.time ? attempt(() => spec.time!(item)) : undefined;
  const iso = text ? toIsoDate(text) : undefined;
  return iso === undefined ? undefined : Date.parse(iso);
}

/** The matches of the first item selector that matches a shown message; whether one is hidden is asked as needed. */
function messageItems(root: Element, spec: MessagesSpec): { all: Element[]; hidden: (item: Element) => boolean } {
  const hidden = hiddenUnder(root);
  for (const selector of spec.items) {
    const all = queryAll(root, selector);
    if (all.some((item) => !hidden(item))) return { all, hidden };
  }
  return { all: [], hidden };
}

/** The opening message kept apart from the conversation: a form field's value, or the element's text. */
function openingText(root: Element, spec: MessagesSpec, budget: number): string | undefined {
  for (const selector of spec.opening ?? []) {
    for (const el of matchesOf(root, selector)) {
      if (hiddenByMarkup(el, root)) continue;
      const raw = el.localName === 'textarea' || el.localName === 'input' ? ((el as HTMLTextAreaElement).value ?? '') : readText(el, budget);
      const text = raw.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, budget);
      if (text && !PLACEHOLDER.test(text)) return text;
    }
  }
  return undefined;
}

function newestFirst(first: Element | undefined, last: Element | undefined, spec: MessagesSpec): boolean {
  if (first && last && first !== last) {
    const [a, b] = [timeOf(spec, first), timeOf(spec, last)];
    if (a !== undefined && b !== undefined && a !== b) return a > b;
  }
  return spec.order === 'newest-first';
}

/**
 * The newest `LIMITS.messages` shown messages, newest first, and how many the page lists: only these are looked
 * at, so a thread of thousands of messages costs a read no more than one of a few hundred.
 */
function newestMessages(root: Element, spec: MessagesSpec): { recent: Element[]; count: number } {
  const { all, hidden } = messageItems(root, spec);
  let first: Element | undefined;
  let last: Element | undefined;
  for (let i = 0; i < all.length && !first; i += 1) if (!hidden(all[i]!)) first = all[i];
  for (let i = all.length - 1; i >= 0 && !last; i -= 1) if (!hidden(all[i]!)) last = all[i];
  const reversed = !newestFirst(first, last, spec);
  const recent: Element[] = [];
  let looked = 0;
  for (; looked < all.length && recent.length < LIMITS.messages; looked += 1) {
    const item = all[reversed ? all.length - 1 - looked : looked]!;
    if (!hidden(item)) recent.push(item);
  }
  return { recent, count: recent.length + all.length - looked };
}

function messageBody(item: Element, spec: MessagesSpec): Element {
  for (const selector of spec.body) {
    for (const body of matchesOf(item, selector, Number.POSITIVE_INFINITY)) {
      if (!hiddenByMarkup(body, item)) return body;
    }
  }
  return item;
}

interface Conversation {
  latestMessage?: string;
  thread?: string;
  count: number;
  /** Messages from the customer; unset when the page says of no message who wrote it. */
  contacts?: number;
}

/**
 * Reads the conversation newest message first and stops reading text once the thread is full and the newest
 * customer message is known, so the text costs what the caps allow rather than the length of the ticket. Who
 * wrote each message is looked at for the newest `LIMITS.messages`: the customer's among them are the contacts
 * counted, enough for any repeat-contact rule.
 */
function readConversation(root: Element, spec: MessagesSpec, context: MessageContext): Conversation {
  const { recent, count } = newestMessages(root, spec);
  const opening = attempt(() => openingText(root, spec, LIMITS.latestMessage));
  if (recent.length === 0 && opening === undefined) return { count: 0 };
  const ignore = spec.ignore?.join(', ');
  const authors = recent.map((item) => attempt(() => spec.fromCustomer(item, context)) ?? null);
  const parts: string[] = [];
  let threadLength = 0;
  let newest: string | undefined;
  let newestFromCustomer: string | undefined;
  for (let index = 0; index < recent.length; index += 1) {
    const item = recent[index]!;
    // What the thread still takes of this message, after the separator that would come before it.
    const room = LIMITS.thread - threadLength - (parts.length > 0 ? THREAD_SEPARATOR.length : 0);
    const wantsLatest = newestFromCustomer === undefined && authors[index] === true;
    if (room <= 0 && newestFromCustomer !== undefined) break;
    const budget = Math.max(room, wantsLatest || newest === undefined ? LIMITS.latestMessage : 0);
    if (budget <= 0) continue;
    const text = attempt(() => readText(messageBody(item, spec), budget, ignore));
    if (!text) continue;
    newest ??= text.slice(0, LIMITS.latestMessage).trim();
    if (wantsLatest) newestFromCustomer = text.slice(0, LIMITS.latestMessage).trim();
    if (room > 0) {
      const part = text.slice(0, room).trim();
      threadLength += part.length + (parts.length > 0 ? THREAD_SEPARATOR.length : 0);
      parts.push(part);
    }
  }
  if (opening !== undefined) {
    // The oldest message, from the customer: the latest one only when nothing newer came from them.
    newest ??= opening;
    newestFromCustomer ??= opening;
    const room = LIMITS.thread - threadLength - (parts.length > 0 ? THREAD_SEPARATOR.length : 0);
    if (room > 0) parts.push(opening.slice(0, room).trim());
  }
  const thread = parts.join(THREAD_SEPARATOR).slice(0, LIMITS.thread).trim();
  const fromCustomer = authors.filter((author) => author === true).length + (opening === undefined ? 0 : 1);
  const attributed = opening !== undefined || authors.some((author) => author !== null);
  return {
    latestMessage: newestFromCustomer ?? newest,
    thread: thread || undefined,
    count: count + (opening === undefined ? 0 : 1),
    ...(attributed ? { contacts: fromCustomer } : {}),
  };
}

function readRequester(root: Element, adapter: Adapter): Requester | undefined {
  const rawName = readField(root, adapter.fields.requesterName, LIMITS.short);
  const rawEmail = readField(root, adapter.fields.requesterEmail, LIMITS.short);
  const email = (rawEmail ?? rawName)?.match(EMAIL)?.[0];
  const name = oneLine(rawName?.replace(/<[^>]*@[^>]*>/g, ''), LIMITS.short);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email: email.slice(0, LIMITS.short) } : {}) };
}

/** A path with every token that holds a digit replaced, and of a query only the parameter names. */
function maskRoute(route: string): string {
  const cut = route.indexOf('?');
  const path = (cut < 0 ? route : route.slice(0, cut))
    .split('/')
    .map((segment) => segment.replace(/[\w.-]*\d[\w.-]*/g, ':id'))
    .join('/');
  const names = (cut < 0 ? '' : route.slice(cut + 1))
    .split(/[&?]/)
    .map((pair) => pair.split('=')[0] ?? '')
    .filter((name) => /^[\w.-]+$/.test(name));
  return names.length > 0 ? `${path}?${names.map((name) => `${name}=:id`).join('&')}` : path;
}

/**
 * The URL's route with ids and keys replaced, so a diagnostic says where without saying which ticket: the path,
 * decoded where it nests another URL (`/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D…`), the names
 * of query parameters (their values can hold search text) and a fragment route (`#ticket/zoom/:id`).
 */
export function pathPattern(url: URL): string {
  const full = decodedUrl(url);
  const hash = full.indexOf('#');
  const route = maskRoute(hash < 0 ? full : full.slice(0, hash));
  return hash < 0 || hash === full.length - 1 ? route : `${route}#${maskRoute(full.slice(hash + 1))}`;
}

function triedLine(field: string, selectors: readonly string[], note = ''): string {
  return `${field}${note}: tried ${selectors.join(' | ')}`;
}

function diagnostic(adapter: Adapter, url: URL, lines: string[]): string {
  return [`helpdesk: ${adapter.id}`, `path: ${pathPattern(url)}`, ...lines].join('\n').slice(0, DIAGNOSTIC_MAX);
}

function selectorsFor(adapter: Adapter, field: TicketField): readonly string[] {
  const { fields } = adapter;
  switch (field) {
    case 'subject':
      return fields.subject.selectors;
    case 'requester':
      return [...fields.requesterName.selectors, ...fields.requesterEmail.selectors];
    case 'priority':
      return fields.priority.selectors;
    case 'status':
      return fields.status.selectors;
    case 'tags':
      return fields.tags.selectors;
    case 'createdAt':
      return fields.createdAt.selectors;
    case 'latestMessage':
    case 'thread':
      return [...fields.messages.items, ...fields.messages.body];
    case 'id':
      return fields.id?.selectors ?? [adapter.page.ticketPath.source];
  }
}

function unreadable(adapter: Adapter, url: URL, id: string | undefined, missing: TicketField[], lines: string[]): PageState {
  return { state: 'unreadable', helpdesk: adapter.id, ...(id === undefined ? {} : { id }), missing, diagnostic: diagnostic(adapter, url, lines) };
}

/** The id agents see, from the ticket view, in the shape the adapter expects. */
function readId(root: Element, spec: IdSpec): string | undefined {
  for (const selector of spec.selectors) {
    for (const el of matchesOf(root, selector)) {
      if (hiddenByMarkup(el, root)) continue;
      const value = oneLine(attempt(() => readValue(el, spec.read, LIMITS.id)), LIMITS.id + 1);
      if (value && value.length <= LIMITS.id && spec.pattern.test(value)) return value;
    }
  }
  return undefined;
}

/** The id agents see, from the URL path where the adapter says some links carry it. */
function idInPath(spec: IdSpec, url: URL): string | undefined {
  const value = spec.inPath?.exec(url.pathname)?.[1];
  return value !== undefined && value.length <= LIMITS.id && spec.pattern.test(value) ? value : undefined;
}

/**
 * What the page shows: no ticket, a ticket that cannot be read (with the missing fields and a diagnostic that
 * names selectors, never ticket text), or the ticket. Never throws, whatever the page holds.
 */
export function readPage(adapter: Adapter, doc: Document, url: URL): PageState {
  try {
    return inOnePass(() => readOpenTicket(adapter, doc, url));
  } catch (error) {
    return {
      state: 'error',
      helpdesk: adapter.id,
      diagnostic: diagnostic(adapter, url, [`reader error: ${error instanceof Error ? error.name : 'unknown'}`]),
    };
  }
}

function readOpenTicket(adapter: Adapter, doc: Document, url: URL): PageState {
  const key = ticketKey(adapter.page, url);
  if (key === null) return { state: 'no-ticket', helpdesk: adapter.id };
  const idSpec = adapter.fields.id;
  // An id read from the page is only known once the view is, unless the URL carries it as well: the URL's key
  // (a sys_id) is no id to show.
  const urlId = idSpec ? idInPath(idSpec, url) : key;
  const root = ticketRoot(adapter, doc, key);
  if (!root) {
    const required = [...adapter.required];
    const views = adapter.root.within ? [...adapter.root.selectors, adapter.root.within] : adapter.root.selectors;
    return unreadable(adapter, url, urlId, required, [triedLine('ticket view', views, ' not found')]);
  }
  const id = urlId ?? (idSpec ? attempt(() => readId(root, idSpec)) : undefined);

  const subject = attempt(() => readField(root, adapter.fields.subject, LIMITS.subject));
  const requester = attempt(() => readRequester(root, adapter));
  const context: MessageContext = {
    ...(requester?.name ? { requesterName: requester.name } : {}),
    ...(requester?.email ? { requesterEmail: requester.email } : {}),
  };
  const conversation = attempt(() => readConversation(root, adapter.fields.messages, context)) ?? { count: 0 };
  const priority = attempt(() => readField(root, adapter.fields.priority, LIMITS.short));
  const status = attempt(() => readField(root, adapter.fields.status, LIMITS.short));
  const tags = attempt(() => readList(root, adapter.fields.tags)) ?? [];
  const created = attempt(() => readField(root, adapter.fields.createdAt, LIMITS.short));
  const createdAt = created === undefined ? undefined : (toIsoDate(created) ?? created);
  const agentSpec = adapter.agent;
  const agent = agentSpec ? attempt(() => readField(doc.documentElement, agentSpec, LIMITS.short)) : undefined;

  const found: Record<TicketField, boolean> = {
    id: id !== undefined,
    subject: subject !== undefined,
    latestMessage: conversation.latestMessage !== undefined,
    thread: conversation.thread !== undefined,
    requester: requester !== undefined,
    priority: priority !== undefined,
    status: status !== undefined,
    tags: tags.length > 0,
    createdAt: createdAt !== undefined,
  };
  const missing = (Object.keys(found) as TicketField[]).filter((field) => !found[field]);
  const missingRequired = missing.filter((field) => adapter.required.includes(field));
  if (missingRequired.length > 0) {
    const lines = missingRequired.map((field) =>
      triedLine(field, selectorsFor(adapter, field), field === 'latestMessage' || field === 'thread' ? ` (${conversation.count} messages found)` : ''),
    );
    return unreadable(adapter, url, id, missingRequired, lines);
  }
  if (id === undefined) return unreadable(adapter, url, undefined, ['id'], [triedLine('id', selectorsFor(adapter, 'id'))]);

  const ticket: Ticket = {
    id,
    helpdesk: adapter.id,
    url: url.href.slice(0, 2_000),
    subject: subject ?? '',
    latestMessage: conversation.latestMessage ?? '',
    thread: conversation.thread ?? '',
    tags,
    ...(requester ? { requester } : {}),
    ...(agent ? { agent: { name: agent } } : {}),
    ...(priority ? { priority } : {}),
    ...(status ? { status } : {}),
    ...(createdAt ? { createdAt: createdAt.slice(0, LIMITS.short) } : {}),
    ...(conversation.contacts === undefined ? {} : { contacts: conversation.contacts }),
  };
  return { state: 'ready', ticket, missing };
}
