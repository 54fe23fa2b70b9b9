import { browser } from 'wxt/browser';

/**
 * Every sidebar and popup loads the knowledge base once, and again when a page of the extension says it
 * changed: `knowledgeVersion` in storage.local, which every extension page hears.
 */
const VERSION_KEY = 'knowledgeVersion';

export async function announceKnowledgeChange(): Promise<void> {
  await browser.storage.local.set({ [VERSION_KEY]: Date.now() });
}

/** Calls `reload` whenever the knowledge base changed; returns the way to stop. */
export function onKnowledgeChanged(reload: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && VERSION_KEY in changes) reload();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
