import { matches, queryAll, queryFirst } from './dom';
import { ownText, readText } from './text';
import type { MessagesSpec } from './types';

/** Small readers adapters share: each turns one matched element into a value, or `null` to try the next match. */

const SHORT = 500;
export const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[a-z]{2,}/i;
/** Timestamps looked at at each end of a conversation log for its oldest one. */
const END_TIMES = 50;

/** An e-mail address in a link, a tooltip, an ARIA label or the text. */
export function emailIn(el: Element): string | null {
  const sources = [
    el.getAttribute('href')?.replace(/^mailto:/i, ''),
    el.getAttribute('title'),
    el.getAttribute('aria-label'),
    readText(el, SHORT),
  ];
  for (const source of sources) {
    const email = source?.match(EMAIL)?.[0];
    if (email) return email;
  }
  return null;
}

/** A labelled value laid out as `<label>Email</label><value>…</value>`: matches the label, reads its next sibling. */
export function valueAfterLabel(label: RegExp): (el: Element) => string | null {
  return (el) => {
    const sibling = el.nextElementSibling;
    return sibling && label.test(readText(el, SHORT)) ? readText(sibling, SHORT) : null;
  };
}

/** A timestamp as the page states it: the machine-readable attribute first, then the tooltip, then the text. */
export function timeText(el: Element): string | null {
  return el.getAttribute('datetime') ?? el.getAttribute('title') ?? (readText(el, SHORT) || null);
}

/**
 * The oldest `time[datetime]` inside `el`, as ISO 8601. A log lists its messages in time order, one way or the
 * other, so only its first and last few timestamps are compared, however long it is.
 */
export function earliestTime(el: Element): string | null {
  let earliest = Number.POSITIVE_INFINITY;
  const times = queryAll(el, 'time[datetime]');
  const ends = times.length > 2 * END_TIMES ? [...times.slice(0, END_TIMES), ...times.slice(-END_TIMES)] : times;
  for (const time of ends) {
    const value = Date.parse(time.getAttribute('datetime') ?? '');
    if (!Number.isNaN(value) && value < earliest) earliest = value;
  }
  return Number.isFinite(earliest) ? new Date(earliest).toISOString() : null;
}

/** A tag chip's label without its remove control. */
export function tagText(el: Element): string | null {
  return readText(el, SHORT).replace(/^[×✕]\s*|\s*[×✕]$/g, '') || null;
}

/** A heading that also holds badges and buttons: its own text, or all of it when it has none of its own. */
export function headingText(el: Element): string | null {
  return ownText(el) || readText(el, 2_000) || null;
}

/** Names already keyed: a thread has few authors, and every one of its messages names one. */
const personKeys = new Map<string, string>();
const PERSON_KEYS = 1_000;

/** A person's name as written in different places: case, spacing and accents aside. */
function personKey(name: string): string {
  let key = personKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (personKeys.size >= PERSON_KEYS) personKeys.clear();
    personKeys.set(name, key);
  }
  return key;
}

/**
 * For apps that mark a message only by its author: an `internal` marker makes it an agent's note; otherwise the
 * author (the first `author` match) is compared with the ticket's requester, by name or e-mail. `null` when the
 * page names no author or the requester is unknown.
 */
export function authoredByRequester(author: readonly string[], internal: readonly string[] = []): MessagesSpec['fromCustomer'] {
  // Plain markers are looked for in one query, so that a message is walked once whatever their number.
  const internals = internal.length > 1 && !internal.some((selector) => selector.includes('>>>')) ? [internal.join(', ')] : internal;
  return (item, context) => {
    if (internals.some((selector) => matches(item, selector) || queryFirst(item, selector))) return false;
    let name: Element | null = null;
    for (const selector of author) {
      name = queryFirst(item, selector);
      if (name) break;
    }
    const text = name ? personKey(readText(name, SHORT)) : '';
    if (!text || (!context.requesterName && !context.requesterEmail)) return null;
    if (context.requesterName && text === personKey(context.requesterName)) return true;
    return context.requesterEmail ? text.includes(context.requesterEmail.toLowerCase()) : false;
  };
}
