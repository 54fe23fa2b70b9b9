// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { zendesk } from '../../src/adapters/zendesk';
import { startDeskmate } from '../../src/content/main';
import { SIDEBAR_PORT } from '../../src/model/limits';
import { loadFixture } from './adapters.kit';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A sidebar's end of the runtime port, as far as the content script uses it. */
function sidebarPort(received: unknown[]): Browser.runtime.Port {
  const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined, hasListener: () => false });
  return {
    name: SIDEBAR_PORT,
    sender: { id: fakeBrowser.runtime.id },
    postMessage: (message: unknown) => void received.push(message),
    disconnect: () => undefined,
    onMessage: listeners(),
    onDisconnect: listeners(),
  } as unknown as Browser.runtime.Port;
}

describe('the content script when storage fails', () => {
  const controller = new AbortController();
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('keeps the sidebar working and leaves no unhandled rejection in the page', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // fakeBrowser has no runtime ports: the content script's listener is kept to be called by hand.
    const onConnect: ((port: Browser.runtime.Port) => void)[] = [];
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => void onConnect.push(listener));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    try {
      loadFixture('zendesk', 'ticket.html');
      startDeskmate([zendesk], controller.signal);
      await settle();
      const host = document.getElementById('deskmate-sidebar-host');
      expect(host?.shadowRoot?.querySelector('iframe')).toBeTruthy();

      // The sidebar connects (the stored layout cannot be read), then the toolbar button collapses it (nor written).
      const received: unknown[] = [];
      for (const listener of onConnect) listener(sidebarPort(received));
      await fakeBrowser.runtime.onMessage.trigger({ type: 'toggle-sidebar' }, { id: fakeBrowser.runtime.id }, () => undefined);
      await settle();

      expect(host?.hasAttribute('data-collapsed')).toBe(true);
      expect(received).toContainEqual({ type: 'layout', layout: expect.objectContaining({ collapsed: true }) });
      expect(received).toContainEqual(expect.objectContaining({ type: 'page', page: expect.objectContaining({ state: 'ready' }) }));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
