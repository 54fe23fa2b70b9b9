import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startInOpenTabs, watchSiteGrants } from '../../src/permissions/grants';
import { matchesPattern } from '../../src/permissions/patterns';
import { SITE_SCRIPT_PREFIX, siteFromPattern, siteOf } from '../../src/permissions/site';
import { SELF_HOSTED_SCRIPT, disableSite, enableSite, siteStatus, syncSites } from '../../src/permissions/sites';

type Script = Browser.scripting.RegisteredContentScript;
type Permissions = Browser.permissions.Permissions;

/** The manifest of a build with one hosted helpdesk and one EXTRA_HOSTS entry. */
const MANIFEST = {
  manifest_version: 3,
  name: 'Deskmate',
  version: '0.1.0',
  host_permissions: ['*://*.zendesk.com/*', 'https://rt.example.org/*'],
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  content_scripts: [
    { matches: ['*://*.zendesk.com/*'], js: ['content-scripts/zendesk.js'] },
    { matches: ['https://rt.example.org/*'], js: ['content-scripts/self-hosted.js'] },
  ],
} as const;

/**
 * What fakeBrowser lacks (permissions, scripting, the manifest), modelled in memory the way Chrome behaves:
 * a permission request grants what the user accepts, registering an id twice fails, and so does
 * unregistering an id that is not registered.
 */
function fakeSiteApis(accept = true) {
  const granted = new Set<string>(MANIFEST.host_permissions);
  const scripts = new Map<string, Script>();
  const added: Array<(permissions: Permissions) => void> = [];
  const removed: Array<(permissions: Permissions) => void> = [];
  const injected: Array<{ tabId: number; files?: string[]; probe: boolean }> = [];
  const mountedIn = new Set<number>();

  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST as unknown as Browser.runtime.Manifest);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async ({ origins = [] }: Permissions) => {
    if (!accept) return false;
    const fresh = origins.filter((origin) => !granted.has(origin));
    fresh.forEach((origin) => granted.add(origin));
    if (fresh.length > 0) added.forEach((listener) => listener({ origins: fresh }));
    return true;
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }: Permissions) =>
    origins.every((origin) => granted.has(origin)),
  );
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...granted], permissions: [] }));
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }: Permissions) => {
    origins.forEach((origin) => granted.delete(origin));
    removed.forEach((listener) => listener({ origins }));
    return true;
  });
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((listener) => void added.push(listener));
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((listener) => void removed.push(listener));
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => [...scripts.values()]);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (list: Script[]) => {
    for (const script of list) {
      if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    }
    list.forEach((script) => scripts.set(script.id, script));
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter?: { ids?: string[] }) => {
    for (const id of filter?.ids ?? []) {
      if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection: Browser.scripting.ScriptInjection<unknown[], unknown>) => {
    const tabId = injection.target.tabId;
    injected.push({ tabId, files: injection.files, probe: injection.func !== undefined });
    if (injection.func) return [{ frameId: 0, documentId: 'd', result: mountedIn.has(tabId) }];
    mountedIn.add(tabId);
    return [{ frameId: 0, documentId: 'd', result: undefined }];
  });
  return { granted, scripts, injected, mountedIn };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('sites', () => {
  it('takes one scheme and host name from a tab URL, any port, and nothing from other pages', () => {
    expect(siteOf('https://help.example.com:8443/tickets.php?id=19')).toEqual({
      origin: 'https://help.example.com:8443',
      pattern: 'https://help.example.com/*',
      scriptId: `${SITE_SCRIPT_PREFIX}https://help.example.com/*`,
    });
    expect(siteOf('http://127.0.0.1:8080/Ticket/Display.html?id=1')?.pattern).toBe('http://127.0.0.1/*');
    expect(siteOf('http://[::1]:9000/')?.pattern).toBe('http://[::1]/*');
    for (const url of ['chrome://extensions', 'file:///tmp/a.html', 'about:blank', 'not a url', undefined, 'ftp://x.org/']) {
      expect(siteOf(url)).toBeNull();
    }
  });

  it('accepts only single-site patterns as sites', () => {
    expect(siteFromPattern('https://rt.example.org/*')?.origin).toBe('https://rt.example.org');
    for (const pattern of ['https://*/*', '*://*.zendesk.com/*', '<all_urls>', 'https://rt.example.org/Ticket/*', 'https://a b/*', 'javascript:alert(1)//*']) {
      expect(siteFromPattern(pattern)).toBeNull();
    }
  });

  it('matches manifest patterns the way browsers do', () => {
    const url = (href: string) => new URL(href);
    expect(matchesPattern('*://*.zendesk.com/*', url('https://acme.zendesk.com/agent/tickets/1'))).toBe(true);
    expect(matchesPattern('*://*.zendesk.com/*', url('http://zendesk.com:8080/'))).toBe(true);
    expect(matchesPattern('*://*.zendesk.com/*', url('https://zendesk.com.evil.org/'))).toBe(false);
    expect(matchesPattern('http://127.0.0.1/*', url('http://127.0.0.1:5000/Ticket/Display.html?id=1'))).toBe(true);
    expect(matchesPattern('http://127.0.0.1/*', url('https://127.0.0.1/'))).toBe(false);
    expect(matchesPattern('https://rt.example.org/Ticket/*', url('https://rt.example.org/Search/Results.html'))).toBe(false);
    expect(matchesPattern('<all_urls>', url('chrome://extensions/'))).toBe(false);
    expect(matchesPattern('not a pattern', url('https://a.org/'))).toBe(false);
  });
});

