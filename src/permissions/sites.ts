import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { knowledgeHosts } from '../knowledge/store/hosts';
import { matchesPattern } from './patterns';
import { SITE_SCRIPT_PREFIX, siteFromPattern, siteOf, type Site } from './site';

/*
 * Self-hosted helpdesks live on hosts nobody can list in advance. The user enables one site at a time from the
 * toolbar popup: the browser asks for that site's host permission there and then, and the self-hosted content
 * script is registered for it (persisted across browser restarts). The granted permissions are the record of
 * which sites are enabled; the registered scripts follow them (`syncSites`), whoever granted or revoked them.
 */

/** The content script that carries the self-hosted adapters (entrypoints/self-hosted.content.ts). */
export const SELF_HOSTED_SCRIPT = '/content-scripts/self-hosted.js';

export type SiteStatus =
  | { kind: 'unsupported' }
  /** The manifest's own content scripts run here: a hosted helpdesk, or a host the build added (EXTRA_HOSTS). */
  | { kind: 'built-in'; site: Site }
  | { kind: 'enabled'; site: Site }
  | { kind: 'available'; site: Site };

const RegisteredScripts = z.array(z.object({ id: z.string(), matches: z.optional(z.array(z.string())) }));
const GrantedOrigins = z.object({ origins: z.optional(z.array(z.string())) });

/** Whether this browser can register content scripts at run time. */
export function canRegister(): boolean {
  return typeof browser.scripting?.registerContentScripts === 'function';
}

/** Enabled sites whose content script is registered, by pattern. */
async function registeredSites(): Promise<Map<string, Site>> {
  const scripts = RegisteredScripts.parse(await browser.scripting.getRegisteredContentScripts());
  const sites = new Map<string, Site>();
  for (const script of scripts) {
    if (!script.id.startsWith(SITE_SCRIPT_PREFIX)) continue;
    const site = siteFromPattern(script.id.slice(SITE_SCRIPT_PREFIX.length));
    if (site) sites.set(site.pattern, site);
  }
  return sites;
}

/** Hosts the manifest itself grants or runs a content script on (MV3 `host_permissions`, MV2 `permissions`). */
function manifestHosts(): Set<string> {
  const manifest = browser.runtime.getManifest();
  return new Set([
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ]);
}

/**
 * Single sites the user granted at run time, by pattern. The manifest's own hosts are not among them, nor the
 * hosts of knowledge source URLs, nor wildcard grants ("on all sites"): the self-hosted script runs only
 * where someone chose a helpdesk site.
 */
async function grantedSites(): Promise<Map<string, Site>> {
  const { origins = [] } = GrantedOrigins.parse(await browser.permissions.getAll());
  const required = manifestHosts();
  const knowledge = await knowledgeHosts();
  const sites = new Map<string, Site>();
  for (const origin of origins) {
    if (required.has(origin) || knowledge.has(origin)) continue;
    const site = siteFromPattern(origin);
    if (site) sites.set(site.pattern, site);
  }
  return sites;
}

function scriptFor(site: Site): Browser.scripting.RegisteredContentScript {
  return {
    id: site.scriptId,
    matches: [site.pattern],
    js: [SELF_HOSTED_SCRIPT],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Makes the registered content scripts match the granted sites: registers the newly granted, unregisters the
 * revoked. Safe to run from the popup and the background at once: a script another caller registered first
 * counts as registered.
 */
export async function syncSites(): Promise<{ registered: Site[]; unregistered: Site[] }> {
  if (!canRegister()) return { registered: [], unregistered: [] };
  const [granted, registered] = await Promise.all([grantedSites(), registeredSites()]);
  const stale = [...registered.values()].filter((site) => !granted.has(site.pattern));
  const missing = [...granted.values()].filter((site) => !registered.has(site.pattern));
  if (stale.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: stale.map((site) => site.scriptId) }).catch(() => undefined);
  }
  const added: Site[] = [];
  for (const site of missing) {
    try {
      await browser.scripting.registerContentScripts([scriptFor(site)]);
      added.push(site);
    } catch (error) {
      if (!(await registeredSites()).has(site.pattern)) throw error;
    }
  }
  return { registered: added, unregistered: stale };
}

/** What Deskmate does on the page at `url`. */
export async function siteStatus(url: string | undefined): Promise<SiteStatus> {
  const site = siteOf(url);
  if (!site || url === undefined) return { kind: 'unsupported' };
  const page = new URL(url);
  const builtIn = (browser.runtime.getManifest().content_scripts ?? []).some((script) =>
    (script.matches ?? []).some((pattern) => matchesPattern(pattern, page)),
  );
  if (builtIn) return { kind: 'built-in', site };
  if (!canRegister()) return { kind: 'unsupported' };
  const [registered, granted] = await Promise.all([
    registeredSites(),
    browser.permissions.contains({ origins: [site.pattern] }),
  ]);
  return registered.has(site.pattern) && granted ? { kind: 'enabled', site } : { kind: 'available', site };
}

/**
 * Asks for the site's host permission and registers the content script. Must run straight from the click
 * that asked for it: browsers show the permission prompt only during a user gesture, so nothing may be awaited
 * before the request.
 */
export async function enableSite(site: Site): Promise<'enabled' | 'denied'> {
  const granted = await browser.permissions.request({ origins: [site.pattern] });
  if (!granted) return 'denied';
  await syncSites();
  return 'enabled';
}

/** Unregisters the site's content script and gives its permission back. */
export async function disableSite(site: Site): Promise<void> {
  if ((await registeredSites()).has(site.pattern)) {
    await browser.scripting.unregisterContentScripts({ ids: [site.scriptId] });
  }
  await browser.permissions.remove({ origins: [site.pattern] });
}
