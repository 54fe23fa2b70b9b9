import { browser } from 'wxt/browser';
import { type ActiveTab, activeTab, commandSidebar, toggleSidebar } from '../tabs/sidebar';
import { isCommandName } from './keys';

/** Where a keyboard command was carried out: in the tab's sidebar, in the toolbar popup, or nowhere. */
export type CommandOutcome = 'sidebar' | 'popup' | 'none';

/**
 * Opens the toolbar popup, whose search box takes the focus; false where the browser refuses, as Firefox may once
 * the command's own user action has passed (the sidebar was asked first).
 */
async function openPopup(): Promise<boolean> {
  // Manifest V2 (Firefox) calls the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  try {
    await action.openPopup();
    return true;
  } catch {
    return false;
  }
}

/**
 * Carries out a keyboard command of the manifest (src/commands/keys.ts) in `tab`, the active tab when the
 * browser does not name one. Toggling and copying the note go to the tab's sidebar; quick lookup does too,
 * and on a page without a sidebar opens the toolbar popup, which searches the same knowledge base.
 */
export async function runCommand(command: string, tab?: ActiveTab): Promise<CommandOutcome> {
  if (!isCommandName(command)) return 'none';
  const target = tab?.id === undefined ? await activeTab() : tab;
  if (command === 'toggle-sidebar') return (await toggleSidebar(target)) ? 'sidebar' : 'none';
  if (await commandSidebar(target, command)) return 'sidebar';
  if (command === 'focus-search' && (await openPopup())) return 'popup';
  return 'none';
}
