import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Flag } from './model';
import { addFlag, clearFlags, removeFlag } from './store';

/** Extension page -> background: keep this flag, forget one, or forget them all. */
export const FlagRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flag-add'), flag: Flag }),
  z.object({ type: z.literal('flag-remove'), id: Flag.shape.id }),
  z.object({ type: z.literal('flag-clear') }),
]);
export type FlagRequest = z.infer<typeof FlagRequest>;

/** Settles once the background has stored the change; rejects when it could not (storage full or failing). */
const send = async (request: FlagRequest) => {
  await browser.runtime.sendMessage(request);
};

/** From a sidebar. */
export const sendFlag = (flag: Flag): Promise<void> => send({ type: 'flag-add', flag });

/** From the options page. */
export const requestRemoveFlag = (id: string): Promise<void> => send({ type: 'flag-remove', id });

/** From the options page. */
export const requestClearFlags = (): Promise<void> => send({ type: 'flag-clear' });

/**
 * The background's listener: carries out a valid request from the extension's own pages, answering once it is
 * stored; anything else is not its business (`undefined` lets other listeners answer).
 */
export function onFlagMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<void> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = FlagRequest.safeParse(raw);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  if (request.type === 'flag-add') return addFlag(request.flag);
  return request.type === 'flag-remove' ? removeFlag(request.id) : clearFlags();
}
