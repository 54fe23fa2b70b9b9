import { browser } from 'wxt/browser';
import { serialQueue } from '../storage/serial';
import { type Flag, parseFlags, withFlag, withoutFlag } from './model';

const KEY = 'flags';

/*
 * Every page of the extension reads the flags; only the background changes them (src/flags/channel.ts), one
 * change at a time, so that flags from two helpdesk tabs and a removal on the options page never overwrite
 * each other (src/usage/store.ts says why this cannot be done in the pages).
 */
const serially = serialQueue();

export async function readFlags(): Promise<Flag[]> {
  const stored = await browser.storage.local.get(KEY);
  return parseFlags(stored[KEY]);
}

function change(edit: (flags: Flag[]) => Flag[]): Promise<void> {
  return serially(async () => {
    await browser.storage.local.set({ [KEY]: { version: 1, flags: edit(await readFlags()) } });
  });
}

/** Keeps `flag`, dropping the oldest beyond the bound. In the background. */
export const addFlag = (flag: Flag): Promise<void> => change((flags) => withFlag(flags, flag));

/** Forgets the flag with this id. In the background. */
export const removeFlag = (id: string): Promise<void> => change((flags) => withoutFlag(flags, id));

/** Forgets every flag. In the background. */
export const clearFlags = (): Promise<void> => serially(() => browser.storage.local.remove(KEY));

/** Calls `listener` with the flags whenever they change. Returns the unsubscribe. */
export function watchFlags(listener: (flags: Flag[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(parseFlags(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
