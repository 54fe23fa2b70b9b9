import { browser } from 'wxt/browser';
import * as z from 'zod/mini';

/**
 * Hosts granted for knowledge source URLs, not for helpdesks: the self-hosted content script is not registered
 * on them (src/permissions/sites.ts), although the browser records both kinds of grant alike.
 */
const KEY = 'knowledgeHosts';
const Hosts = z.array(z.string());

export async function knowledgeHosts(): Promise<Set<string>> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = Hosts.safeParse(stored[KEY]);
  return new Set(parsed.success ? parsed.data : []);
}

export async function setKnowledgeHost(pattern: string, used: boolean): Promise<void> {
  const hosts = await knowledgeHosts();
  if (used) hosts.add(pattern);
  else hosts.delete(pattern);
  await browser.storage.local.set({ [KEY]: [...hosts] });
}
