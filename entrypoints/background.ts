import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ToggleSidebar } from '../src/model/messages';

export default defineBackground(() => {
  // The toolbar button opens or collapses the sidebar of the tab it was clicked in.
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    const message: ToggleSidebar = { type: 'toggle-sidebar' };
    // A tab without the content script (not a helpdesk page) has no listener: nothing to toggle.
    browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
});
