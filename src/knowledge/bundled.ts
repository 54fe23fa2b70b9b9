import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Article } from '../model/article';

/** What the build compiled from the knowledge folder into the extension (wxt.config.ts, build:publicAssets). */
export type BundledAsset = '/kb/articles.json' | '/kb/index.json' | '/kb/rules.json';

export async function readBundledAsset(path: BundledAsset): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

export async function readBundledArticles(): Promise<Article[]> {
  return z.array(Article).parse(JSON.parse(await readBundledAsset('/kb/articles.json')));
}
