/**
 * Bundled by tests/bench/chromium.ts and run in a Chromium page that shows a saved ticket page: the per-burst
 * work of the content script (the same modules it bundles: the adapter, the shared reader, the publisher),
 * timed by the page's own clock next to a plain text read of the same page.
 */
import { ADAPTERS } from '../../src/adapters';
import { queryAll } from '../../src/adapters/dom';
import { ticketKey, ticketRoot } from '../../src/adapters/page';
import type { Adapter } from '../../src/adapters/types';
import { padConversation } from '../support/big-conversation';
import { attachDeclaredShadowRoots } from '../support/declarative-shadow';
import { type BurstTimes, timeBursts as time } from './bursts';

function adapterOf(id: string): Adapter {
  const adapter = ADAPTERS.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`no adapter ${id}`);
  return adapter;
}

/** Gives each `<iframe data-fixture="file">` that file as its same-origin document, as the unit tests do. */
export function fillFrames(files: Record<string, string>): void {
  for (const frame of queryAll(document, '>>> iframe[data-fixture]')) {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    const html = files[frame.getAttribute('data-fixture') ?? ''];
    if (!inner || html === undefined) continue;
    inner.open();
    inner.write(html);
    inner.close();
    attachDeclaredShadowRoots(inner);
  }
}

/** Turns the open ticket's conversation into one of more than 5 MB (tests/support/big-conversation.ts). */
export function pad(id: string): void {
  const adapter = adapterOf(id);
  const key = ticketKey(adapter.page, new URL(location.href));
  const root = key === null ? null : ticketRoot(adapter, document, key);
  if (!root) throw new Error(`${id}: the page shows no ticket view to pad`);
  padConversation(adapter, root);
}

export function timeBursts(id: string, runs: number): BurstTimes {
  return time(adapterOf(id), document, location.href, runs);
}
