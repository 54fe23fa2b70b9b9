import type { Source } from './model';

/** What the options page and the background's schedule need to know of a knowledge source URL (sync.ts fetches it). */

export const SYNC_CHOICES_HOURS = [1, 6, 24] as const;

/** How often a source is fetched when nothing says otherwise: once a day. */
export const DEFAULT_SYNC_HOURS = 24;

/** The host permission a knowledge source URL needs: its origin. */
export function originPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** A URL the options page accepts as a knowledge source: http(s), no credentials in it. */
export function checkSourceUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs can be fetched';
  if (url.username || url.password) return 'a URL with a user name or password in it would be stored in clear';
  return url;
}

/** Whether a source's next fetch is due at `now`. */
export function isDue(source: Source, now: Date): boolean {
  if (source.kind !== 'url' || !source.sync) return false;
  if (!source.sync.checkedAt) return true;
  return now.getTime() - new Date(source.sync.checkedAt).getTime() >= source.sync.everyHours * 3_600_000 - 60_000;
}
