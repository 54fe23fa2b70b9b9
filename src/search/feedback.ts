import * as z from 'zod/mini';
import type { Ticket } from '../model/ticket';
import { processTerm, tokenize } from '../text/analyze';
import type { KnowledgeIndex } from './engine';
import { setLearnedWords } from './learned';
import { cleanMessage, cleanSubject } from './query';

/**
 * Learning from use: when an agent copies, inserts or links an article for a ticket, the ticket's words are
 * added to that article's `learned` field, which is indexed with its own boost. Customers describe a problem
 * in words the article never uses; after a few tickets, those words find it. The data stays on the device.
 */

/** What is stored on the device: per article, the words of the tickets it answered, oldest first. */
export const LearnedData = z.object({
  version: z.literal(1),
  articles: z.record(z.string(), z.array(z.string().check(z.maxLength(64)))),
});
export type LearnedData = z.infer<typeof LearnedData>;

/** One use of articles for a ticket. */
export interface Use {
  ticket: Pick<Ticket, 'subject' | 'latestMessage'>;
  articleIds: readonly string[];
}

// Bounds what one article keeps, so storage and field length stay small; the oldest words go first.
const MAX_WORDS_PER_ARTICLE = 2_000;
// One long ticket should not drown the short ones.
const MAX_WORDS_PER_USE = 60;

/** The distinct words of a ticket's subject and latest message that the index would keep (no stop words). */
export function ticketWords(ticket: Pick<Ticket, 'subject' | 'latestMessage'>): string[] {
  const text = `${cleanSubject(ticket.subject)}\n${cleanMessage(ticket.latestMessage)}`;
  const words = new Set(tokenize(text).filter((token) => processTerm(token)));
  return [...words].slice(0, MAX_WORDS_PER_USE);
}

function setLearned(index: KnowledgeIndex, id: string, words: readonly string[]): void {
  const doc = index.docs.get(id);
  if (doc !== undefined) setLearnedWords(index.learned, doc, id, words);
}

/** Records uses and re-indexes each article they touched, once. Unknown article ids are ignored. */
export function learn(index: KnowledgeIndex, uses: readonly Use[]): void {
  const added = new Map<string, string[]>();
  for (const use of uses) {
    const words = ticketWords(use.ticket);
    if (words.length === 0) continue;
    for (const id of new Set(use.articleIds)) {
      if (!index.docs.has(id)) continue;
      added.set(id, [...(added.get(id) ?? []), ...words]);
    }
  }
  for (const [id, words] of added) {
    setLearned(index, id, [...(index.learned.words.get(id) ?? []), ...words].slice(-MAX_WORDS_PER_ARTICLE));
  }
}

/** The learned words, to store on the device. */
export function exportLearned(index: KnowledgeIndex): LearnedData {
  return { version: 1, articles: Object.fromEntries(index.learned.words) };
}

/**
 * Applies stored learned words to a freshly loaded index. Data that does not validate is ignored (returns
 * false) rather than breaking suggestions; words of articles no longer in the knowledge base are dropped.
 */
export function importLearned(index: KnowledgeIndex, data: unknown): boolean {
  const parsed = LearnedData.safeParse(data);
  if (!parsed.success) return false;
  for (const [id, words] of Object.entries(parsed.data.articles)) {
    if (!index.docs.has(id) || words.length === 0) continue;
    setLearned(index, id, words.slice(-MAX_WORDS_PER_ARTICLE));
  }
  return true;
}
