import { appendFile, readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Request, WebSocket } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The service worker's or the frame's URL, when Playwright knows who asked. */
  initiator?: string;
}

function initiatorOf(request: Request): string | undefined {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    // A navigation can start before its frame exists; Playwright then has no frame to name.
    return undefined;
  }
}

export function recordRequest(request: Request): RecordedRequest {
  return {
    url: request.url(),
    method: request.method(),
    resourceType: request.resourceType(),
    initiator: initiatorOf(request),
  };
}

export function recordWebSocket(socket: WebSocket, page: Page): RecordedRequest {
  return { url: socket.url(), method: 'GET', resourceType: 'websocket', initiator: page.url() };
}

/** Schemes that never reach the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Ticket text must stay in the browser: a request is foreign unless it goes to the extension itself or to the
 * host of a helpdesk page the test opened.
 */
/** A dynamic resource URL's host: a GUID, where an extension id is 32 letters a-p. */
const DYNAMIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isForeignRequest(url: string, allowed: { extensionId: string; pageHosts: ReadonlySet<string> }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  // The extension's own pages: by its id, or by the per-session id of a resource declared with
  // use_dynamic_url. Chromium is started with this extension alone (--disable-extensions-except).
  if (parsed.protocol === 'chrome-extension:') return parsed.host !== allowed.extensionId && !DYNAMIC_ID.test(parsed.host);
  if (['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return !allowed.pageHosts.has(parsed.hostname);
  return true;
}

/** Where a request went, for the closing count of a test run (tests/support/summary-reporter.ts). */
export type Destination = 'helpdesk' | 'extension' | 'local' | 'elsewhere';

/**
 * `served`: the host patterns (`*.zendesk.com`, `zammad.helpdesk.test`) the browser sends to the local helpdesk
 * server; loopback addresses are local helpdesks too (Request Tracker runs on one).
 */
export function destinationOf(url: string, served: readonly string[]): Destination {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'elsewhere';
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return 'local';
  if (parsed.protocol === 'chrome-extension:') return 'extension';
  const host = parsed.hostname;
  const isServed = served.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
  return isServed || host === '127.0.0.1' || host === 'localhost' ? 'helpdesk' : 'elsewhere';
}

/** One browser session's requests, as added to the run's log: counts by destination, and the URLs that went elsewhere. */
export interface SessionRequests {
  requests: number;
  helpdesk: number;
  extension: number;
  local: number;
  elsewhere: string[];
}

/** The environment variable naming the log the run's reporter reads; unset outside a test run. */
export const REQUEST_LOG_ENV = 'DESKMATE_REQUEST_LOG';

/**
 * Counts every request of a browser session by destination; `save()` adds the counts to the run's log, when the
 * run keeps one, so that the run can close with the number of requests its browsers made and where they went.
 */
export function tallyRequests(context: BrowserContext, served: readonly string[]): { save(): Promise<void> } {
  const tally: SessionRequests = { requests: 0, helpdesk: 0, extension: 0, local: 0, elsewhere: [] };
  context.on('request', (request) => {
    tally.requests += 1;
    const destination = destinationOf(request.url(), served);
    if (destination === 'elsewhere') tally.elsewhere.push(request.url().slice(0, 200));
    else tally[destination] += 1;
  });
  return {
    async save() {
      const log = process.env[REQUEST_LOG_ENV];
      if (log) await appendFile(log, `${JSON.stringify(tally)}\n`);
    },
  };
}

/**
 * The run's request log in one line, `Browser requests: N in K browser sessions: ...`, or null when no browser
 * ran. Every URL that went elsewhere is named: a passing run has none but the tripwire's own check.
 */
export async function summariseRequestLog(log: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(log, 'utf8');
  } catch {
    return null;
  }
  const sessions = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SessionRequests);
  if (sessions.length === 0) return null;
  const sum = (key: 'requests' | 'helpdesk' | 'extension' | 'local') => sessions.reduce((total, session) => total + session[key], 0);
  const elsewhere = sessions.flatMap((session) => session.elsewhere);
  return (
    `Browser requests: ${sum('requests')} in ${sessions.length} browser session${sessions.length === 1 ? '' : 's'}: ${sum('helpdesk')} to the helpdesk pages' own hosts, ` +
    `${sum('extension')} within the extension, ${sum('local')} data:/blob:/about:, ${elsewhere.length} elsewhere` +
    (elsewhere.length > 0 ? ` (${elsewhere.join(', ')})` : '')
  );
}

