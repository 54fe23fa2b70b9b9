import { browser, type Browser } from 'wxt/browser';
import { insertIntoEditor } from '../adapters/editor';
import { findAmong } from '../adapters/page';
import { readPage } from '../adapters/read';
import { readTheme } from '../adapters/theme';
import type { Adapter } from '../adapters/types';
import { DEFAULT_LAYOUT, SIDEBAR_PORT } from '../model/limits';
import type { Layout, ToSidebar } from '../model/messages';
import type { PageState } from '../model/ticket';
import { SidebarFrame } from './frame';
import { LoadingGrace } from './grace';
import { isLayout, isSidebarCommand, isToContent, isToggleSidebar } from './inbound';
import { StatePublisher } from './publish';
import { ThemePublisher } from './theme';
import { watchPage } from './watch';

const layoutKey = (adapter: Adapter) => `layout:${adapter.id}`;

async function loadLayout(adapter: Adapter): Promise<Layout> {
  const stored = await browser.storage.local.get(layoutKey(adapter));
  const layout: unknown = stored[layoutKey(adapter)];
  return isLayout(layout) ? layout : DEFAULT_LAYOUT;
}

/** `async`, so that storage throwing at once (the extension's context gone after an update) rejects instead. */
async function saveLayout(adapter: Adapter, layout: Layout): Promise<void> {
  await browser.storage.local.set({ [layoutKey(adapter)]: layout });
}

/**
 * Storage fails now and then (quota, or the extension's context gone after an update). That costs only the
 * remembered width and open state, so the failure ends here rather than as an unhandled rejection in the
 * helpdesk page's console.
 */
function quietly(work: Promise<unknown>): void {
  work.catch(() => undefined);
}

/**
 * Finds the helpdesk, keeps the sidebar frame mounted, and tells the sidebar what the page shows whenever
 * that changes. Everything that can fail on a hostile page is caught here: the helpdesk page never sees
 * an exception from the extension.
 */
export function startDeskmate(adapters: readonly Adapter[], signal: AbortSignal): void {
  let adapter: Adapter | null = null;
  let frame: SidebarFrame | null = null;
  let port: Browser.runtime.Port | null = null;
  const grace = new LoadingGrace();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (message: ToSidebar) => {
    try {
      port?.postMessage(message);
    } catch {
      port = null; // the sidebar went away; it reconnects when it loads again
    }
  };

  const states = new StatePublisher((state) => send({ type: 'page', page: state }));
  const themes = new ThemePublisher(
    () => (adapter ? readTheme(adapter, document) : null),
    (theme) => send({ type: 'theme', theme }),
  );

  const withGrace = (state: PageState): PageState => {
    const graced = grace.apply(state, location.href, Date.now());
    clearTimeout(graceTimer);
    if (graced.readAgainIn !== undefined) graceTimer = setTimeout(() => watcher.flush(), graced.readAgainIn);
    return graced.state;
  };

  const tick = () => {
    try {
      const url = new URL(location.href);
      adapter ??= findAmong(adapters, document, url);
      if (!adapter) return;
      if (!frame) {
        const found = adapter;
        frame = new SidebarFrame(browser.runtime.getURL('/sidebar.html'), DEFAULT_LAYOUT, (layout) => {
          quietly(saveLayout(found, layout));
        });
        quietly(loadLayout(found).then((layout) => frame?.setLayout(layout)));
        frame.ensureMounted();
        // Mounting the frame and the first read, which may be of a huge thread, are tasks of their own: the
        // page gets to draw in between, and neither adds to the other's time on its main thread.
        watcher.schedule();
        return;
      }
      frame.ensureMounted();
      states.publish(withGrace(readPage(adapter, document, url)));
      themes.check();
    } catch (error) {
      // Before an adapter is found there is no sidebar to tell.
      if (!adapter) return;
      states.publish({
        state: 'error',
        helpdesk: adapter.id,
        diagnostic: `${adapter.name} reader failed on ${location.pathname.replace(/\d{2,}/g, '<n>')}: ${error instanceof Error ? error.name : 'unknown error'}`,
      });
    }
  };

  const applyLayout = (layout: Layout) => {
    if (!adapter) return;
    frame?.setLayout(layout);
    quietly(saveLayout(adapter, layout));
  };

  const onMessage = (raw: unknown) => {
    if (!isToContent(raw) || !adapter) return;
    const message = raw;
    if (message.type === 'layout') {
      applyLayout(message.layout);
      return;
    }
    let result: ToSidebar & { type: 'inserted' };
    try {
      const inserted = insertIntoEditor(adapter, document, message.target, { text: message.text, html: message.html });
      result = { type: 'inserted', requestId: message.requestId, result: inserted };
    } catch {
      result = { type: 'inserted', requestId: message.requestId, result: { ok: false, reason: 'error' } };
    }
    send(result);
  };

  browser.runtime.onConnect.addListener((incoming) => {
    if (incoming.name !== SIDEBAR_PORT || incoming.sender?.id !== browser.runtime.id) return;
    port?.disconnect();
    port = incoming;
    incoming.onMessage.addListener(onMessage);
    incoming.onDisconnect.addListener(() => {
      if (port === incoming) port = null;
    });
    states.resend();
    themes.resend();
    if (adapter) quietly(loadLayout(adapter).then((layout) => send({ type: 'layout', layout })));
  });

  const setCollapsed = (collapsed: boolean) => {
    if (!frame || frame.layout.collapsed === collapsed) return;
    const layout = { ...frame.layout, collapsed };
    applyLayout(layout);
    send({ type: 'layout', layout });
  };

  // The toolbar popup and the keyboard commands (through the background). Answering `true` tells the sender
  // that a sidebar is here and took the message; not answering, that there is none to take it.
  const onTabMessage = (raw: unknown, sender: Browser.runtime.MessageSender, respond: (handled: boolean) => void): false => {
    if (sender.id !== browser.runtime.id || !frame) return false;
    if (isToggleSidebar(raw)) {
      setCollapsed(!frame.layout.collapsed);
      respond(true);
    } else if (isSidebarCommand(raw) && port) {
      // Opened first: the layout reaches the sidebar before the command, so the search box and the note exist.
      setCollapsed(false);
      frame.focus();
      send({ type: 'command', command: raw.command });
      respond(true);
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onTabMessage);

  const watcher = watchPage(tick, signal);
  signal.addEventListener('abort', () => {
    clearTimeout(graceTimer);
    themes.stop();
    browser.runtime.onMessage.removeListener(onTabMessage);
    frame?.remove();
    port?.disconnect();
  });
}
