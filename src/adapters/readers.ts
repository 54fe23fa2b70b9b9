import { matches, queryAll } from './dom';
import { ownText, readText } from './text';
import type { MessagesSpec } from './types';

/** Small readers adapters share: each turns one matched element into a value, or `null` to try the next match. */

const SHORT = 500;
export const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[a-z]{2,}/i;
/** A conversation log with more timestamps than this is not scanned further for the oldest one. */
const MAX_TIMES = 5_000;

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

/** The oldest `time[datetime]` inside `el`, as ISO 8601. */
export function earliestTime(el: Element): string | null {
  let earliest = Number.POSITIVE_INFINITY;
  for (const time of queryAll(el, 'time[datetime]').slice(0, MAX_TIMES)) {
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

/** A person's name as written in different places: case, spacing and accents aside. */
function personKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * For apps that mark a message only by its author: an `internal` marker makes it an agent's note; otherwise the
 * author (the first `author` match) is compared with the ticket's requester, by name or e-mail. `null` when the
 * page names no author or the requester is unknown.
 */
export function authoredByRequester(author: readonly string[], internal: readonly string[] = []): MessagesSpec['fromCustomer'] {
  return (item, context) => {
    if (internal.some((selector) => matches(item, selector) || queryAll(item, selector).length > 0)) return false;
    const name = author.map((selector) => queryAll(item, selector)[0]).find((el) => el !== undefined);
    const text = name ? personKey(readText(name, SHORT)) : '';
    if (!text || (!context.requesterName && !context.requesterEmail)) return null;
    if (context.requesterName && text === personKey(context.requesterName)) return true;
    return context.requesterEmail ? text.includes(context.requesterEmail.toLowerCase()) : false;
  };
}
