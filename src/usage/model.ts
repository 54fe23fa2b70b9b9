import * as z from 'zod/mini';
import { ArticleId } from '../model/article';

/*
 * What the team learns from the sidebar, counted on this device only: how often each answer was suggested,
 * opened, used and rated, and which tickets and searches found no good answer (content gaps), by ISO week.
 * Stored in `storage.local`, bounded (`USAGE_BOUNDS`), and validated on every read: a copy that does not parse
 * counts as empty rather than breaking the sidebar or the options page. No ticket ids, no customer data: an
 * answer is counted by its article id, and a gap keeps only words (src/usage/gap-words.ts).
 */

/** What is counted per answer. `up` and `down` are the agent's thumbs, which a second press takes back. */
export const ARTICLE_EVENTS = ['shown', 'opened', 'inserted', 'copied', 'linked', 'up', 'down'] as const;
export type ArticleEvent = (typeof ARTICLE_EVENTS)[number];
export type ArticleCounts = Record<ArticleEvent, number>;

/** Where a content gap was seen: a ticket no answer fitted, or a search that found none. */
export const GAP_SOURCES = ['ticket', 'search'] as const;
export type GapSource = (typeof GAP_SOURCES)[number];

export const USAGE_BOUNDS = {
  /** About half a year of weeks; older weeks are dropped first. */
  weeks: 26,
  /** Answers per week; the least used go first. */
  articlesPerWeek: 300,
  /** Content gaps per week; the least often seen go first. */
  gapsPerWeek: 100,
  /** Words of a gap, in characters. */
  gapLength: 120,
} as const;

const Count = z.number().check(z.int(), z.minimum(0));
export const WeekKey = z.string().check(z.regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/));

const ArticleCountsSchema = z.object({
  shown: Count,
  opened: Count,
  inserted: Count,
  copied: Count,
  linked: Count,
  up: Count,
  down: Count,
});

export const Gap = z.object({
  words: z.string().check(z.minLength(1), z.maxLength(USAGE_BOUNDS.gapLength)),
  source: z.enum(GAP_SOURCES),
  count: Count,
});
export type Gap = z.infer<typeof Gap>;

export const WeekUsage = z.object({
  articles: z.record(ArticleId, ArticleCountsSchema),
  gaps: z.array(Gap).check(z.maxLength(USAGE_BOUNDS.gapsPerWeek)),
});
export type WeekUsage = z.infer<typeof WeekUsage>;

export const Usage = z.object({ version: z.literal(1), weeks: z.record(WeekKey, WeekUsage) });
export type Usage = z.infer<typeof Usage>;

export const emptyUsage = (): Usage => ({ version: 1, weeks: {} });

export const noCounts = (): ArticleCounts => ({ shown: 0, opened: 0, inserted: 0, copied: 0, linked: 0, up: 0, down: 0 });

/** A stored copy as it is when it parses; an empty one when it does not (or is missing). */
export function parseUsage(raw: unknown): Usage {
  const parsed = Usage.safeParse(raw);
  return parsed.success ? parsed.data : emptyUsage();
}

/** One change to the counts. `delta` is -1 when the agent takes a thumb back. */
export type UsageDelta =
  | { kind: 'article'; articleId: string; event: ArticleEvent; delta: 1 | -1 }
  | { kind: 'gap'; words: string; source: GapSource };

/** The ISO 8601 week of a date in the agent's own time zone: `2026-W47`. Weeks start on Monday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  // The Thursday of the same week names the week's year.
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday a week key starts on, at local midnight: 4 January is always in week 1. */
export function weekStart(week: string): Date {
  const [year = 0, number = 1] = week.split('-W').map(Number);
  const fourth = new Date(year, 0, 4);
  return new Date(year, 0, 4 - ((fourth.getDay() || 7) - 1) + (number - 1) * 7);
}

const activity = (counts: ArticleCounts) => ARTICLE_EVENTS.reduce((sum, event) => sum + counts[event], 0);

/** Drops the oldest weeks, and in each week the least active answers and least seen gaps, beyond the bounds. */
function bounded(usage: Usage): Usage {
  const weeks = Object.keys(usage.weeks).sort().slice(-USAGE_BOUNDS.weeks);
  return {
    version: 1,
    weeks: Object.fromEntries(
      weeks.map((week) => {
        const { articles, gaps } = usage.weeks[week]!;
        const kept = Object.entries(articles)
          .sort(([, a], [, b]) => activity(b) - activity(a))
          .slice(0, USAGE_BOUNDS.articlesPerWeek);
        const keptGaps = [...gaps].sort((a, b) => b.count - a.count).slice(0, USAGE_BOUNDS.gapsPerWeek);
        return [week, { articles: Object.fromEntries(kept), gaps: keptGaps }];
      }),
    ),
  };
}

/** `usage` with `deltas` counted in `week`, within the bounds. Counts never go below zero. Pure. */
export function applyDeltas(usage: Usage, deltas: readonly UsageDelta[], week: string): Usage {
  const current = usage.weeks[week];
  const articles: Record<string, ArticleCounts> = { ...current?.articles };
  const gaps: Gap[] = (current?.gaps ?? []).map((gap) => ({ ...gap }));
  for (const delta of deltas) {
    if (delta.kind === 'article') {
      const counts = { ...(articles[delta.articleId] ?? noCounts()) };
      counts[delta.event] = Math.max(0, counts[delta.event] + delta.delta);
      articles[delta.articleId] = counts;
      continue;
    }
    const words = delta.words.slice(0, USAGE_BOUNDS.gapLength);
    if (!words) continue;
    const seen = gaps.find((gap) => gap.words === words && gap.source === delta.source);
    if (seen) seen.count += 1;
    else gaps.push({ words, source: delta.source, count: 1 });
  }
  return bounded({ version: 1, weeks: { ...usage.weeks, [week]: { articles, gaps } } });
}
