import type { PageTheme } from '../model/messages';

/**
 * Shows the sidebar in the helpdesk's own theme, where its page says which, over the system's: `data-theme` on
 * the root element picks the palette in src/ui/theme.css. `null` goes back to following the system.
 */
export function applyPageTheme(root: HTMLElement, theme: PageTheme | null): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}
