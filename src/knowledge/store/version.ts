import { browser } from 'wxt/browser';

/**
 * Every sidebar and popup loads the knowledge base once, and again when a page of the extension says it
 * changed: `knowledgeVersion` in storage.local, which every extension page hears. While a change runs,
 * `knowledgeUpdating` holds when it started, so that sidebars can say their answers are about to change.
 */
const VERSION_KEY = 'knowledgeVersion';
const UPDATING_KEY = 'knowledgeUpdating';

/** A change takes longer only when the page running it was closed before it could say it ended. */
const UPDATING_AT_MOST_MS = 30 * 60_000;

/** Runs a change of the knowledge base, saying meanwhile that one runs. */
export async function whileKnowledgeChanges<T>(work: () => Promise<T>): Promise<T> {
  await browser.storage.local.set({ [UPDATING_KEY]: Date.now() });
  try {
    return await work();
  } finally {
    await browser.storage.local.remove(UPDATING_KEY);
  }
}

const isUpdating = (value: unknown, now = Date.now()) => typeof value === 'number' && now - value < UPDATING_AT_MOST_MS;

/** Calls `show` with whether a change of the knowledge base runs, now and whenever that changes; returns the way to stop. */
export function onKnowledgeUpdating(show: (updating: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && UPDATING_KEY in changes) show(isUpdating(changes[UPDATING_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(UPDATING_KEY).then(
    (stored) => show(isUpdating(stored[UPDATING_KEY])),
    () => undefined,
  );
  return () => browser.storage.onChanged.removeListener(listener);
}

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
