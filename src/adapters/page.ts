import { LIMITS } from '../model/limits';
import { attrValue, closestDeep, composedParent, isShown, queryAll } from './dom';
import type { Adapter, PageSpec } from './types';

export function hostMatches(hosts: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return hosts.some((pattern) =>
    pattern.startsWith('.') ? host === pattern.slice(1) || host.endsWith(pattern) : host === pattern,
  );
}

/** Whether the page is this helpdesk's agent app: on its own hosts by the path, elsewhere by the page itself. */
export function detectPage(spec: PageSpec, doc: Document, url: URL): boolean {
  if (!/^https?:$/.test(url.protocol) || !spec.appPath.test(url.pathname)) return false;
  if (hostMatches(spec.hosts, url.hostname)) return true;
  return spec.signature.some((selector) => queryAll(doc, selector).length > 0);
}

/** The first of `adapters` whose helpdesk this page belongs to, or `null`. */
export function findAmong(adapters: readonly Adapter[], doc: Document, url: URL): Adapter | null {
  for (const adapter of adapters) {
    try {
      if (detectPage(adapter.page, doc, url)) return adapter;
    } catch {
      // A hostile page must not stop the other adapters from looking.
    }
  }
  return null;
}

/** Percent-decoded, twice at most: apps nest encoded URLs in their own (`/nav_to.do?uri=%2Fincident.do%3F…`). */
export function decodedUrl(url: URL): string {
  let text = url.pathname + url.search + url.hash;
  for (let round = 0; round < 2 && /%[0-9a-f]{2}/i.test(text); round += 1) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text;
}

/**
 * The URL's key for the open ticket (`ticketPath`, then `ticketUrl`); `null` when the page shows no ticket.
 * It is the id agents see unless the adapter reads that from the page.
 */
export function ticketKey(spec: PageSpec, url: URL): string | null {
  const key = spec.ticketPath.exec(url.pathname)?.[1] ?? (spec.ticketUrl ? spec.ticketUrl.exec(decodedUrl(url))?.[1] : undefined);
  return key && key.length <= LIMITS.id ? key : null;
}

/**
 * The shown view of the ticket with URL key `key`, or `null` while it is not rendered. Views that the app keeps
 * in the page for other tabs carry another key, and a hidden view of this ticket does not count either.
 */
export function ticketRoot(adapter: Adapter, doc: Document, key: string): Element | null {
  for (const template of adapter.root.selectors) {
    const selector = template.split('{id}').join(attrValue(key));
    for (const match of queryAll(doc, selector)) {
      const root = (adapter.root.within ? closestDeep(match, adapter.root.within) : null) ?? match;
      if (isShown(match) && isShown(root)) return root;
    }
  }
  return unkeyedRoot(adapter, doc);
}

/**
 * `[data-ticket-id="{id}"]` -> `[data-ticket-id]`, `[data-test-id="ticket-{id}-layout"]` ->
 * `[data-test-id^="ticket-"][data-test-id$="-layout"]`, `[href$="/{id}"]` -> `[href*="/"]`: a view of any ticket.
 */
function anyTicket(template: string): string {
  return template.replace(/\[([\w-]+)([~|^$*]?)="([^"]*)\{id\}([^"]*)"\]/g, (_all, name: string, op: string, before: string, after: string) => {
    if (!before && !after) return `[${name}]`;
    const start = before ? `[${name}${op === '' || op === '^' ? '^' : '*'}="${before}"]` : '';
    const end = after ? `[${name}${op === '' || op === '$' ? '$' : '*'}="${after}"]` : '';
    return start + end;
  });
}

/**
 * A page that keys no view by ticket at all (an older UI, a saved page, an app that keys nothing) is read from
 * its one shown view holding a subject or an id, or from the whole page when the app shows one ticket at a time. While any keyed view is
 * in the page, only the keyed view of this ticket counts: the previous ticket's view must never pass for the
 * new one.
 */
function unkeyedRoot(adapter: Adapter, doc: Document): Element | null {
  if (adapter.root.selectors.some((template) => queryAll(doc, anyTicket(template)).length > 0)) return null;
  const { within } = adapter.root;
  const marks = [...adapter.fields.subject.selectors, ...(adapter.fields.id?.selectors ?? [])];
  const views = (within ? queryAll(doc, within) : doc.body ? [doc.body] : []).filter(
    (view) => isShown(view) && marks.some((selector) => queryAll(view, selector).some(isShown)),
  );
  // Views can nest (a console tab holding a record page): the innermost one is the ticket's.
  const innermost = views.filter((view) => !views.some((other) => other !== view && contains(view, other)));
  return innermost.length === 1 ? (innermost[0] ?? null) : null;
}

/** `inner` sits below `outer`, across shadow roots and frames. */
function contains(outer: Element, inner: Element): boolean {
  for (let node = composedParent(inner); node; node = composedParent(node)) {
    if (node === outer) return true;
  }
  return false;
}
