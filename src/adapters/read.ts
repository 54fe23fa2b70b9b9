import { LIMITS } from '../model/limits';
import type { PageState, Requester, Ticket, TicketField } from '../model/ticket';
import { hiddenByMarkup, queryAll } from './dom';
import { ticketIdFromUrl, ticketRoot } from './page';
import { EMAIL } from './readers';
import { readText } from './text';
import type { Adapter, FieldSpec, ListSpec, MessagesSpec } from './types';

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

function readField(root: Element, spec: FieldSpec, cap: number): string | undefined {
  for (const selector of spec.selectors) {
    for (const el of queryAll(root, selector).slice(0, MATCHES_PER_SELECTOR)) {
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

function messageItems(root: Element, spec: MessagesSpec): Element[] {
  for (const selector of spec.items) {
    const items = queryAll(root, selector).filter((item) => !hiddenByMarkup(item, root));
    if (items.length > 0) return items;
  }
  return [];
}

function newestFirst(items: Element[], spec: MessagesSpec): boolean {
  const first = items[0];
  const last = items[items.length - 1];
  if (first && last && first !== last) {
    const [a, b] = [timeOf(spec, first), timeOf(spec, last)];
    if (a !== undefined && b !== undefined && a !== b) return a > b;
  }
  return spec.order === 'newest-first';
}

function messageBody(item: Element, spec: MessagesSpec): Element {
  for (const selector of spec.body) {
    const body = queryAll(item, selector).find((el) => !hiddenByMarkup(el, item));
    if (body) return body;
  }
  return item;
}

interface Conversation {
  latestMessage?: string;
  thread?: string;
  count: number;
}

/**
 * Reads the conversation newest message first and stops once the thread is full and the newest customer
 * message is known, so the cost is bounded by the caps rather than by the length of the ticket.
 */
function readConversation(root: Element, spec: MessagesSpec): Conversation {
  const items = messageItems(root, spec);
  if (items.length === 0) return { count: 0 };
  const reversed = !newestFirst(items, spec);
  const ignore = spec.ignore?.join(', ');
  const parts: string[] = [];
  let threadLength = 0;
  let newest: string | undefined;
  let newestFromCustomer: string | undefined;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[reversed ? items.length - 1 - i : i]!;
    const room = LIMITS.thread - threadLength;
    const wantsLatest = newestFromCustomer === undefined && attempt(() => spec.fromCustomer(item)) === true;
    if (room <= 0 && newestFromCustomer !== undefined) break;
    const budget = Math.max(room, wantsLatest || newest === undefined ? LIMITS.latestMessage : 0);
    if (budget <= 0) continue;
    const text = attempt(() => readText(messageBody(item, spec), budget, ignore));
    if (!text) continue;
    newest ??= text.slice(0, LIMITS.latestMessage).trim();
    if (wantsLatest) newestFromCustomer = text.slice(0, LIMITS.latestMessage).trim();
    if (room > THREAD_SEPARATOR.length) {
      const part = text.slice(0, room - (parts.length > 0 ? THREAD_SEPARATOR.length : 0)).trim();
      parts.push(part);
      threadLength += part.length + (parts.length > 1 ? THREAD_SEPARATOR.length : 0);
    }
  }
  const thread = parts.join(THREAD_SEPARATOR).slice(0, LIMITS.thread).trim();
  return { latestMessage: newestFromCustomer ?? newest, thread: thread || undefined, count: items.length };
}

function readRequester(root: Element, adapter: Adapter): Requester | undefined {
  const rawName = readField(root, adapter.fields.requesterName, LIMITS.short);
  const rawEmail = readField(root, adapter.fields.requesterEmail, LIMITS.short);
  const email = (rawEmail ?? rawName)?.match(EMAIL)?.[0];
  const name = oneLine(rawName?.replace(/<[^>]*@[^>]*>/g, ''), LIMITS.short);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email: email.slice(0, LIMITS.short) } : {}) };
}

/** The URL path with ids and keys replaced, so a diagnostic says where without saying which ticket. */
export function pathPattern(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) && /^[\w.-]+$/.test(segment) ? ':id' : segment))
    .join('/');
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
      return [adapter.page.ticketPath.source];
  }
}

function unreadable(adapter: Adapter, url: URL, id: string, missing: TicketField[], lines: string[]): PageState {
  return { state: 'unreadable', helpdesk: adapter.id, id, missing, diagnostic: diagnostic(adapter, url, lines) };
}

/**
 * What the page shows: no ticket, a ticket that cannot be read (with the missing fields and a diagnostic that
 * names selectors, never ticket text), or the ticket. Never throws, whatever the page holds.
 */
export function readPage(adapter: Adapter, doc: Document, url: URL): PageState {
  try {
    const id = ticketIdFromUrl(adapter.page, url);
    if (id === null) return { state: 'no-ticket', helpdesk: adapter.id };
    const root = ticketRoot(adapter, doc, id);
    if (!root) {
      const required = [...adapter.required];
      return unreadable(adapter, url, id, required, [triedLine('ticket view', adapter.root.selectors, ' not found')]);
    }

    const subject = attempt(() => readField(root, adapter.fields.subject, LIMITS.subject));
    const conversation = attempt(() => readConversation(root, adapter.fields.messages)) ?? { count: 0 };
    const requester = attempt(() => readRequester(root, adapter));
    const priority = attempt(() => readField(root, adapter.fields.priority, LIMITS.short));
    const status = attempt(() => readField(root, adapter.fields.status, LIMITS.short));
    const tags = attempt(() => readList(root, adapter.fields.tags)) ?? [];
    const created = attempt(() => readField(root, adapter.fields.createdAt, LIMITS.short));
    const createdAt = created === undefined ? undefined : (toIsoDate(created) ?? created);

    const found: Record<TicketField, boolean> = {
      id: true,
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

    const ticket: Ticket = {
      id,
      helpdesk: adapter.id,
      url: url.href.slice(0, 2_000),
      subject: subject ?? '',
      latestMessage: conversation.latestMessage ?? '',
      thread: conversation.thread ?? '',
      tags,
      ...(requester ? { requester } : {}),
      ...(priority ? { priority } : {}),
      ...(status ? { status } : {}),
      ...(createdAt ? { createdAt: createdAt.slice(0, LIMITS.short) } : {}),
    };
    return { state: 'ready', ticket, missing };
  } catch (error) {
    return {
      state: 'unreadable',
      helpdesk: adapter.id,
      missing: ['page'],
      diagnostic: diagnostic(adapter, url, [`reader error: ${error instanceof Error ? error.name : 'unknown'}`]),
    };
  }
}
