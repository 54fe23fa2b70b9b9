import type { Article } from '../model/article';
import { type KnowledgeIndex, loadIndex } from '../search/engine';
import { readBundledArticles, readBundledAsset } from './bundled';
import { restoreLearning } from './learning';
import { BUNDLED, mergeSources, parseArticleLines } from './store/model';
import { receiveKnowledge } from './store/serve';
import { nextTurn } from './turn';

/** The searchable knowledge base, the same for the sidebar and the toolbar popup's quick lookup. */
export interface LoadedSearch {
  index: KnowledgeIndex;
  articles: ReadonlyMap<string, Article>;
  /** The answers agents used before could not be read from the browser's storage: search works without them. */
  learningUnavailable?: boolean;
  /** The knowledge added on this device could not be read (why): the bundled knowledge base answers instead. */
  deviceFailure?: string;
}

interface Loaded {
  articles: Article[];
  indexJson: string;
}

/** The merged knowledge of this device (store/rebuild.ts), from the background (store/serve.ts), or null when none was added. */
async function deviceKnowledge(): Promise<Loaded | null> {
  const received = await receiveKnowledge();
  if (!received) return null;
  const lists: Article[][] = [];
  for (const [part, id] of received.order.entries()) {
    const text = received.articles.get(part);
    if (id === BUNDLED) lists.push(await readBundledArticles());
    else if (text === undefined) throw new Error(`the articles of ${id} did not arrive`);
    // A slice at a time: the frame, and the extension's other pages in its process, get a turn in between.
    else lists.push(await parseArticleLines(text, nextTurn));
  }
  return { articles: mergeSources(lists), indexJson: received.index };
}

async function bundledKnowledge(): Promise<Loaded> {
  const [articles, indexJson] = await Promise.all([readBundledArticles(), readBundledAsset('/kb/index.json')]);
  return { articles, indexJson };
}

/**
 * Loads the knowledge base: what was added on this device merged with the bundled one when there is any,
 * else the bundled one. Either way the index is loaded as it was built, never rebuilt here, so opening a page
 * costs a read and a parse, not an indexing pass; with what agents used before (learning.ts), so a lookup
 * ranks the same wherever it is typed.
 */
export async function loadSearch(): Promise<LoadedSearch> {
  let deviceFailure: string | undefined;
  const device = await deviceKnowledge().catch((error: unknown) => {
    deviceFailure = error instanceof Error ? error.message : String(error);
    return null;
  });
  const { articles, indexJson } = device ?? (await bundledKnowledge());
  const index = loadIndex(indexJson, articles);
  // Storage that fails leaves the shipped ranking, and the sidebar says used answers are not remembered.
  const learningUnavailable = await restoreLearning(index).then(
    () => false,
    () => true,
  );
  return {
    index,
    articles: new Map(articles.map((article) => [article.id, article])),
    ...(learningUnavailable && { learningUnavailable }),
    ...(deviceFailure !== undefined && { deviceFailure }),
  };
}
