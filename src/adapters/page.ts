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
  return null;
}
