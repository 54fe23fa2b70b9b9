import { browser } from 'wxt/browser';
import type { ToggleSidebar } from '../model/messages';

export interface ActiveTab {
  id?: number;
  url?: string;
}

/** The tab the popup was opened over. */
export async function activeTab(): Promise<ActiveTab> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** Shows or hides the sidebar in `tab`; `false` when no sidebar runs there to answer. */
export async function toggleSidebar(tab: ActiveTab): Promise<boolean> {
  if (tab.id === undefined) return false;
  const message: ToggleSidebar = { type: 'toggle-sidebar' };
  try {
    await browser.tabs.sendMessage(tab.id, message);
    return true;
  } catch {
    return false;
  }
}
