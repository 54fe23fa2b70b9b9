import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { readRulesJson, type Rules } from '../escalation/schema';
import { Article } from '../model/article';
import { type KnowledgeIndex, loadIndex } from '../search/engine';
import { restoreLearning } from './learning';

export interface Knowledge {
  index: KnowledgeIndex;
  articles: ReadonlyMap<string, Article>;
  /** Null when the shipped rules cannot be used: search still works, and `rulesWarnings` say why. */
  rules: Rules | null;
  rulesWarnings?: readonly string[];
  /** True when what agents used before could not be read from the browser's storage: answers rank without it. */
  learningUnavailable?: boolean;
}

async function readAsset(path: '/kb/articles.json' | '/kb/index.json' | '/kb/rules.json'): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

/**
 * Loads the knowledge base compiled at build time: the serialised index is loaded as it is, never rebuilt,
 * so opening a ticket costs a JSON parse, not an indexing pass.
 */
export async function loadBundledKnowledge(): Promise<Knowledge> {
  const [articlesJson, indexJson, rulesJson] = await Promise.all([
    readAsset('/kb/articles.json'),
    readAsset('/kb/index.json'),
    readAsset('/kb/rules.json'),
  ]);
  const articles = z.array(Article).parse(JSON.parse(articlesJson));
  const index = loadIndex(indexJson, articles);
  // What agents used before lifts those answers for similar tickets; a bad stored copy is ignored, and a storage
  // that cannot be read is said in the sidebar, since that lift is then missing.
  const learningUnavailable = await restoreLearning(index).then(
    () => false,
    () => true,
  );
  const { rules, warnings } = readRulesJson(rulesJson, 'kb/rules.json');
  return {
    index,
    articles: new Map(articles.map((article) => [article.id, article])),
    rules,
    ...(warnings && { rulesWarnings: warnings }),
    ...(learningUnavailable && { learningUnavailable }),
  };
}
