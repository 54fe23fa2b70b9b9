import * as z from 'zod/mini';
import { redact } from '../escalation/redact';
import { Article, ArticleId } from '../model/article';
import { HelpdeskId, LIMITS } from '../model/ticket';

/*
 * An agent's word that an answer is wrong or outdated, kept on this device for the answer's owner, who gets
 * them as CSV from the options page. A flag names the ticket it was seen on (helpdesk and id, which the
 * owner can look up) and never holds ticket text; the agent's comment is masked as the escalation note is
 * (src/escalation/redact.ts). Stored in `storage.local`, newest first, at most `FLAG_BOUNDS.count`, and
 * read one flag at a time: a flag that does not parse is dropped, the others are kept.
 */

export const FLAG_REASONS = ['wrong', 'outdated'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_BOUNDS = {
  /** Flags kept; the oldest go first. */
  count: 5_000,
  /** The agent's comment, in characters. */
  comment: 300,
} as const;

export const Flag = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  articleId: ArticleId,
  title: Article.shape.title,
  owner: Article.shape.owner,
  reason: z.enum(FLAG_REASONS),
  comment: z.string().check(z.maxLength(FLAG_BOUNDS.comment)),
  /** When the agent flagged it: ISO 8601 in UTC, so that text order is time order. */
  at: z.iso.datetime(),
  helpdesk: z.optional(HelpdeskId),
  ticketId: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.id))),
});
export type Flag = z.infer<typeof Flag>;

const Stored = z.object({ version: z.literal(1), flags: z.array(z.unknown()) });

/** Newest first, one flag per id, within the bound. Pure. */
function bounded(flags: readonly Flag[]): Flag[] {
  const byId = new Map<string, Flag>();
  for (const flag of flags) if (!byId.has(flag.id)) byId.set(flag.id, flag);
  return [...byId.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, FLAG_BOUNDS.count);
}

/** The flags of a stored copy that parse, newest first; none when the copy itself is missing or broken. */
export function parseFlags(raw: unknown): Flag[] {
  const stored = Stored.safeParse(raw);
  if (!stored.success) return [];
  const flags = stored.data.flags.flatMap((entry) => {
    const flag = Flag.safeParse(entry);
    return flag.success ? [flag.data] : [];
  });
  return bounded(flags);
}

export const withFlag = (flags: readonly Flag[], flag: Flag): Flag[] => bounded([flag, ...flags]);

export const withoutFlag = (flags: readonly Flag[], id: string): Flag[] => flags.filter((flag) => flag.id !== id);

export interface FlagInput {
  article: Pick<Article, 'id' | 'title' | 'owner'>;
  reason: FlagReason;
  comment: string;
  ticket: { id: string; helpdesk: HelpdeskId } | null;
}

/** A new flag: the comment trimmed, cut to its bound and with personal data and secrets masked. Pure. */
export function newFlag({ article, reason, comment, ticket }: FlagInput, id: string, now: Date): Flag {
  return Flag.parse({
    id,
    articleId: article.id,
    title: article.title,
    ...(article.owner && { owner: article.owner }),
    reason,
    comment: redact(comment.trim()).text.slice(0, FLAG_BOUNDS.comment),
    at: now.toISOString(),
    ...(ticket && { helpdesk: ticket.helpdesk, ticketId: ticket.id.slice(0, LIMITS.id) }),
  });
}

/** Each flagged answer's latest reason, from flags newest first (as `parseFlags` gives them). */
export function latestReasons(flags: readonly Flag[]): ReadonlyMap<string, FlagReason> {
  const reasons = new Map<string, FlagReason>();
  for (const flag of flags) if (!reasons.has(flag.articleId)) reasons.set(flag.articleId, flag.reason);
  return reasons;
}

/** The owners the flags name, in alphabetical order, and `''` when some answers have none. */
export function flagOwners(flags: readonly Flag[]): string[] {
  return [...new Set(flags.map((flag) => flag.owner ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}

/** The flags on answers of `owner` (`''`: answers without one), in the order given. */
export const ownedBy = (flags: readonly Flag[], owner: string): Flag[] => flags.filter((flag) => (flag.owner ?? '') === owner);
