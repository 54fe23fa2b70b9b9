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
