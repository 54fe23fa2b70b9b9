import type { Page, Request, WebSocket } from 'playwright-core';

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
