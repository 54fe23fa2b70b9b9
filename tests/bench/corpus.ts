import type { Article } from '../../src/model/article';

/** A small deterministic PRNG, so every bench run measures the same corpus. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?؟])\s+|\n+/u)
    .map((s) => s.replace(/[#*`>|_-]+/g, ' ').trim())
    .filter((s) => s.split(/\s+/).length >= 4);

/**
 * A corpus of `size` articles assembled from the project's own knowledge base: each article takes a title
 * and a handful of sentences drawn from different source articles, so the vocabulary and its spread are
 * those of real support text in en/ar/he, at any scale.
 */
export function syntheticCorpus(source: readonly Article[], size: number, seed = 7): Article[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentences = source.map((article) => ({ article, sentences: sentencesOf(article.body) }));
  const articles: Article[] = [];
  for (let i = 0; i < size; i++) {
    const base = pick(sentences);
    const body: string[] = [];
    const count = 4 + Math.floor(random() * 8);
    for (let j = 0; j < count; j++) {
      const from = random() < 0.6 ? base : pick(sentences);
      if (from.sentences.length) body.push(pick(from.sentences));
    }
    articles.push({
      id: `bench-${i}`,
      title: `${base.article.title} (${i})`,
      body: body.join(' '),
      tags: base.article.tags,
      locale: base.article.locale,
    });
  }
  return articles;
}

/** Ticket-like queries: a subject from one article's title and a message of two sentences. */
export function syntheticTickets(corpus: readonly Article[], count: number, seed = 11) {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const article = corpus[Math.floor(random() * corpus.length)] as Article;
    const sentences = sentencesOf(article.body);
    return {
      subject: article.title.replace(/\s*\(\d+\)$/, ''),
      latestMessage: sentences.slice(0, 2).join(' '),
      thread: sentences.join(' '),
    };
  });
}
