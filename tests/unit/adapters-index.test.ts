// No DOM here on purpose: wxt.config.ts imports the adapters in Node at build time.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { ADAPTERS, HOST_MATCHES, HOSTED_ADAPTERS, SELF_HOSTED_ADAPTERS } from '../../src/adapters';
import { hostMatches } from '../../src/adapters/page';

describe('adapter registry', () => {
  it('loads without a DOM and lists each helpdesk once', () => {
    expect(typeof document).toBe('undefined');
    expect(ADAPTERS.map((adapter) => adapter.id)).toEqual(expect.arrayContaining(['zendesk', 'freshdesk']));
    expect(new Set(ADAPTERS.map((adapter) => adapter.id)).size).toBe(ADAPTERS.length);
  });

  it('gives each helpdesk with vendor hosts its own content script, and the self-hosted ones one together', () => {
    const scripts = readdirSync('entrypoints').filter((file) => file.endsWith('.content.ts'));
    const withHosts = ADAPTERS.filter((adapter) => adapter.matches.length > 0);
    expect(withHosts).toEqual(expect.arrayContaining([...HOSTED_ADAPTERS]));
    expect(scripts.sort()).toEqual([...withHosts.map((adapter) => `${adapter.id}.content.ts`), 'self-hosted.content.ts'].sort());
    // Zammad's own hosting; Request Tracker, FreeScout and osTicket are only ever self-hosted.
    expect(SELF_HOSTED_ADAPTERS.filter((adapter) => adapter.matches.length > 0).map((adapter) => adapter.id)).toEqual(['zammad']);
    for (const adapter of SELF_HOSTED_ADAPTERS) expect(adapter.page.signature.length).toBeGreaterThan(0);
  });

  it('offers manifest match patterns for every adapter host, for any scheme', () => {
    expect(HOST_MATCHES).toEqual(expect.arrayContaining(['*://*.zendesk.com/*', '*://*.freshdesk.com/*', '*://*.zammad.com/*']));
    expect(HOST_MATCHES).toEqual([...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))]);
    for (const pattern of HOST_MATCHES) expect(pattern).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('matches host names exactly or by subdomain, never by suffix alone', () => {
    const hosts = ['.zendesk.com'];
    expect(hostMatches(hosts, 'acme.zendesk.com')).toBe(true);
    expect(hostMatches(hosts, 'ACME.Zendesk.com')).toBe(true);
    expect(hostMatches(hosts, 'zendesk.com')).toBe(true);
    expect(hostMatches(hosts, 'evilzendesk.com')).toBe(false);
    expect(hostMatches(hosts, 'acme.zendesk.com.example.org')).toBe(false);
  });
});
