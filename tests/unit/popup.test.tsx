// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteStatus } from '../../src/permissions/sites';
import { siteOf } from '../../src/permissions/site';
import { Popup } from '../../src/popup/Popup';

const sites = vi.hoisted(() => ({
  siteStatus: vi.fn<(url: string | undefined) => Promise<SiteStatus>>(),
  enableSite: vi.fn<() => Promise<'enabled' | 'denied'>>(),
  disableSite: vi.fn<() => Promise<void>>(),
}));
vi.mock('../../src/permissions/sites', () => sites);

const SITE = siteOf('https://help.example.com:8443/scp/tickets.php?id=19')!;
let host: HTMLElement;
let closed: number;

async function show(url: string): Promise<void> {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: 7, url }] as Browser.tabs.Tab[]);
  await act(async () => {
    render(<Popup close={() => (closed += 1)} />, host);
  });
  await vi.waitFor(() => expect(host.querySelector('[data-testid="popup"]')?.getAttribute('data-kind')).not.toBe('loading'));
}

const button = (testId: string) => host.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);

beforeEach(() => {
  fakeBrowser.reset();
  closed = 0;
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('toolbar popup', () => {
  it('offers to enable a self-hosted site by its origin, asking straight from the click', async () => {
    sites.siteStatus.mockResolvedValueOnce({ kind: 'available', site: SITE }).mockResolvedValue({ kind: 'enabled', site: SITE });
    sites.enableSite.mockResolvedValue('enabled');
    await show('https://help.example.com:8443/scp/tickets.php?id=19');
    expect(sites.siteStatus).toHaveBeenCalledWith('https://help.example.com:8443/scp/tickets.php?id=19');
    expect(host.querySelector('[data-testid="popup-status"]')?.textContent).toBe('Not enabled on https://help.example.com:8443.');
    const enable = button('popup-enable')!;
    expect(enable.textContent).toBe('Enable on https://help.example.com:8443');

    enable.click();
    // Synchronously in the click: the browser shows the permission prompt only during the gesture.
    expect(sites.enableSite).toHaveBeenCalledWith(SITE);
    await vi.waitFor(() => expect(host.querySelector('[data-testid="popup"]')?.getAttribute('data-kind')).toBe('enabled'));
    expect(host.querySelector('[role="status"]')?.textContent).toMatch(/^Enabled\./);
    expect(button('popup-disable')).not.toBeNull();
    expect(button('popup-enable')).toBeNull();
  });

  it('says so when the user declines', async () => {
    sites.siteStatus.mockResolvedValue({ kind: 'available', site: SITE });
    sites.enableSite.mockResolvedValue('denied');
    await show('https://help.example.com/');
    button('popup-enable')!.click();
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toBe('Access was not granted.'));
  });

  it('disables an enabled site', async () => {
    sites.siteStatus.mockResolvedValueOnce({ kind: 'enabled', site: SITE }).mockResolvedValue({ kind: 'available', site: SITE });
    sites.disableSite.mockResolvedValue();
    await show('https://help.example.com/');
    expect(host.querySelector('[data-testid="popup-status"]')?.textContent).toBe('Enabled on https://help.example.com:8443.');
    button('popup-disable')!.click();
    await vi.waitFor(() => expect(host.querySelector('[data-testid="popup"]')?.getAttribute('data-kind')).toBe('available'));
    expect(sites.disableSite).toHaveBeenCalledWith(SITE);
  });

  it('shows or hides the sidebar of a built-in helpdesk and closes', async () => {
    sites.siteStatus.mockResolvedValue({ kind: 'built-in', site: siteOf('https://acme.zendesk.com/')! });
    // The content script answers true when its sidebar took the message (src/content/main.ts).
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => true);
    await show('https://acme.zendesk.com/agent/tickets/35120');
    expect(button('popup-enable')).toBeNull();
    button('popup-toggle')!.click();
    await vi.waitFor(() => expect(closed).toBe(1));
    expect(sent).toHaveBeenCalledWith(7, { type: 'toggle-sidebar' }, { frameId: 0 });
  });

  it('stays open when the page has a content script but no sidebar to answer', async () => {
    sites.siteStatus.mockResolvedValue({ kind: 'enabled', site: SITE });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);
    await show('https://help.example.com/');
    button('popup-toggle')!.click();
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toMatch(/No sidebar on this page/));
    expect(closed).toBe(0);
  });

  it('stays open and explains when no sidebar answers', async () => {
    sites.siteStatus.mockResolvedValue({ kind: 'enabled', site: SITE });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await show('https://help.example.com/');
    button('popup-toggle')!.click();
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toMatch(/No sidebar on this page/));
    expect(closed).toBe(0);
  });

  it('offers nothing on pages no extension may run on', async () => {
    sites.siteStatus.mockResolvedValue({ kind: 'unsupported' });
    await show('chrome://extensions/');
    expect(host.querySelector('[data-testid="popup-status"]')?.textContent).toBe('Deskmate cannot run on this page.');
    expect(host.querySelectorAll('button')).toHaveLength(0);
  });
});
