import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n/messages';
import { type InsertResult, type InsertTarget, type Layout, type PageTheme, SIDEBAR_PORT, type SidebarCommandName, type ToContent, ToSidebar } from '../model/messages';
import type { PageState } from '../model/ticket';

export interface Connection {
  insert(target: InsertTarget, content: { text: string; html?: string }): Promise<InsertResult>;
  setLayout(layout: Layout): void;
  close(): void;
}

export interface ConnectionEvents {
  onPage(page: PageState): void;
  onLayout(layout: Layout): void;
  /** The helpdesk's own theme, where its page says (`null`: follow the system's). */
  onTheme(theme: PageTheme | null): void;
  /** A keyboard command, once the content script has opened the sidebar and focused its frame. */
  onCommand(command: SidebarCommandName): void;
  onLost(): void;
}

const INSERT_TIMEOUT_MS = 3_000;

/**
 * Opens the port to the content script of the tab this frame is embedded in. The port is the extension's
 * own channel: the helpdesk page cannot post into it, and what arrives is validated all the same.
 */
export async function connectToPage(events: ConnectionEvents): Promise<Connection> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error(t('notInHelpdeskTab'));
  const port: Browser.runtime.Port = browser.tabs.connect(tab.id, { name: SIDEBAR_PORT, frameId: 0 });
  const pending = new Map<number, (result: InsertResult) => void>();
  let nextId = 1;

  port.onMessage.addListener((raw: unknown) => {
    const parsed = ToSidebar.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'page') events.onPage(message.page);
    else if (message.type === 'layout') events.onLayout(message.layout);
    else if (message.type === 'theme') events.onTheme(message.theme);
    else if (message.type === 'command') events.onCommand(message.command);
    else {
      pending.get(message.requestId)?.(message.result);
      pending.delete(message.requestId);
    }
  });
  port.onDisconnect.addListener(() => {
    for (const resolve of pending.values()) resolve({ ok: false, reason: 'error' });
    pending.clear();
    events.onLost();
  });

  const post = (message: ToContent) => port.postMessage(message);
  return {
    insert(target, content) {
      const requestId = nextId++;
      return new Promise((resolve) => {
        pending.set(requestId, resolve);
        setTimeout(() => {
          if (pending.delete(requestId)) resolve({ ok: false, reason: 'error' });
        }, INSERT_TIMEOUT_MS);
        post({ type: 'insert', requestId, target, ...content });
      });
    },
    setLayout(layout) {
      post({ type: 'layout', layout });
    },
    close() {
      port.disconnect();
    },
  };
}
