import { readdirSync, readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES_DIR = 'public/_locales';

export interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, Message>;

const cache = new Map<string, Messages>();

export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function readMessages(locale: string): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8')) as Messages;
    cache.set(locale, messages);
  }
  return messages;
}

/**
 * What Chrome's `i18n.getMessage` does with an entry: each `$name$` becomes its placeholder's content, then
 * `$1`…`$9` the substitutions (nothing for one not given) and `$$` a dollar sign.
 */
export function formatMessage(entry: Message, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/**
 * Gives the fake browser (which leaves `i18n` unimplemented) the real `_locales` files: messages in
 * `locale`, English for a key it lacks, '' for a key no file has, and `browserLanguage` as the browser's
 * own language (a browser in a language without messages gets English ones, as in Chrome).
 */
export function useUiLocale(locale: string, browserLanguage = locale): void {
  const messages = localeNames().includes(locale) ? readMessages(locale) : {};
  const english = readMessages('en');
  const getMessage = (name: string, substitutions?: string | string[]) => {
    const entry = messages[name] ?? english[name];
    return entry ? formatMessage(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])) : '';
  };
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => browserLanguage });
}
