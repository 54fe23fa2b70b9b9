import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The demo helpdesks. Adding one takes a folder `tests/demo/pages/<id>/` with its `index.html` and one row
 * here: the browser maps `hosts` to this server and the server picks the folder by the Host header.
 */
export const DEMO_HELPDESKS = [
  { id: 'zendesk', hosts: ['*.zendesk.com'], demoUrl: 'http://acme.zendesk.com/agent/tickets/35120' },
  { id: 'freshdesk', hosts: ['*.freshdesk.com'], demoUrl: 'http://acme.freshdesk.com/a/tickets/742' },
] as const;

export type DemoHelpdesk = (typeof DEMO_HELPDESKS)[number];

/** Host patterns (`*.zendesk.com`) the browser must resolve to this server. */
export const DEMO_HOST_PATTERNS: readonly string[] = DEMO_HELPDESKS.flatMap((helpdesk) => helpdesk.hosts);

export const DEFAULT_PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Remembers a `?helpdesk=` choice, so the page's own assets and in-app navigation stay on that helpdesk. */
const OVERRIDE_COOKIE = 'demo-helpdesk';

function matchesHostPattern(hostname: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) : hostname === pattern;
}

export function helpdeskForHost(host: string): DemoHelpdesk | undefined {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  return DEMO_HELPDESKS.find((helpdesk) => helpdesk.hosts.some((pattern) => matchesHostPattern(hostname, pattern)));
}

function helpdeskById(id: string | null | undefined): DemoHelpdesk | undefined {
  return DEMO_HELPDESKS.find((helpdesk) => helpdesk.id === id);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name) return value;
  }
  return undefined;
}

function pickHelpdesk(request: IncomingMessage, url: URL): { helpdesk?: DemoHelpdesk; overridden: boolean } {
  const override = helpdeskById(url.searchParams.get('helpdesk'));
  if (override) return { helpdesk: override, overridden: true };
  const byHost = helpdeskForHost(request.headers.host ?? '');
  if (byHost) return { helpdesk: byHost, overridden: false };
  return { helpdesk: helpdeskById(cookieValue(request.headers.cookie, OVERRIDE_COOKIE)), overridden: false };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file to send for a request path, always inside `root`. Pages refer to their assets relatively, so from
 * `/agent/tickets/35120` a script tag asks for `/agent/tickets/app.js`: an asset is also found by its file name.
 * Any other path without a file extension is an in-app route and gets `index.html`; a missing asset is a 404,
 * so a misspelt script name fails loudly instead of receiving HTML.
 */
export async function resolvePagePath(root: string, pathname: string): Promise<string | undefined> {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.includes('\\') || segment.includes('\0'))) {
    return undefined;
  }
  const direct = resolve(root, ...segments);
  if (direct.startsWith(root + sep) && (await isFile(direct))) return direct;
  const name = segments.at(-1);
  if (name !== undefined) {
    const byName = join(root, name);
    if (await isFile(byName)) return byName;
    if (extname(name) !== '') return undefined;
  }
  return join(root, 'index.html');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

async function handle(pagesDir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed\n');
    return;
  }
  let url: URL;
  let pathname: string;
  try {
    url = new URL(request.url ?? '/', 'http://demo.invalid');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    sendText(response, 400, 'Bad request path\n');
    return;
  }
  const { helpdesk, overridden } = pickHelpdesk(request, url);
  if (!helpdesk) {
    const choices = DEMO_HELPDESKS.map((known) => `${known.hosts.join(', ')} or ?helpdesk=${known.id}`).join('; ');
    sendText(response, 404, `No demo helpdesk for host "${request.headers.host ?? ''}". Use ${choices}.\n`);
    return;
  }
  const file = await resolvePagePath(resolve(pagesDir, helpdesk.id), pathname);
  if (!file || !(await isFile(file))) {
    sendText(response, 404, `Not found in the ${helpdesk.id} demo: ${pathname}\n`);
    return;
  }
  const body = await readFile(file);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    // Demo pages are edited while the demo runs: always serve the current file.
    'cache-control': 'no-store',
    ...(overridden ? { 'set-cookie': `${OVERRIDE_COOKIE}=${helpdesk.id}; Path=/; SameSite=Lax` } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export interface DemoServer {
  port: number;
  close(): Promise<void>;
}

/** Serves the demo helpdesk pages on 127.0.0.1; port 0 (the default) takes any free port. */
export async function startDemoServer(opts: { pagesDir?: string; port?: number } = {}): Promise<DemoServer> {
  const pagesDir = resolve(opts.pagesDir ?? DEFAULT_PAGES_DIR);
  const server = createServer((request, response) => {
    handle(pagesDir, request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendText(response, 500, `${String(error)}\n`);
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ready();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () =>
      (closing ??= new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Chromium keeps idle connections open; without this, close() would wait for them to time out.
        server.closeAllConnections();
      })),
  };
}
