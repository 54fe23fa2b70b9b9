import type { FrameLocator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/keys';
import type { CommandOutcome } from '../../src/commands/run';
import { DEMO_HOST_PATTERNS, startDemoServer, type DemoServer } from '../demo/server';
import { launchWithExtension, SIDEBAR_FRAME, type Harness } from './harness';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/chromium';

/*
 * The manifest's keyboard commands. Headless Chromium delivers key presses to pages, never to the browser's own
 * shortcut handling, so no test can press Alt+Shift+K: each test runs the handler that
 * `commands.onCommand` calls (src/commands/run.ts, exposed by entrypoints/background.ts) in the service worker,
 * with the tab the keys would have been pressed in. What the handler does from there is the real path:
 * tabs.sendMessage to the content script, the port to the sidebar, the sidebar's focus and clipboard.
 */

const TICKET = 'http://acme.zendesk.com/agent/tickets/35121';

/** The part of the extension API the service worker is asked for here. */
declare const chrome: {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

function extensionWorker(context: Harness['context']): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  return running ? Promise.resolve(running) : context.waitForEvent('serviceworker');
}

/** What pressing `command`'s keys in the tab showing `url` does. */
function press(worker: Worker, command: string, url: string): Promise<CommandOutcome> {
  return worker.evaluate(
    async ({ command, url }) => {
      const [tab] = await chrome.tabs.query({ url });
      const handler = (globalThis as unknown as { runDeskmateCommand(name: string, tab: { id?: number }): Promise<CommandOutcome> })
        .runDeskmateCommand;
      return handler(command, { id: tab?.id });
    },
    { command, url },
  );
}

const sidebarRoot = (frame: FrameLocator) => frame.locator('[data-testid="aa-sidebar"]');
const focusedTestId = (frame: FrameLocator) => frame.locator(':focus').getAttribute('data-testid');

async function openTicket(open: (url: string) => Promise<Page>, frameOf: (page: Page) => FrameLocator) {
  const page = await open(TICKET);
  const frame = frameOf(page);
  await expect.poll(() => sidebarRoot(frame).getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  return { page, frame };
}

describe('keyboard commands', () => {
  let harness: Harness;
  let worker: Worker;

  beforeAll(async () => {
    harness = await launchWithExtension();
    worker = await extensionWorker(harness.context);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('are all bound to their suggested keys: Chromium assigns none that it keeps for itself', async () => {
    const bound = await worker.evaluate(() => chrome.commands.getAll());
    for (const { name, key } of COMMANDS) expect(bound.find((command) => command.name === name)?.shortcut, name).toBe(key);
  });

  it('toggle the sidebar, and quick lookup opens it with the search box in focus', async () => {
    const { page, frame } = await openTicket((url) => harness.openTicketPage(url), harness.sidebar);
    expect(await press(worker, 'toggle-sidebar', TICKET)).toBe('sidebar');
    await expect.poll(() => frame.locator('.sidebar.collapsed').count()).toBe(1);

    expect(await press(worker, 'focus-search', TICKET)).toBe('sidebar');
    await expect.poll(() => focusedTestId(frame)).toBe('aa-search');
    // The frame has the page's keyboard focus: what the agent types next goes into the search.
    await page.keyboard.type('charged twice');
    await expect.poll(() => frame.locator('[data-testid="aa-suggestion"]').first().getAttribute('data-article-id')).toBe('billing-charged-twice');

    expect(await press(worker, 'toggle-sidebar', TICKET)).toBe('sidebar');
    await expect.poll(() => frame.locator('.sidebar.collapsed').count()).toBe(1);
    expect(await press(worker, 'toggle-sidebar', TICKET)).toBe('sidebar');
    await expect.poll(() => frame.locator('.sidebar.collapsed').count()).toBe(0);
    await page.close();
  });

  it('quick lookup on a page without a sidebar opens the toolbar popup', async () => {
    const url = `http://127.0.0.1:${harness.server.port}/`;
    const page = await harness.openTicketPage(url);
    expect(await page.locator(SIDEBAR_FRAME).count()).toBe(0);
    expect(await press(worker, 'focus-search', url)).toBe('popup');
    // The note has no sidebar to come from: nothing happens, and nothing fails.
    expect(await press(worker, 'copy-note', url)).toBe('none');
    await page.close();
  });

  it('list their assigned keys in the cheat sheet, which keeps and returns the focus', async () => {
    const { page, frame } = await openTicket((url) => harness.openTicketPage(url), harness.sidebar);
    const help = frame.getByRole('button', { name: 'Keyboard shortcuts' });
    await help.focus();
    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.locator('[data-testid="aa-shortcuts-commands"] kbd').allTextContents()).toEqual(COMMANDS.map(({ key }) => key));
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    // Tab cycles inside the dialog: its only control is the Close button.
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await frame.locator(':focus').getAttribute('aria-label')).toBe('Keyboard shortcuts');
    await page.close();
  });
});

/**
 * Copying the note from its command, in a browser where the test granted no clipboard permission: the command
 * is no click inside the frame, so this is what an agent's browser does with it.
 */
describe('the copy-note command without a user gesture', () => {
  let server: DemoServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchExtensionBrowser({ hosts: DEMO_HOST_PATTERNS, serverPort: server.port, headless: true, blockOtherHosts: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts the note on the clipboard from the sidebar frame', async () => {
    const { context } = browser;
    const worker = await extensionWorker(context);
    const { page, frame } = await openTicket(
      async (url) => {
        const opened = await context.newPage();
        await opened.goto(url);
        return opened;
      },
      (opened) => opened.frameLocator(SIDEBAR_FRAME),
    );
    expect(await press(worker, 'copy-note', TICKET)).toBe('sidebar');
    await expect.poll(() => frame.locator('[data-testid="aa-escalation"] [role="status"]').textContent()).toBe('Escalation note copied.');

    // Read back on another origin, the only one granted reading: the sidebar's own origin was granted nothing.
    const readerOrigin = `http://127.0.0.1:${server.port}`;
    await context.grantPermissions(['clipboard-read'], { origin: readerOrigin });
    const reader = await context.newPage();
    await reader.goto(`${readerOrigin}/`);
    const text = await reader.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('Ticket: 35121');
    await page.close();
  });
});
