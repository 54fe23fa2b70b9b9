import { syncKnowledge } from './client';
import { openKnowledgeDb, readSources } from './db';

/**
 * Syncs the given knowledge source URLs one after the other, from a context with a DOM (the offscreen document,
 * Firefox's background page), which the background then announces. Returns whether any changed the knowledge base.
 */
export async function syncSources(ids: readonly string[]): Promise<boolean> {
  const db = await openKnowledgeDb();
  let sources;
  try {
    sources = (await readSources(db)).filter((source) => ids.includes(source.id));
  } finally {
    db.close();
  }
  if (sources.length === 0) return false;
  const outcomes = await syncKnowledge(sources, undefined, false);
  return outcomes.some((outcome) => outcome.kind === 'updated');
}
