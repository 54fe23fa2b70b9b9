import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runCommand } from '../src/commands/run';
import { scheduleKnowledgeSync } from '../src/knowledge/store/schedule';
import { serveKnowledge } from '../src/knowledge/store/serve';
import { onFlagMessage } from '../src/flags/channel';
import { watchSiteGrants } from '../src/permissions/grants';
import { onUsageMessage } from '../src/usage/channel';

/*
 * The toolbar button opens the popup (entrypoints/popup/), which searches the knowledge base, shows or hides
 * the sidebar and enables Deskmate on self-hosted sites. The background keeps the content scripts of enabled
 * sites registered and hands the keyboard commands to src/commands/run.ts.
 */
export default defineBackground(() => {
  watchSiteGrants();
  // The knowledge added on this device, for the sidebars, which cannot open the extension's IndexedDB from inside a helpdesk page.
  serveKnowledge();
  // Knowledge source URLs fetched on their schedule: here in Firefox's background page, which has a DOM to
  // sanitise HTML in; in an offscreen document in Chrome, whose service worker has none.
  const syncKnowledgeNow = scheduleKnowledgeSync(
    import.meta.env.FIREFOX ? (ids) => import('../src/knowledge/store/sync-due').then(({ syncSources }) => syncSources(ids)) : undefined,
  );
  // Usage counts from the sidebars and the options page, written one change at a time (src/usage/store.ts).
  browser.runtime.onMessage.addListener(onUsageMessage);
  // Answers flagged as wrong or outdated, from the sidebars and the options page, likewise (src/flags/store.ts).
  browser.runtime.onMessage.addListener(onFlagMessage);
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
  // Headless Chromium sends key presses to pages, never to the browser's shortcut handling, so the browser
  // tests cannot press a command's keys: they call this same handler from the worker (tests/browser/commands.test.ts);
  // nor can they wait an hour for the sync alarm (tests/browser/knowledge-sync.test.ts).
  Object.assign(globalThis, { runDeskmateCommand: runCommand, syncDeskmateKnowledge: syncKnowledgeNow });
});
