import { browser } from 'wxt/browser';
import type { Ticket } from '../model/ticket';
import type { KnowledgeIndex } from '../search/engine';
import { exportLearned, importLearned, learn } from '../search/feedback';

/**
 * Keeps what agents used for which tickets on the device (KCS "link article to case"), shared by every
 * sidebar the browser has open: each one applies the stored words on load and whenever another tab adds
 * some, and adds its own on top of the latest stored copy, so no tab overwrites another's.
 */
const KEY = 'learned';

export async function restoreLearning(index: KnowledgeIndex): Promise<void> {
  const stored = await browser.storage.local.get(KEY);
  importLearned(index, stored[KEY]);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) importLearned(index, changes[KEY].newValue);
  });
}

export async function recordUse(index: KnowledgeIndex, ticket: Ticket, articleId: string): Promise<void> {
  const stored = await browser.storage.local.get(KEY);
  importLearned(index, stored[KEY]);
  learn(index, [{ ticket, articleIds: [articleId] }]);
  await browser.storage.local.set({ [KEY]: exportLearned(index) });
}
