import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Messages, localeNames, readMessages } from '../support/i18n';

/**
 * The interface's words live in public/_locales/<language>/messages.json. Every language has every key that
 * English has and no other, the same placeholders, plural forms for its own plural categories, and a real
 * translation; every key is used, and every key the code names exists (the compiler checks calls of `t`
 * against English through WXT's generated types; the manifest's `__MSG_…__` and the literal calls found here
 * are checked below).
 */
const english = readMessages('en');
const locales = localeNames();
const translated = locales.filter((locale) => locale !== 'en');

const PLURAL_FORMS = /^\s*one\s*:.*\|\s*other\s*:/s;
const PLACEHOLDER = /\$([a-z0-9_@]+)\$/gi;
// Brand names are not translated.
const SAME_IN_EVERY_LANGUAGE = new Set(['extName']);
const SCRIPT: Readonly<Record<string, RegExp>> = { ar: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [path] : [];
  });
}
const sources = [...sourceFiles('src'), ...sourceFiles('entrypoints'), 'wxt.config.ts'].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

const placeholderNames = (message: string) => [...message.matchAll(PLACEHOLDER)].map((match) => match[1]!.toLowerCase());
const pluralCategories = (message: string) => message.split('|').map((form) => form.split(':')[0]!.trim());

describe('locales', () => {
  it('are English, Arabic and Hebrew, English the default of the manifest', () => {
    expect(locales).toEqual(['ar', 'en', 'he']);
    const config = readFileSync('wxt.config.ts', 'utf8');
    expect(config).toMatch(/default_locale: 'en'/);
    expect(config).toMatch(/name: '__MSG_extName__'/);
    expect(config).toMatch(/description: '__MSG_extDescription__'/);
  });

  it.each(translated)('%s has exactly the keys of English', (locale) => {
    const keys = Object.keys(readMessages(locale));
    const missing = Object.keys(english).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)('%s names its own language, for lang, dir and Intl', (locale) => {
    expect(readMessages(locale).uiLanguage?.message).toBe(locale);
  });

  it.each(translated)('%s translates every message, into its own script', (locale) => {
    const messages: Messages = readMessages(locale);
    for (const [key, { message }] of Object.entries(messages)) {
      if (SAME_IN_EVERY_LANGUAGE.has(key) || key === 'uiLanguage') continue;
      expect(message, key).not.toBe(english[key]!.message);
      expect(message, key).toMatch(SCRIPT[locale]!);
    }
  });

  it.each(locales)('%s: placeholders match English, and each is defined and used', (locale) => {
    for (const [key, entry] of Object.entries(readMessages(locale))) {
      expect(entry.message.trim(), key).not.toBe('');
      const defined = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
      const inEnglish = Object.fromEntries(Object.entries(english[key]!.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
      expect(defined, key).toEqual(inEnglish);
      // Substitutions are numbered from $1 without gaps: the code passes them in that order.
      expect(Object.values(defined).sort(), key).toEqual(Object.keys(defined).map((_, i) => `$${i + 1}`));
      const used = new Set(placeholderNames(entry.message));
      expect([...used].filter((name) => !(name in defined)), `${key}: undefined placeholders`).toEqual([]);
      expect(Object.keys(defined).filter((name) => !used.has(name)), `${key}: unused placeholders`).toEqual([]);
      // Only named placeholders: a bare $ or $1 would read differently in Chrome and Firefox.
      expect(entry.message.replace(PLACEHOLDER, ''), key).not.toContain('$');
    }
  });

  it.each(locales)('%s: counted messages have a form for each plural category of the language', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, { message }] of Object.entries(readMessages(locale))) {
      if (PLURAL_FORMS.test(english[key]!.message)) {
        expect(pluralCategories(message).sort(), key).toEqual([...categories].sort());
        for (const form of message.split('|')) expect(form.slice(form.indexOf(':') + 1).trim(), key).not.toBe('');
      } else {
        expect(message, key).not.toMatch(/^\s*(zero|one|two|few|many|other)\s*:.*\|/s);
      }
    }
  });

  it.each(locales)('%s: the manifest strings fit the stores', (locale) => {
    const messages = readMessages(locale);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('keys and code', () => {
  const literals = new Set(sources.flatMap(({ text }) => [...text.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*)['"`]/g)].map((match) => match[1]!)));
  const manifestKeys = sources.flatMap(({ path, text }) => [...text.matchAll(/__MSG_(\w+)__/g)].map((match) => ({ path, key: match[1]! })));
  const calledKeys = sources.flatMap(({ path, text }) =>
    [...text.matchAll(/\b(?:t|plural|around)\(\s*['"]([^'"]+)['"]/g)].map((match) => ({ path, key: match[1]! })),
  );

  it('every key the code and the manifest name exists in English', () => {
    expect(manifestKeys.length).toBeGreaterThan(0);
    expect(calledKeys.length).toBeGreaterThan(50);
    for (const { path, key } of [...manifestKeys, ...calledKeys]) expect(Object.keys(english), `${path}: ${key}`).toContain(key);
  });

  it('every key is used', () => {
    const named = new Set([...literals, ...manifestKeys.map(({ key }) => key)]);
    expect(Object.keys(english).filter((key) => !named.has(key))).toEqual([]);
  });
});
