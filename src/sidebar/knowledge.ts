import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { parseRulesJson, type Rules } from '../escalation/schema';
import { Article } from '../model/article';
import { type KnowledgeIndex, loadIndex } from '../search/engine';

export interface Knowledge {
  index: KnowledgeIndex;
  articles: ReadonlyMap<string, Article>;
  rules: Rules;
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
  return {
    index: loadIndex(indexJson, articles),
    articles: new Map(articles.map((article) => [article.id, article])),
    rules: parseRulesJson(rulesJson, 'kb/rules.json'),
  };
}
