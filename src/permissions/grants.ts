import { browser } from 'wxt/browser';
import { siteFromPattern, type Site } from './site';
import { SELF_HOSTED_SCRIPT, canRegister, syncSites } from './sites';

/**
 * Starts the self-hosted script in the site's open tabs, so that enabling a site works without a reload. A
 * tab where a sidebar is already mounted (the site was disabled and enabled again) keeps the one it has.
 */
export async function startInOpenTabs(site: Site): Promise<void> {
  const tabs = await browser.tabs.query({ url: site.pattern });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const target = { tabId: tab.id };
    try {
      const [probe] = await browser.scripting.executeScript({
        target,
        // The id src/content/frame.ts gives the sidebar's host element.
        func: () => document.getElementById('deskmate-sidebar-host') !== null,
      });
      if (probe?.result === true) continue;
      await browser.scripting.executeScript({ target, files: [SELF_HOSTED_SCRIPT] });
    } catch {
      // The tab navigated away or shows an error page: its next load runs the registered script.
    }
  }
}

/**
 * Keeps the registered scripts in step with the granted sites: when the user grants or revokes a site (from
 * the popup or the browser's own site-access menu), on install and update, and at browser start.
 */
export function watchSiteGrants(): void {
  if (!canRegister() || !browser.permissions?.onAdded) return;
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    queue = queue.then(syncSites).catch(() => undefined);
    return queue;
  };
  browser.permissions.onAdded.addListener((permissions) => {
    void sync().then(async () => {
      for (const origin of permissions.origins ?? []) {
        const site = siteFromPattern(origin);
        if (site) await startInOpenTabs(site);
      }
    });
  });
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.runtime.onInstalled.addListener(() => void sync());
  browser.runtime.onStartup.addListener(() => void sync());
}
