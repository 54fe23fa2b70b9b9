import { browser } from 'wxt/browser';
import { serialQueue } from '../storage/serial';
import { applyDeltas, isoWeek, parseUsage, type Usage, type UsageDelta } from './model';

const KEY = 'usage';

/*
 * The counts live in `storage.local`, which every page of the extension reads. Only the background changes them
 * (src/usage/channel.ts): `storage.local` has no transactions, a sidebar in each helpdesk tab counts at once, and
 * the Web Locks API that could serialise them is denied to the sidebar's frame inside a helpdesk page. One
 * background, one queue: no tab's counts overwrite another's.
 */
const serially = serialQueue();

export async function readUsage(): Promise<Usage> {
  const stored = await browser.storage.local.get(KEY);
  return parseUsage(stored[KEY]);
}

/** Adds `deltas` to the counts of the week of `now`. In the background. */
export function addUsage(deltas: readonly UsageDelta[], now = new Date()): Promise<void> {
  return serially(async () => {
    if (deltas.length === 0) return;
    const usage = applyDeltas(await readUsage(), deltas, isoWeek(now));
    await browser.storage.local.set({ [KEY]: usage });
  });
}

/** Forgets every count. In the background. */
export function clearUsage(): Promise<void> {
  return serially(() => browser.storage.local.remove(KEY));
}

/** Calls `listener` with the counts whenever they change. Returns the unsubscribe. */
export function watchUsage(listener: (usage: Usage) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(parseUsage(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
