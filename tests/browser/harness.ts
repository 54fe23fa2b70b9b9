import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { DEMO_HOST_PATTERNS, startDemoServer, type DemoServer } from '../demo/server';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/chromium';
import { isForeignRequest, recordRequest, recordWebSocket, type RecordedRequest } from './support/requests';

export type { RecordedRequest };

/** Where the content script mounts the sidebar page; Playwright's CSS engine pierces the open shadow root. */
export const SIDEBAR_FRAME = '#deskmate-sidebar-host iframe';

export interface Harness {
  context: BrowserContext;
  server: DemoServer;
  extensionId: string;
  /** Opens a helpdesk URL (for example `http://acme.zendesk.com/agent/tickets/35120`) in a new tab. */
  openTicketPage(url: string): Promise<Page>;
  sidebar(page: Page): FrameLocator;
  /** Opens a helpdesk URL and waits until its sidebar shows the ticket and its answers. */
  openReadySidebar(url: string): Promise<{ page: Page; frame: FrameLocator }>;
  /** Opens the options page in a new tab, at one of its sections (`#knowledge`) if given. */
  openOptions(hash?: string): Promise<Page>;
  /**
   * The clipboard's text, read in a tab of the extension's own origin: plain http helpdesk pages have no
   * `navigator.clipboard`, and the sidebar frame is only allowed to write it. `page` is brought back to the
   * front afterwards.
   */
  readClipboard(page: Page): Promise<string>;
  /**
   * Every request and WebSocket of the pages and their frames, and every request of the extension's service
   * worker, since launch, in order.
   */
  requests: RecordedRequest[];
  /** Requests to anything other than the hosts of pages opened with `openTicketPage` or this extension. */
  foreignRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts the demo helpdesk server (on `tests/demo/pages/` unless `pagesDir` names another folder) and a headless
 * Chromium with the built extension, with the helpdesks' real host names resolving to that server and every
 * other host name failing to resolve.
 */
export async function launchWithExtension(opts: { extensionDir?: string; pagesDir?: string } = {}): Promise<Harness> {
  const server = await startDemoServer({ pagesDir: opts.pagesDir });
  const requests: RecordedRequest[] = [];
  let browser: ExtensionBrowser;
  try {
    browser = await launchExtensionBrowser({
      extensionDir: opts.extensionDir,
      hosts: DEMO_HOST_PATTERNS,
      serverPort: server.port,
      headless: true,
      blockOtherHosts: true,
      onRequest: (request) => requests.push(recordRequest(request)),
    });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // WebSockets are not requests to Playwright: each page reports its own.
    const watchSockets = (page: Page) => page.on('websocket', (socket) => requests.push(recordWebSocket(socket, page)));
    browser.context.pages().forEach(watchSockets);
    browser.context.on('page', watchSockets);
  } catch (error) {
    await server.close();
    throw error;
  }

  const { context, extensionId } = browser;
  const pageHosts = new Set<string>();
  const sidebar = (page: Page) => page.frameLocator(SIDEBAR_FRAME);
  let closing: Promise<void> | undefined;

  const openTicketPage = async (url: string) => {
    pageHosts.add(new URL(url).hostname);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };

  return {
    context,
    server,
    extensionId,
    requests,
    openTicketPage,
    sidebar,
    async openReadySidebar(url) {
      const page = await openTicketPage(url);
      const frame = sidebar(page);
      await frame.locator('[data-testid="aa-sidebar"][data-state="ready"]').waitFor({ timeout: 20_000 });
      return { page, frame };
    },
    async openOptions(hash = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
      return page;
    },
    async readClipboard(page) {
      const reader = await context.newPage();
      try {
        await reader.goto(`chrome-extension://${extensionId}/manifest.json`);
        return await reader.evaluate(() => navigator.clipboard.readText());
      } finally {
        await reader.close();
        await page.bringToFront();
      }
    },
    foreignRequests: () => requests.filter((request) => isForeignRequest(request.url, { extensionId, pageHosts })),
    close: () => (closing ??= browser.close().finally(() => server.close())),
  };
}
