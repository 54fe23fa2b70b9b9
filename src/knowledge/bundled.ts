import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Article } from '../model/article';
import { type KnowledgeIndex, loadIndex } from '../search/engine';
import { restoreLearning } from './learning';

/** What the build compiled from the knowledge folder into the extension (wxt.config.ts, build:publicAssets). */
export type BundledAsset = '/kb/articles.json' | '/kb/index.json' | '/kb/rules.json';

export async function readBundledAsset(path: BundledAsset): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

/** The searchable knowledge base, the same for the sidebar and the toolbar popup's quick lookup. */
export interface BundledSearch {
  index: KnowledgeIndex;
  articles: ReadonlyMap<string, Article>;
  /** The answers agents used before could not be read from the browser's storage: search works without them. */
  learningUnavailable?: boolean;
}

/**
 * Loads the index compiled at build time as it is, never rebuilt, so opening a page costs a JSON parse, not an
 * indexing pass; with what agents used before (learning.ts), so a lookup ranks the same wherever it is typed.
 */
export async function loadBundledSearch(): Promise<BundledSearch> {
  const [articlesJson, indexJson] = await Promise.all([readBundledAsset('/kb/articles.json'), readBundledAsset('/kb/index.json')]);
  const articles = z.array(Article).parse(JSON.parse(articlesJson));
  const index = loadIndex(indexJson, articles);
  // Storage that fails leaves the shipped ranking, and the sidebar says used answers are not remembered.
  const learningUnavailable = await restoreLearning(index).then(
    () => false,
    () => true,
  );
  return { index, articles: new Map(articles.map((article) => [article.id, article])), ...(learningUnavailable && { learningUnavailable }) };
}
