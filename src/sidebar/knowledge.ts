import { readRulesJson, type Rules } from '../escalation/schema';
import { type BundledSearch, loadBundledSearch, readBundledAsset } from '../knowledge/bundled';

export interface Knowledge extends BundledSearch {
  /** Null when the shipped rules cannot be used: search still works, and `rulesWarnings` say why. */
  rules: Rules | null;
  rulesWarnings?: readonly string[];
}

/** The bundled knowledge base (src/knowledge/bundled.ts) and, for the sidebar alone, the escalation rules. */
export async function loadBundledKnowledge(): Promise<Knowledge> {
  const [search, rulesJson] = await Promise.all([loadBundledSearch(), readBundledAsset('/kb/rules.json')]);
  const { rules, warnings } = readRulesJson(rulesJson, 'kb/rules.json');
  return { ...search, rules, ...(warnings && { rulesWarnings: warnings }) };
}
