import { browser } from 'wxt/browser';

/**
 * A message of `public/_locales/en/messages.json`. WXT types `getMessage` from that file (in `.wxt/`), so a
 * key that English lacks does not compile; tests/unit/i18n-locales.test.ts holds the other languages to it.
 */
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

/**
 * The interface's words in the browser's language, through the browser's own `_locales` lookup: English
 * (the manifest's `default_locale`) for a language the extension has no messages for, or a key it lacks.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

// A private-use character: nothing a translator writes contains it.
const SLOT = '\uE000';

/** The text before and after the one placeholder of `key`, for a value shown as its own element. */
export function around(key: MessageKey): [before: string, after: string] {
  const [before = '', after = ''] = t(key, SLOT).split(SLOT);
  return [before, after];
}
