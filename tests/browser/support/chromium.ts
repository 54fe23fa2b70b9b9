import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { tallyRequests } from './requests';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build` writes the Chrome build; `OUTPUT_DIR` moves it, as it does for the build. */
export const DEFAULT_EXTENSION_DIR = join(PROJECT_ROOT, process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Git-ignored; every browser run gets its own folder here, removed when it closes. */
const TEMP_ROOT = join(PROJECT_ROOT, '.tmp');
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

/** Debian's Chromium, or `CHROMIUM_PATH`. Never downloads a browser: a missing one is an error, not a skip. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  return path;
}

export function builtExtensionDir(dir: string = DEFAULT_EXTENSION_DIR): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json is missing): run npm run build first.`);
  }
  return dir;
}

/**
 * Chromium's `--host-resolver-rules`: the given host patterns go to the local server. With `blockOtherHosts`,
 * every other name fails to resolve, so nothing can leave the machine even when a request slips past the
 * recorder, and a stray request fails at once instead of waiting on a closed network.
 */
export function hostResolverRules(patterns: readonly string[], port: number, blockOtherHosts: boolean): string {
  const rules = patterns.map((pattern) => `MAP ${pattern} 127.0.0.1:${port}`);
  if (blockOtherHosts) rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost');
  return rules.join(', ');
}

/** Flags for a headless Chromium on these machines, with or without the extension. */
export const QUIET_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps dialling Google services, which a closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumArgs(extensionDir: string, resolverRules: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...QUIET_ARGS,
    `--host-resolver-rules=${resolverRules}`,
    // The demo server's certificate is a throwaway one (tests/demo/tls.ts).
    '--ignore-certificate-errors',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Closes the browser and removes its profile. Safe to call more than once. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Host patterns to send to the local server on `serverPort`. */
  hosts: readonly string[];
  serverPort: number;
  headless: boolean;
  blockOtherHosts: boolean;
  viewport?: { width: number; height: number } | null;
  extraArgs?: readonly string[];
  /** Subscribed as soon as the browser is up, before waiting for the service worker. */
  onRequest?: (request: Request) => void;
}

async function findExtensionId(context: BrowserContext): Promise<string> {
  const isExtensionWorker = (url: string) => url.startsWith('chrome-extension://');
  const running = context.serviceWorkers().find((worker) => isExtensionWorker(worker.url()));
  const worker =
    running ??
    (await context
      .waitForEvent('serviceworker', {
        predicate: (candidate) => isExtensionWorker(candidate.url()),
        timeout: SERVICE_WORKER_TIMEOUT_MS,
      })
      .catch(() => {
        throw new Error(
          `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s: ` +
            'is the build complete? Run npm run build.',
        );
      }));
  return new URL(worker.url()).host;
}

/** Launches Chromium with the built extension in a fresh temporary profile. */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  const extensionDir = builtExtensionDir(options.extensionDir);
  await mkdir(TEMP_ROOT, { recursive: true });
  const runDir = await mkdtemp(join(TEMP_ROOT, 'chromium-'));
  const tmpDir = join(runDir, 'tmp');
  await mkdir(tmpDir);
  const removeRunDir = () => rm(runDir, { recursive: true, force: true, maxRetries: 3 });

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(runDir, 'profile'), {
      executablePath,
      headless: options.headless,
      viewport: options.viewport,
      args: [
        ...chromiumArgs(extensionDir, hostResolverRules(options.hosts, options.serverPort, options.blockOtherHosts)),
        ...(options.extraArgs ?? []),
      ],
      // Chromium's own scratch files go with the profile instead of piling up in /tmp.
      env: { ...process.env, TMPDIR: tmpDir },
      // The demo closes the browser itself on Ctrl-C, so that the profile goes too; in tests Playwright's exit
      // hook still ends the browser.
      handleSIGINT: false,
    });
  } catch (error) {
    await removeRunDir();
    throw error;
  }

  if (options.onRequest) context.on('request', options.onRequest);
  const tally = tallyRequests(context, options.hosts);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= context.close().finally(() => Promise.all([removeRunDir(), tally.save()])).then(() => undefined));
  try {
    return { context, extensionId: await findExtensionId(context), close };
  } catch (error) {
    await close();
    throw error;
  }
}
