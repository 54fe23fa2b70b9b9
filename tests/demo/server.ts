import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { demoCertificate } from './tls';
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
  { id: 'servicenow', hosts: ['*.service-now.com'], demoUrl: 'http://acme.service-now.com/now/sow/record/incident/9d385017c611228701d22104cc95c371' },
  { id: 'jira', hosts: ['*.atlassian.net'], demoUrl: 'https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-118' },
  { id: 'salesforce', hosts: ['*.lightning.force.com'], demoUrl: 'https://acme.lightning.force.com/lightning/r/Case/5005g00000ABCDEAA4/view' },
  { id: 'hubspot', hosts: ['app.hubspot.com'], demoUrl: 'https://app.hubspot.com/help-desk/7723145/view/10440/ticket/20451177890' },
  { id: 'intercom', hosts: ['app.intercom.com'], demoUrl: 'https://app.intercom.com/a/inbox/qkpzhtwm/inbox/shared/all/conversation/180042976513382' },
  { id: 'helpscout', hosts: ['secure.helpscout.net'], demoUrl: 'http://secure.helpscout.net/conversation/2871634201/9051' },
  { id: 'front', hosts: ['app.frontapp.com'], demoUrl: 'http://app.frontapp.com/inboxes/teams/views/15931074/open/7762260226' },
  { id: 'gorgias', hosts: ['*.gorgias.com'], demoUrl: 'http://acme.gorgias.com/app/ticket/118273645' },
  // Self-hosted: their content script runs only on hosts the build names (EXTRA_HOSTS='*://*.helpdesk.test/*').
  { id: 'zammad', hosts: ['zammad.helpdesk.test'], demoUrl: 'http://zammad.helpdesk.test/#ticket/zoom/88' },
  { id: 'freescout', hosts: ['freescout.helpdesk.test'], demoUrl: 'http://freescout.helpdesk.test/conversation/512?folder_id=3' },
  { id: 'osticket', hosts: ['osticket.helpdesk.test'], demoUrl: 'http://osticket.helpdesk.test/scp/tickets.php?id=19' },
] as const;

export type DemoHelpdesk = (typeof DEMO_HELPDESKS)[number];

/** Host patterns (`*.zendesk.com`) the browser must resolve to this server. */
export const DEMO_HOST_PATTERNS: readonly string[] = DEMO_HELPDESKS.flatMap((helpdesk) => helpdesk.hosts);

export const DEFAULT_PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  // osTicket's agent pages are PHP routes that return HTML.
  '.php': 'text/html; charset=utf-8',
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
    // A missing asset is a 404; app routes such as ServiceNow's /incident.do are pages.
    if (CONTENT_TYPES[extname(name).toLowerCase()] !== undefined) return undefined;
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
  // Validators as a web server sends them, so a knowledge source URL (tests/demo/pages/zendesk/kb/) is asked
  // only whether it changed.
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, 'cache-control': 'no-store' });
    response.end();
    return;
  }
  response.writeHead(200, {
    etag,
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    // Demo pages are edited while the demo runs: always serve the current file.
    'cache-control': 'no-store',
    ...(overridden ? { 'set-cookie': `${OVERRIDE_COOKIE}=${helpdesk.id}; Path=/; SameSite=Lax` } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ready((server.address() as AddressInfo).port);
    });
  });
}

export interface DemoServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the demo helpdesk pages on 127.0.0.1, over http and https on the same port (the first byte of a
 * connection tells a TLS handshake from a plain request), since Chromium maps a host name to one port whatever
 * the scheme. Port 0 (the default) takes any free port.
 */
export async function startDemoServer(opts: { pagesDir?: string; port?: number } = {}): Promise<DemoServer> {
  const pagesDir = resolve(opts.pagesDir ?? DEFAULT_PAGES_DIR);
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    handle(pagesDir, request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendText(response, 500, `${String(error)}\n`);
    });
  };
  const plain = createServer(serve);
  const secure = createTlsServer(demoCertificate(), serve);
  const [plainPort, securePort] = await Promise.all([listen(plain, 0), listen(secure, 0)]);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  // The first byte of a TLS connection is a handshake record (0x16); anything else is plain http.
  const server = createTcpServer((socket) => {
    track(socket);
    socket.once('data', (first) => {
      const backend = connect(first[0] === 0x16 ? securePort : plainPort, '127.0.0.1');
      track(backend);
      backend.write(first);
      socket.pipe(backend).pipe(socket);
      const end = () => {
        socket.destroy();
        backend.destroy();
      };
      socket.once('error', end);
      backend.once('error', end);
    });
  });
  const port = await listen(server, opts.port ?? 0);
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () =>
      (closing ??= new Promise<void>((done, fail) => {
        // Chromium keeps idle connections open; without this, close() would wait for them to time out.
        for (const socket of sockets) socket.destroy();
        plain.close();
        secure.close();
        server.close((error) => (error ? fail(error) : done()));
      })),
  };
}
