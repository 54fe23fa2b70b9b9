import { defineBackground } from 'wxt/utils/define-background';
import { watchSiteGrants } from '../src/permissions/grants';

/*
 * The toolbar button opens the popup (entrypoints/popup/), which shows or hides the sidebar and enables
 * Deskmate on self-hosted sites; the background only keeps the content scripts of enabled sites registered.
 */
export default defineBackground(() => {
  watchSiteGrants();
});
