import { createHtmlCleaner } from '../html';
import { runRebuild } from './client';
import { openKnowledgeDb, readSources } from './db';
import { syncSource } from './sync';

/**
 * Syncs the given knowledge source URLs one after the other, in a context with a DOM (the offscreen document,
 * Firefox's background page). Returns whether any changed the knowledge base.
 */
export async function syncSources(ids: readonly string[]): Promise<boolean> {
  const db = await openKnowledgeDb();
  let sources;
  try {
    sources = (await readSources(db)).filter((source) => ids.includes(source.id));
  } finally {
    db.close();
  }
  let changed = false;
  for (const source of sources) {
    const outcome = await syncSource(source, { fetch: (...args) => fetch(...args), html: () => createHtmlCleaner(window), rebuild: (request) => runRebuild(request) });
    changed ||= outcome.kind === 'updated';
  }
  return changed;
}
