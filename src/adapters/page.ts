import { LIMITS } from '../model/limits';
import { attrValue, isShown, queryAll } from './dom';
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

/** The ticket id agents see, from the URL; `null` when the page shows no ticket. */
export function ticketIdFromUrl(spec: PageSpec, url: URL): string | null {
  const id = spec.ticketPath.exec(url.pathname)?.[1];
  return id && id.length <= LIMITS.id ? id : null;
}

/**
 * The shown view of ticket `id`, or `null` while it is not rendered. Views that the app keeps in the page for
 * other tabs carry another id, and a hidden view of this ticket does not count either.
 */
export function ticketRoot(adapter: Adapter, doc: Document, id: string): Element | null {
  for (const template of adapter.root.selectors) {
    const selector = template.split('{id}').join(attrValue(id));
    for (const match of queryAll(doc, selector)) {
      const root = (adapter.root.within ? match.closest(adapter.root.within) : null) ?? match;
      if (isShown(match) && isShown(root)) return root;
    }
  }
  return unkeyedRoot(adapter, doc);
}

/**
 * `[data-ticket-id="{id}"]` -> `[data-ticket-id]`, `[data-test-id="ticket-{id}-layout"]` ->
 * `[data-test-id^="ticket-"][data-test-id$="-layout"]`: a view of any ticket.
 */
function anyTicket(template: string): string {
  return template.replace(/\[([\w-]+)="([^"]*)\{id\}([^"]*)"\]/g, (_all, name: string, before: string, after: string) =>
    before || after ? `${before ? `[${name}^="${before}"]` : ''}${after ? `[${name}$="${after}"]` : ''}` : `[${name}]`,
  );
}

/**
 * A page that keys no view by ticket at all (an older UI, a saved page) is read from its one shown view, or
 * from the whole page when the app shows one ticket at a time. While any keyed view is in the page, only the
 * keyed view of this ticket counts: the previous ticket's view must never pass for the new one.
 */
function unkeyedRoot(adapter: Adapter, doc: Document): Element | null {
  if (adapter.root.selectors.some((template) => queryAll(doc, anyTicket(template)).length > 0)) return null;
  const { within } = adapter.root;
  const subject = adapter.fields.subject.selectors;
  const views = (within ? queryAll(doc, within) : doc.body ? [doc.body] : []).filter(
    (view) => isShown(view) && subject.some((selector) => queryAll(view, selector).some(isShown)),
  );
  return views.length === 1 ? (views[0] ?? null) : null;
}
