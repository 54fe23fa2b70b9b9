import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { ArticleId } from '../model/article';
import { ARTICLE_EVENTS, GAP_SOURCES, type UsageDelta, USAGE_BOUNDS } from './model';
import { addUsage, clearUsage } from './store';

/** Counts a page hands the background in one message: a sidebar sends about a second's worth at a time. */
const MAX_DELTAS = 500;

const Delta = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: ArticleId, event: z.enum(ARTICLE_EVENTS), delta: z.union([z.literal(1), z.literal(-1)]) }),
  z.object({ kind: z.literal('gap'), words: z.string().check(z.maxLength(USAGE_BOUNDS.gapLength)), source: z.enum(GAP_SOURCES) }),
]);

/** Extension page -> background: count these, or forget every count. */
export const UsageRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('usage-add'), deltas: z.array(Delta).check(z.maxLength(MAX_DELTAS)) }),
  z.object({ type: z.literal('usage-clear') }),
]);
export type UsageRequest = z.infer<typeof UsageRequest>;

const send = async (request: UsageRequest) => {
  await browser.runtime.sendMessage(request);
};

/** From a sidebar: adds counts, through the background that writes them one change at a time. */
export const sendUsage = (deltas: UsageDelta[]): Promise<void> => send({ type: 'usage-add', deltas: deltas.slice(0, MAX_DELTAS) });

/** From the options page: forgets every count. */
export const requestClearUsage = (): Promise<void> => send({ type: 'usage-clear' });

/**
 * The background's listener: carries out a valid request from the extension's own pages, answering once it is
 * stored; anything else is not its business (`undefined` lets other listeners answer).
 */
export function onUsageMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<void> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = UsageRequest.safeParse(raw);
  if (!parsed.success) return undefined;
  return parsed.data.type === 'usage-add' ? addUsage(parsed.data.deltas) : clearUsage();
}
