import { freshdesk } from './freshdesk';
import { detectPage } from './page';
import type { Adapter } from './types';
import { zendesk } from './zendesk';

// Imported by wxt.config.ts in Node at build time: nothing here may touch `document` or `window` on import.

export const ADAPTERS: readonly Adapter[] = [zendesk, freshdesk];

/** Every adapter's manifest match patterns, once each. */
export const HOST_MATCHES: readonly string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))];

/** The adapter for the helpdesk this page belongs to, or `null` on any other page. */
export function findAdapter(doc: Document, url: URL): Adapter | null {
  for (const adapter of ADAPTERS) {
    try {
      if (detectPage(adapter.page, doc, url)) return adapter;
    } catch {
      // A hostile page must not stop the other adapters from looking.
    }
  }
  return null;
}
