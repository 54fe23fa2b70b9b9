import { browser } from 'wxt/browser';
import type { SidebarCommand, SidebarCommandName, ToggleSidebar } from '../model/messages';

/*
 * What the extension's own pages and its background send to the sidebar of a tab, through that tab's content
 * script (src/content/main.ts), which answers `true` when it has a sidebar that took the message.
 */

export interface ActiveTab {
  id?: number;
  url?: string;
}

/** The tab the popup was opened over, or the one a keyboard command was pressed in. */
export async function activeTab(): Promise<ActiveTab> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

async function sendToSidebar(tab: ActiveTab, message: ToggleSidebar | SidebarCommand): Promise<boolean> {
  if (tab.id === undefined) return false;
  try {
    // The top frame only: that is where the content script mounts the sidebar.
    return (await browser.tabs.sendMessage(tab.id, message, { frameId: 0 })) === true;
  } catch {
    return false; // no content script in the tab
  }
}

/** Shows or hides the sidebar in `tab`; `false` when no sidebar runs there to answer. */
export function toggleSidebar(tab: ActiveTab): Promise<boolean> {
  return sendToSidebar(tab, { type: 'toggle-sidebar' });
}

/** Opens the sidebar in `tab`, focuses it and has it carry out `command`; `false` when there is no sidebar. */
export function commandSidebar(tab: ActiveTab, command: SidebarCommandName): Promise<boolean> {
  return sendToSidebar(tab, { type: 'sidebar-command', command });
}
