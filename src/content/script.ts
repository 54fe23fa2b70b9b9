import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Adapter } from '../adapters/types';
import { startDeskmate } from './main';

/** What every content script entrypoint runs: the sidebar for these adapters, until the extension goes away. */
export function runContentScript(ctx: ContentScriptContext, adapters: readonly Adapter[]): void {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  startDeskmate(adapters, controller.signal);
}
