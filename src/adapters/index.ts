import { freshdesk } from './freshdesk';
import { front } from './front';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { jira } from './jira';
import { findAmong } from './page';
import { salesforce } from './salesforce';
import { SELF_HOSTED_ADAPTERS } from './self-hosted';
import { servicenow } from './servicenow';
import type { Adapter } from './types';
import { zendesk } from './zendesk';

/*
 * The registry, for the build, the tests and the CLI. Content scripts do not import it: each hosted helpdesk
 * gets a content script with its own adapter only (entrypoints/<id>.content.ts), so what runs in a helpdesk
 * page stays small however many helpdesks there are.
 * Imported by wxt.config.ts in Node at build time: nothing here may touch `document` or `window` on import.
 */

/**
 * Helpdesks on their vendors' hosts, each with its own content script. Self-hosted ones that the vendor also
 * hosts (Zammad on `*.zammad.com`) have one as well, for those hosts, besides the self-hosted script.
 */
export const HOSTED_ADAPTERS: readonly Adapter[] = [zendesk, freshdesk, servicenow, jira, salesforce, hubspot, intercom, helpscout, front, gorgias];

export { SELF_HOSTED_ADAPTERS };

export const ADAPTERS: readonly Adapter[] = [...HOSTED_ADAPTERS, ...SELF_HOSTED_ADAPTERS];

/** Every adapter's manifest match patterns, once each. */
export const HOST_MATCHES: readonly string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))];

/** The adapter for the helpdesk this page belongs to, or `null` on any other page. */
export function findAdapter(doc: Document, url: URL): Adapter | null {
  return findAmong(ADAPTERS, doc, url);
}
