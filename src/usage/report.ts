import { toCsv } from './csv';
import { ARTICLE_EVENTS, type ArticleCounts, type GapSource, noCounts, type Usage } from './model';

/** The counts as the options page shows and exports them: by answer, by week, and the content gaps. */

export interface ArticleRow {
  articleId: string;
  counts: ArticleCounts;
}

export interface WeekRow {
  week: string;
  counts: ArticleCounts;
  /** Times a ticket or search found no good answer that week. */
  gaps: number;
}

export interface GapRow {
  week: string;
  words: string;
  source: GapSource;
  count: number;
}

/** Inserted, copied or linked: each way of putting an answer to use. */
export const usedCount = (counts: ArticleCounts) => counts.inserted + counts.copied + counts.linked;

function add(into: ArticleCounts, counts: ArticleCounts): void {
  for (const event of ARTICLE_EVENTS) into[event] += counts[event];
}

const weeksOf = (usage: Usage, week?: string) => (week === undefined ? Object.keys(usage.weeks) : usage.weeks[week] ? [week] : []);

/** Each answer's counts over all weeks, or over `week` alone: the most used first, then the most shown. */
export function byArticle(usage: Usage, week?: string): ArticleRow[] {
  const totals = new Map<string, ArticleCounts>();
  for (const key of weeksOf(usage, week)) {
    for (const [articleId, counts] of Object.entries(usage.weeks[key]!.articles)) {
      const total = totals.get(articleId) ?? noCounts();
      add(total, counts);
      totals.set(articleId, total);
    }
  }
  return [...totals]
    .map(([articleId, counts]) => ({ articleId, counts }))
    .sort((a, b) => usedCount(b.counts) - usedCount(a.counts) || b.counts.shown - a.counts.shown || a.articleId.localeCompare(b.articleId));
}

/** Every week's counts over all answers, the latest week first. */
export function byWeek(usage: Usage): WeekRow[] {
  return Object.keys(usage.weeks)
    .sort()
    .reverse()
    .map((week) => {
      const { articles, gaps } = usage.weeks[week]!;
      const counts = noCounts();
      for (const article of Object.values(articles)) add(counts, article);
      return { week, counts, gaps: gaps.reduce((sum, gap) => sum + gap.count, 0) };
    });
}

/** The content gaps of every week, or of `week`: the latest week first, the most often seen first within it. */
export function gapRows(usage: Usage, week?: string): GapRow[] {
  return weeksOf(usage, week)
    .sort()
    .reverse()
    .flatMap((key) =>
      [...usage.weeks[key]!.gaps].sort((a, b) => b.count - a.count).map((gap) => ({ week: key, ...gap })),
    );
}

/** One row per answer and week, with the answer's title where the knowledge base still has it. */
export function usageCsv(usage: Usage, titles: ReadonlyMap<string, string>): string {
  const header = ['week', 'article_id', 'title', 'shown', 'opened', 'inserted', 'copied', 'link_copied', 'thumbs_up', 'thumbs_down'];
  const rows = Object.keys(usage.weeks)
    .sort()
    .flatMap((week) =>
      byArticle(usage, week).map(({ articleId, counts }) => [
        week,
        articleId,
        titles.get(articleId) ?? '',
        counts.shown,
        counts.opened,
        counts.inserted,
        counts.copied,
        counts.linked,
        counts.up,
        counts.down,
      ]),
    );
  return toCsv([header, ...rows]);
}

export function gapsCsv(usage: Usage): string {
  const rows = gapRows(usage).map((gap) => [gap.week, gap.source, gap.words, gap.count]);
  return toCsv([['week', 'source', 'words', 'count'], ...rows]);
}
