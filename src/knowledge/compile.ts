import { loadRules } from '../escalation/rules';
import { buildIndex, serializeIndex } from '../search/engine';
import { loadKnowledge } from './load';

/** The knowledge base as the extension ships it: articles and their prebuilt index, both as JSON. */
export interface CompiledKnowledge {
  articlesJson: string;
  indexJson: string;
  count: number;
}

/** Reads and indexes a knowledge folder at build time, so the sidebar only parses JSON. */
export async function compileKnowledge(dir: string): Promise<CompiledKnowledge> {
  const articles = await loadKnowledge(dir);
  return {
    articlesJson: JSON.stringify(articles),
    indexJson: serializeIndex(buildIndex(articles)),
    count: articles.length,
  };
}

/**
 * The escalation rules as the extension ships them (`kb/rules.json`). A knowledge folder's broken
 * `escalation.yaml` does not fail the build: the project's default rules ship as the last good rules, and
 * the file's faults, naming file and line, go to `warn` and ship with the rules for the sidebar to show.
 */
export async function compileRulesJson(dir: string, warn: (message: string) => void): Promise<string> {
  const rules = await loadRules(dir, { fallback: true });
  for (const warning of rules.warnings ?? []) warn(warning);
  return JSON.stringify(rules);
}
