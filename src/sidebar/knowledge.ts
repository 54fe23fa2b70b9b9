import { readRulesJson, type Rules } from '../escalation/schema';
import { readBundledAsset } from '../knowledge/bundled';
import { type LoadedSearch, loadSearch } from '../knowledge/installed';

export interface Knowledge extends LoadedSearch {
  /** Null when the shipped rules cannot be used: search still works, and `rulesWarnings` say why. */
  rules: Rules | null;
  rulesWarnings?: readonly string[];
}

/** The knowledge base (src/knowledge/installed.ts) and, for the sidebar alone, the escalation rules. */
export async function loadKnowledge(): Promise<Knowledge> {
  const [search, rulesJson] = await Promise.all([loadSearch(), readBundledAsset('/kb/rules.json')]);
  const { rules, warnings } = readRulesJson(rulesJson, 'kb/rules.json');
  return { ...search, rules, ...(warnings && { rulesWarnings: warnings }) };
}
