/**
 * The browser-wide keyboard commands (manifest `commands`). Read by wxt.config.ts at build time, so nothing
 * here touches the browser API.
 *
 * Alt+Shift with a letter: Chrome's and Firefox's own shortcuts use Ctrl (Cmd), Ctrl+Shift or Alt alone
 * (Chrome takes Alt+Shift+I, A, B and T), Zendesk's use Ctrl+Alt, and Freshdesk's, Help Scout's and Front's are
 * single keys, so none of them is taken from the agent. Chromium quietly leaves a suggested key unassigned when
 * it keeps the key for itself (Alt+Shift+N and Alt+Shift+C among them), hence E, for escalation, for the note;
 * tests/browser/commands.test.ts checks that every key here is assigned. Chrome honours at most four suggested keys.
 * The user can change or clear any of them (chrome://extensions/shortcuts, Firefox's add-on shortcuts), so
 * the sidebar's cheat sheet shows the keys the browser reports, not these.
 */
export const COMMANDS = [
  { name: 'toggle-sidebar', key: 'Alt+Shift+K', description: 'commandToggleSidebar' },
  { name: 'focus-search', key: 'Alt+Shift+L', description: 'commandFocusSearch' },
  { name: 'copy-note', key: 'Alt+Shift+E', description: 'commandCopyNote' },
] as const;

export type CommandName = (typeof COMMANDS)[number]['name'];

/** The manifest's `commands`, each described in the browser's language (`__MSG_…__`). */
export function manifestCommands(): Record<CommandName, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    COMMANDS.map(({ name, key, description }) => [name, { suggested_key: { default: key }, description: `__MSG_${description}__` }]),
  ) as Record<CommandName, { suggested_key: { default: string }; description: string }>;
}

export function isCommandName(value: string): value is CommandName {
  return COMMANDS.some((command) => command.name === value);
}