describe('site status', () => {
  it('tells built-in hosts, enabled sites, sites that can be enabled and pages that cannot run it', async () => {
    const apis = fakeSiteApis();
    expect((await siteStatus('https://acme.zendesk.com/agent/tickets/35120')).kind).toBe('built-in');
    expect((await siteStatus('https://rt.example.org/Ticket/Display.html?id=1')).kind).toBe('built-in');
    expect((await siteStatus('https://help.example.com/scp/tickets.php?id=19')).kind).toBe('available');
    expect((await siteStatus('chrome://newtab/')).kind).toBe('unsupported');
    expect((await siteStatus(undefined)).kind).toBe('unsupported');

    const site = siteOf('https://help.example.com/')!;
    await enableSite(site);
    expect(await siteStatus('https://help.example.com/scp/tickets.php?id=19')).toEqual({ kind: 'enabled', site: { ...site, origin: 'https://help.example.com' } });

    // Registered but the permission was taken back in the browser's settings: not enabled any more.
    apis.granted.delete(site.pattern);
    expect((await siteStatus('https://help.example.com/')).kind).toBe('available');
  });

  it('calls a browser without run-time registration unsupported for self-hosted sites', async () => {
    fakeSiteApis();
    vi.spyOn(fakeBrowser, 'scripting', 'get').mockReturnValue(undefined as unknown as typeof fakeBrowser.scripting);
    expect((await siteStatus('https://help.example.com/')).kind).toBe('unsupported');
    expect((await siteStatus('https://acme.zendesk.com/agent')).kind).toBe('built-in');
  });
});

