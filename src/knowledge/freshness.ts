import type { Article } from '../model/article';

/**
 * Whether an answer is still trusted: its owner verified it on `verified` and checks it again every
 * `verifyEvery` (`90d`, `6w`, `6m`, `1y`; a year when not given). An article never verified is of unknown
 * freshness, not stale, unless it asks to be verified on a schedule.
 */

const DAY_MS = 86_400_000;
const DEFAULT_INTERVAL = '1y';
const INTERVAL = /^(\d{1,4})\s*(d|days?|w|weeks?|m|mo|months?|y|years?)$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Interval {
  count: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

/** `90d`, `6 weeks`, `6m`, `1y` as an interval, or undefined when it is not one. */
export function parseInterval(text: string): Interval | undefined {
  const match = INTERVAL.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const count = Number(match[1]);
  const unit = match[2].toLowerCase();
  if (count === 0) return undefined;
  return { count, unit: unit.startsWith('mo') || unit === 'm' ? 'm' : (unit[0] as Interval['unit']) };
}

/** The UTC midnight of a YYYY-MM-DD date, or undefined when it is not a real date. */
function day(date: string): number | undefined {
  const match = ISO_DAY.exec(date);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, dayOfMonth);
  return new Date(time).getUTCDate() === dayOfMonth ? time : undefined;
}

/** The date an interval after `from`, by the calendar: a month after 31 January is 3 March, as Date counts it. */
function after(from: number, { count, unit }: Interval): number {
  const date = new Date(from);
  if (unit === 'd' || unit === 'w') return from + count * (unit === 'w' ? 7 : 1) * DAY_MS;
  if (unit === 'm') date.setUTCMonth(date.getUTCMonth() + count);
  else date.setUTCFullYear(date.getUTCFullYear() + count);
  return date.getTime();
}

export interface Staleness {
  stale: boolean;
  /** When the next verification is or was due (YYYY-MM-DD), where there is a verified date. */
  due?: string;
  /** Why it is stale, or what is wrong with its dates, for lint. */
  problem?: string;
}

/** Whether an article is past its verification, at `now`. */
export function staleness(article: Pick<Article, 'verified' | 'verifyEvery'>, now: Date): Staleness {
  const every = article.verifyEvery;
  const interval = parseInterval(every ?? DEFAULT_INTERVAL);
  if (every !== undefined && !interval) return { stale: false, problem: `verify_every "${every}" is not an interval (90d, 6w, 6m, 1y)` };
  if (article.verified === undefined) {
    return every === undefined ? { stale: false } : { stale: true, problem: `verify_every ${every} but never verified` };
  }
  const verified = day(article.verified);
  if (verified === undefined || !interval) return { stale: false, problem: `verified "${article.verified}" is not a date (YYYY-MM-DD)` };
  const dueTime = after(verified, interval);
  const due = new Date(dueTime).toISOString().slice(0, 10);
  if (now.getTime() <= dueTime) return { stale: false, due };
  const problem = every === undefined ? `verified ${article.verified} is more than a year ago` : `verification overdue: verified ${article.verified}, every ${every}, due ${due}`;
  return { stale: true, due, problem };
}
