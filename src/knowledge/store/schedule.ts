import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { commit, openKnowledgeDb, readSources } from './db';
import { withRebuildLock } from './lock';
import type { Source } from './model';
import { DEFAULT_SYNC_HOURS, isDue, originPattern } from './source-url';
import { announceKnowledgeChange, whileKnowledgeChanges } from './version';

/**
 * The background's schedule for knowledge source URLs: an alarm every hour looks for sources whose interval
 * has passed. A source whose host the user has not granted (or has revoked) is not fetched: the source says
 * so. The others are fetched and imported where there is a DOM to sanitise HTML in: the background page itself
 * in Firefox, an offscreen document in Chrome, whose service worker has none (entrypoints/offscreen/).
 */

const ALARM = 'deskmate-knowledge-sync';
export const OFFSCREEN_PATH = '/offscreen.html';

/** The offscreen document -> background: the syncs it was asked for are done. */
export const SyncDone = z.object({ type: z.literal('knowledge-synced'), changed: z.boolean() });
export type SyncDone = z.infer<typeof SyncDone>;

async function dueSources(now: Date, all: boolean): Promise<Source[]> {
  const db = await openKnowledgeDb();
  try {
    return (await readSources(db)).filter((source) => (all ? source.kind === 'url' : isDue(source, now)));
  } finally {
    db.close();
  }
}

/** Writes on the source that its host is not granted, without fetching anything. */
async function recordNotGranted(source: Source, now: Date): Promise<void> {
  const error = `${new URL(source.name).host} is not allowed: allow it again on the options page`;
  await withRebuildLock(async () => {
    const db = await openKnowledgeDb();
    try {
      const sync = { everyHours: DEFAULT_SYNC_HOURS, ...source.sync, checkedAt: now.toISOString(), error };
      // Only the source's description changes: its articles and the index stay.
      await commit(db, { put: { source: { ...source, sync } } });
    } finally {
      db.close();
    }
  });
}

/** The granted due sources' ids, after recording the ungranted ones. */
async function grantedDue(now: Date, all: boolean): Promise<string[]> {
  const ids: string[] = [];
  for (const source of await dueSources(now, all)) {
    if (await browser.permissions.contains({ origins: [originPattern(source.name)] })) ids.push(source.id);
    else await recordNotGranted(source, now);
  }
  return ids;
}

let running: Promise<void> | undefined;

async function runDue(syncHere: ((ids: string[]) => Promise<boolean>) | undefined, all: boolean): Promise<void> {
  const ids = await grantedDue(new Date(), all);
  if (ids.length > 0) await whileKnowledgeChanges(() => sync(ids, syncHere));
}

async function sync(ids: string[], syncHere: ((ids: string[]) => Promise<boolean>) | undefined): Promise<void> {
  if (syncHere) {
    if (await syncHere(ids)) await announceKnowledgeChange();
    return;
  }
  // Chrome: one offscreen document at a time, closed once it reports.
  const offscreen = browser.offscreen;
  const done = new Promise<boolean>((resolve) => {
    const listener = (raw: unknown) => {
      const message = SyncDone.safeParse(raw);
      if (!message.success) return undefined;
      browser.runtime.onMessage.removeListener(listener);
      resolve(message.data.changed);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
  });
  await offscreen.createDocument({
    url: `${OFFSCREEN_PATH}?${new URLSearchParams(ids.map((id) => ['id', id]))}`,
    reasons: ['DOM_PARSER', 'WORKERS'],
    justification: 'Sanitise and index the articles of a knowledge source URL the user added',
  });
  try {
    if (await done) await announceKnowledgeChange();
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

/**
 * Starts the schedule. `syncHere` runs the syncs in this context when it has a DOM (Firefox's background
 * page); without it they run in an offscreen document. Returns the way to sync every source at once, due or
 * not (what the browser tests call, as they cannot wait for an alarm).
 */
export function scheduleKnowledgeSync(syncHere?: (ids: string[]) => Promise<boolean>): () => Promise<void> {
  const start = (all: boolean) => {
    running ??= runDue(syncHere, all)
      .catch(() => undefined)
      .finally(() => (running = undefined));
    return running;
  };
  if (browser.alarms) {
    void browser.alarms.get(ALARM).then((alarm) => {
      if (!alarm) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM) void start(false);
    });
  }
  return () => start(true);
}
