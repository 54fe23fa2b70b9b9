import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ticket } from '../model/ticket';
import type { Suggestion } from '../search/engine';
import { cleanSubject } from '../search/query';
import { gapWords } from '../usage/gap-words';
import type { ArticleEvent, UsageDelta } from '../usage/model';
import { sendUsage } from '../usage/channel';
import type { UseAction } from './Suggestions';

export type Rating = 'up' | 'down';

/** Counts gathered this long are written together: one storage write per burst of activity. */
export const FLUSH_MS = 1_000;

const ACTION_EVENTS: Readonly<Record<UseAction, ArticleEvent>> = { insert: 'inserted', copy: 'copied', link: 'linked' };

const count = (articleId: string, event: ArticleEvent, delta: 1 | -1 = 1): UsageDelta => ({ kind: 'article', articleId, event, delta });

/** Counts waiting to be written, in the order they happened. A failed write is dropped: counts are not worth an error. */
export class UsageBatch {
  private pending: UsageDelta[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly write: (deltas: UsageDelta[]) => Promise<void> = sendUsage) {}

  add(delta: UsageDelta): void {
    this.pending.push(delta);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const deltas = this.pending;
    this.pending = [];
    return deltas.length === 0 ? Promise.resolve() : this.write(deltas).catch(() => undefined);
  }
}

export interface UsageInput {
  /** Off in the options: nothing is counted and no thumbs are offered. */
  enabled: boolean;
  /** False while the sidebar is collapsed: its answers are not on screen. */
  visible: boolean;
  ticket: Ticket | null;
  /** The answers suggested for the ticket; `null` until the knowledge base is loaded. */
  ticketSuggestions: readonly Suggestion[] | null;
  /** The search as it was when the agent stopped typing, with its results; `null` when there is none. */
  search: { query: string; results: readonly Suggestion[] } | null;
  /** What the search box holds now: with no ticket open, what the agent does belongs to that search. */
  query: string;
  /** Names a content gap must not keep (the requester's, the agent's). */
  names: readonly string[];
}

export interface UsageTracking {
  /** The agent's thumbs on answers, for this ticket. */
  ratings: ReadonlyMap<string, Rating>;
  opened(articleId: string): void;
  used(articleId: string, action: UseAction): void;
  /** A thumb: pressing the one already pressed takes it back; pressing the other moves it. */
  rate(articleId: string, rating: Rating): void;
}

/** What an answer's counts belong to: the open ticket, or with none the search being made. */
function contextOf(ticket: Ticket | null, query: string): string {
  return ticket ? `ticket:${ticket.id}` : `search:${query.trim().toLocaleLowerCase()}`;
}

/**
 * Counts what the agent sees and does with answers (src/usage/): each answer once per ticket as shown, opened,
 * inserted, copied or linked, however often the sidebar renders; a search only once the agent stops typing;
 * a ticket or search with no confident answer as a content gap, by its words alone.
 */
export function useUsage(input: UsageInput): UsageTracking {
  const { enabled, visible, ticket, ticketSuggestions, search, query, names } = input;
  const batch = useRef<UsageBatch | null>(null);
  batch.current ??= new UsageBatch();
  const seen = useRef(new Set<string>());
  const ticketKey = ticket ? `ticket:${ticket.id}` : '';
  const [ratings, setRatings] = useState<{ key: string; map: ReadonlyMap<string, Rating> }>({ key: ticketKey, map: new Map() });
  const current = ratings.key === ticketKey ? ratings.map : new Map<string, Rating>();

  const once = (key: string, delta: UsageDelta) => {
    if (!enabled || seen.current.has(key)) return;
    seen.current.add(key);
    batch.current?.add(delta);
  };

  useEffect(() => {
    const flush = () => void batch.current?.flush();
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  useEffect(() => {
    if (!visible || !ticket || !ticketSuggestions) return;
    const context = contextOf(ticket, '');
    for (const suggestion of ticketSuggestions) once(`${context}|shown|${suggestion.id}`, count(suggestion.id, 'shown'));
    if (ticketSuggestions.some((suggestion) => suggestion.confident)) return;
    const about = cleanSubject(ticket.subject) || (ticket.latestMessage.split('\n').find((line) => line.trim()) ?? '');
    const words = gapWords(about, names);
    if (words) once(`${context}|gap`, { kind: 'gap', words, source: 'ticket' });
  }, [enabled, visible, ticket?.id, ticketSuggestions]);

  useEffect(() => {
    if (!visible || !search?.query.trim()) return;
    const context = contextOf(ticket, search.query);
    for (const result of search.results) once(`${context}|shown|${result.id}`, count(result.id, 'shown'));
    if (search.results.some((result) => result.confident)) return;
    const words = gapWords(search.query, names);
    if (words) once(`${context}|gap|${words}`, { kind: 'gap', words, source: 'search' });
  }, [enabled, visible, search]);

  return {
    ratings: current,
    opened: (articleId) => once(`${contextOf(ticket, query)}|opened|${articleId}`, count(articleId, 'opened')),
    used: (articleId, action) =>
      once(`${contextOf(ticket, query)}|${action}|${articleId}`, count(articleId, ACTION_EVENTS[action])),
    rate(articleId, rating) {
      if (!enabled) return;
      const before = current.get(articleId);
      const next = new Map(current);
      if (before) batch.current?.add(count(articleId, before, -1));
      if (before === rating) next.delete(articleId);
      else {
        next.set(articleId, rating);
        batch.current?.add(count(articleId, rating));
      }
      setRatings({ key: ticketKey, map: next });
    },
  };
}
