/**
 * Whether a manifest match pattern (`*://*.zendesk.com/*`, `http://127.0.0.1/*`, `<all_urls>`) covers a URL,
 * by the browsers' rules: `*` as scheme means http or https, `*.` before a host covers it and its subdomains,
 * the port never matters, and `*` in the path matches anything.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (pattern === '<all_urls>') return web;
  const match = /^(\*|https?):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match || !web) return false;
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (!hostMatches(host, url.hostname)) return false;
  return pathMatches(path, url.pathname + url.search);
}

function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const wanted = pattern.toLowerCase().replace(/:(\d+|\*)$/, '');
  if (wanted === '*') return true;
  if (wanted.startsWith('*.')) return host === wanted.slice(2) || host.endsWith(wanted.slice(1));
  return host === wanted;
}

function pathMatches(pattern: string, path: string): boolean {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(path);
}
