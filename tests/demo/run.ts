import { mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SIDEBAR_FRAME } from '../browser/harness';
import { launchExtensionBrowser, PROJECT_ROOT, type ExtensionBrowser } from '../browser/support/chromium';
import { DEMO_HELPDESKS, DEMO_HOST_PATTERNS, startDemoServer, type DemoHelpdesk, type DemoServer } from './server';

const SCREENSHOT_DIR = join(PROJECT_ROOT, '.output', 'demo');
const VIEWPORT = { width: 1400, height: 900 };
const READY_TIMEOUT_MS = 30_000;

function demoPort(): number {
  const raw = process.env.DEMO_PORT ?? '5199';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`DEMO_PORT must be a port number, not "${raw}".`);
  }
  return port;
}

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Opens every demo helpdesk in its own tab and returns once the user has closed the browser. */
async function runHeaded(context: BrowserContext, port: number): Promise<void> {
  const tabs: Page[] = [];
  for (const helpdesk of DEMO_HELPDESKS) {
    // The first tab reuses the blank one Chromium opens with.
    const tab = (tabs.length === 0 ? context.pages()[0] : undefined) ?? (await context.newPage());
    await tab.goto(helpdesk.demoUrl);
    tabs.push(tab);
  }
  await tabs[0]?.bringToFront();
  console.log(`Deskmate demo, served from http://127.0.0.1:${port}:`);
  for (const helpdesk of DEMO_HELPDESKS) console.log(`  ${helpdesk.id}: ${helpdesk.demoUrl}`);
  console.log('Close the browser (or press Ctrl-C) to stop.');
  await new Promise<void>((closed) => context.once('close', () => closed()));
}

async function describeSidebar(page: Page): Promise<string> {
  if ((await page.locator(SIDEBAR_FRAME).count()) === 0) {
    return 'no sidebar frame in the page: does the content script run on this host?';
  }
  const root = page.frameLocator(SIDEBAR_FRAME).locator('[data-testid="aa-sidebar"]');
  const state = await root.getAttribute('data-state', { timeout: 1_000 }).catch(() => null);
  if (state === null) return 'the sidebar frame shows no [data-testid="aa-sidebar"]';
  return state === 'ready' ? 'data-state="ready" but no suggestions' : `data-state="${state}"`;
}

/** Screenshots each demo ticket with the sidebar ready; false when a sidebar never got there. */
async function runHeadless(context: BrowserContext): Promise<boolean> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  let allReady = true;
  for (const helpdesk of DEMO_HELPDESKS) {
    const page = await context.newPage();
    await page.goto(helpdesk.demoUrl);
    const ready = await waitForSuggestions(page);
    const readyFile = join(SCREENSHOT_DIR, `${helpdesk.id}.png`);
    const notReadyFile = join(SCREENSHOT_DIR, `${helpdesk.id}-not-ready.png`);
    const file = ready ? readyFile : notReadyFile;
    // A screenshot left from an earlier run must not pass for this run's result.
    await rm(ready ? notReadyFile : readyFile, { force: true });
    if (!ready) {
      allReady = false;
      console.error(notReadyMessage(helpdesk, await describeSidebar(page)));
    }
    await page.screenshot({ path: file });
    console.log(`${ready ? 'Screenshot' : 'Screenshot of the page as it was'}: ${relative(process.cwd(), file)}`);
    await page.close();
  }
  return allReady;
}

async function waitForSuggestions(page: Page): Promise<boolean> {
  const sidebar = page.frameLocator(SIDEBAR_FRAME);
  try {
    await sidebar.locator('[data-testid="aa-sidebar"][data-state="ready"]').waitFor({ timeout: READY_TIMEOUT_MS });
    await sidebar.locator('[data-testid="aa-suggestion"]').first().waitFor({ timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

function notReadyMessage(helpdesk: DemoHelpdesk, why: string): string {
  return `The Deskmate sidebar did not get ready with suggestions on ${helpdesk.demoUrl} (${why}).`;
}

async function main(): Promise<number> {
  const port = demoPort();
  const headed = hasDisplay();
  let server: DemoServer | undefined;
  let browser: ExtensionBrowser | undefined;
  const shutDown = async () => {
    await browser?.close();
    await server?.close();
  };
  process.once('SIGINT', () => {
    shutDown().finally(() => process.exit(130));
  });
  try {
    server = await startDemoServer({ port });
    browser = await launchExtensionBrowser({
      hosts: DEMO_HOST_PATTERNS,
      serverPort: server.port,
      headless: !headed,
      blockOtherHosts: false,
      // A headed window takes its size from the window, not from an emulated viewport.
      viewport: headed ? null : VIEWPORT,
      extraArgs: headed ? [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`] : [],
    });
    if (headed) {
      await runHeaded(browser.context, server.port);
      return 0;
    }
    return (await runHeadless(browser.context)) ? 0 : 1;
  } finally {
    await shutDown();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
