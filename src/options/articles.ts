import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Article } from '../model/article';

/** The bundled articles' titles by id, to name the answers the counts speak of. */
export async function loadArticleTitles(): Promise<ReadonlyMap<string, string>> {
  const response = await fetch(browser.runtime.getURL('/kb/articles.json'));
  if (!response.ok) throw new Error(`kb/articles.json: ${response.status}`);
  const articles = z.array(Article).parse(await response.json());
  return new Map(articles.map((article) => [article.id, article.title]));
}
