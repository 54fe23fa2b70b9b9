import * as z from 'zod/mini';

/**
 * A site the user can enable Deskmate on: one scheme and host name. Browsers' match patterns carry no port,
 * so enabling `https://help.example.com:8443` enables every port of that host, as the permission prompt says.
 */
export interface Site {
  /** What the agent sees in the popup: `https://help.example.com:8443`. */
  origin: string;
  /** The host permission and content-script match pattern: `https://help.example.com/*`. */
  pattern: string;
  /** The id of the content script registered for this site. */
  scriptId: string;
}

/** Registered content scripts of enabled sites carry ids with this prefix; other ids are not ours to touch. */
export const SITE_SCRIPT_PREFIX = 'deskmate-site:';

/** A DNS name, an IPv4 address or a bracketed IPv6 address, as `URL.hostname` gives them. */
const HOSTNAME = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

export const SitePattern = z.string().check(
  z.maxLength(300),
  z.refine((value) => {
    const match = /^(https?):\/\/([^/]+)\/\*$/.exec(value);
    return match !== null && HOSTNAME.test(match[2]!);
  }, 'a single-site match pattern such as https://help.example.com/*'),
);

/** The site a tab shows, or `null` for pages no content script may run on (browser pages, files, the web store). */
export function siteOf(url: string | undefined): Site | null {
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return siteFromPattern(`${parsed.protocol}//${parsed.hostname}/*`, parsed.origin);
}

/** The site of a single-site match pattern (`https://help.example.com/*`), or `null` for any other pattern. */
export function siteFromPattern(pattern: string, origin?: string): Site | null {
  const parsed = SitePattern.safeParse(pattern);
  if (!parsed.success) return null;
  return {
    origin: origin ?? parsed.data.slice(0, -2),
    pattern: parsed.data,
    scriptId: `${SITE_SCRIPT_PREFIX}${parsed.data}`,
  };
}
