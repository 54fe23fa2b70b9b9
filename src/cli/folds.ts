import type { Article } from '../model/article';
import type { LabelledQuery } from './queries';

/** One fold of a knowledge base's own cross-validation: the articles with some lines held out, and those lines as queries. */
export interface Fold {
  articles: Article[];
  queries: LabelledQuery[];
}

// A Markdown list marker or a numbered item at the start of a line.
const ITEM_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** The non-empty lines of an article's body, list markers removed: an FAQ article's example questions. */
function itemsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.replace(ITEM_MARKER, '').trim())
    .filter(Boolean);
}

/**
 * `folds` splits of a knowledge base's own text for tuning without test queries: in fold `f`, every article
 * with at least two lines gives up its lines `f`, `f + folds`, ... as queries answered by that article, and
 * keeps the rest. A setting measured this way never sees a test query.
 */
export function crossValidationFolds(articles: readonly Article[], folds: number): Fold[] {
  const items = articles.map((article) => itemsOf(article.body));
  return Array.from({ length: folds }, (_, fold) => {
    const queries: LabelledQuery[] = [];
    const kept = articles.map((article, a) => {
      const lines = items[a] ?? [];
      if (lines.length < 2) return article;
      const held = lines.filter((_, i) => i % folds === fold);
      for (const text of held) {
        queries.push({ line: 0, ticket: { subject: '', latestMessage: text, thread: text, ...(article.locale ? { language: article.locale } : {}) }, relevant: [article.id] });
      }
      return { ...article, body: lines.filter((_, i) => i % folds !== fold).map((line) => `- ${line}`).join('\n') };
    });
    return { articles: kept, queries };
  });
}