describe('enabling and disabling a site', () => {
  it('asks for exactly that site and registers the self-hosted script for it, persisted', async () => {
    const apis = fakeSiteApis();
    const site = siteOf('https://help.example.com:8443/scp/tickets.php?id=19')!;
    expect(await enableSite(site)).toBe('enabled');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://help.example.com/*'] });
    expect([...apis.scripts.values()]).toEqual([
      {
        id: `${SITE_SCRIPT_PREFIX}https://help.example.com/*`,
        matches: ['https://help.example.com/*'],
        js: [SELF_HOSTED_SCRIPT],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('asks before anything else, so the prompt still has the click', async () => {
    fakeSiteApis();
    await enableSite(siteOf('https://help.example.com/')!);
    const first = (spy: unknown) => (spy as { mock: { invocationCallOrder: number[] } }).mock.invocationCallOrder[0] ?? Infinity;
    const request = first(fakeBrowser.permissions.request);
    for (const other of [fakeBrowser.permissions.getAll, fakeBrowser.scripting.getRegisteredContentScripts, fakeBrowser.scripting.registerContentScripts]) {
      expect(first(other)).toBeGreaterThan(request);
    }
  });

  it('registers nothing when the user declines', async () => {
    const apis = fakeSiteApis(false);
    expect(await enableSite(siteOf('https://help.example.com/')!)).toBe('denied');
    expect(apis.scripts.size).toBe(0);
  });

  it('unregisters the script and gives the permission back on disable', async () => {
    const apis = fakeSiteApis();
    const site = siteOf('https://help.example.com/')!;
    await enableSite(site);
    await disableSite(site);
    expect(apis.scripts.size).toBe(0);
    expect(apis.granted.has(site.pattern)).toBe(false);
    expect(apis.granted.has('*://*.zendesk.com/*')).toBe(true);
    // Disabling twice is harmless.
    await expect(disableSite(site)).resolves.toBeUndefined();
  });
});

describe('keeping registrations in step with grants', () => {
  it('registers granted sites, drops revoked ones, and leaves the manifest hosts and wildcard grants alone', async () => {
    const apis = fakeSiteApis();
    apis.granted.add('https://help.example.com/*');
    apis.granted.add('https://*/*');
    apis.scripts.set(`${SITE_SCRIPT_PREFIX}https://old.example.com/*`, {
      id: `${SITE_SCRIPT_PREFIX}https://old.example.com/*`,
      matches: ['https://old.example.com/*'],
      js: [SELF_HOSTED_SCRIPT],
    });
    apis.scripts.set('someone-else', { id: 'someone-else', matches: ['https://x.org/*'], js: ['x.js'] });

    const { registered, unregistered } = await syncSites();
    expect(registered.map((site) => site.pattern)).toEqual(['https://help.example.com/*']);
    expect(unregistered.map((site) => site.pattern)).toEqual(['https://old.example.com/*']);
    expect([...apis.scripts.keys()].sort()).toEqual([`${SITE_SCRIPT_PREFIX}https://help.example.com/*`, 'someone-else']);
    expect(await syncSites()).toEqual({ registered: [], unregistered: [] });
  });

  it('leaves alone the hosts a Firefox build lists among its permissions', async () => {
    const apis = fakeSiteApis();
    const { host_permissions: _hosts, ...rest } = MANIFEST;
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      ...rest,
      manifest_version: 2,
      permissions: ['storage', 'scripting', ...MANIFEST.host_permissions],
    } as unknown as Browser.runtime.Manifest);
    expect(await syncSites()).toEqual({ registered: [], unregistered: [] });
    expect(apis.scripts.size).toBe(0);
  });

  it('counts a script that another caller registered first as registered', async () => {
    const apis = fakeSiteApis();
    apis.granted.add('https://help.example.com/*');
    await Promise.all([syncSites(), syncSites()]);
    expect([...apis.scripts.keys()]).toEqual([`${SITE_SCRIPT_PREFIX}https://help.example.com/*`]);
  });

  it('rejects registration data that is not what the browser promises', async () => {
    fakeSiteApis();
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => [{ id: 42 }] as unknown as Script[]);
    await expect(syncSites()).rejects.toThrow();
  });

  it('follows grants and revocations from anywhere, and starts the sidebar in the site’s open tabs', async () => {
    const apis = fakeSiteApis();
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query: Browser.tabs.QueryInfo) => {
      const all = [
        { id: 11, url: 'https://help.example.com/scp/tickets.php?id=19' },
        { id: 12, url: 'https://help.example.com/scp/' },
        { id: 13, url: 'https://other.example.com/' },
      ];
      return all.filter((tab) => typeof query.url !== 'string' || matchesPattern(query.url, new URL(tab.url))) as Browser.tabs.Tab[];
    });
    apis.mountedIn.add(12);
    watchSiteGrants();

    // Granted from the browser's own site-access menu, not the popup.
    await fakeBrowser.permissions.request({ origins: ['https://help.example.com/*'] });
    await vi.waitFor(() => expect(apis.injected.filter((call) => call.files)).toHaveLength(1));
    expect(apis.scripts.has(`${SITE_SCRIPT_PREFIX}https://help.example.com/*`)).toBe(true);
    expect(apis.injected.filter((call) => call.files)).toEqual([{ tabId: 11, files: [SELF_HOSTED_SCRIPT], probe: false }]);

    await fakeBrowser.permissions.remove({ origins: ['https://help.example.com/*'] });
    await vi.waitFor(() => expect(apis.scripts.size).toBe(0));

    apis.granted.add('https://again.example.com/*');
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(apis.scripts.has(`${SITE_SCRIPT_PREFIX}https://again.example.com/*`)).toBe(true));
  });

  it('keeps going when a tab cannot take the script', async () => {
    fakeSiteApis();
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: 5 }, { id: undefined }] as Browser.tabs.Tab[]);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(startInOpenTabs(siteOf('https://help.example.com/')!)).resolves.toBeUndefined();
  });
});
