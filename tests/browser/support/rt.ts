import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension, run, TEMP_ROOT } from './build';

/**
 * A real Request Tracker 5 from Debian's packages (`request-tracker5 rt5-db-sqlite`, installed by .ci/run),
 * served by its own `rt-server` on a loopback port with a throwaway SQLite database. Nothing of the system's
 * RT configuration is used: the site config, the database, Mason's cache and the sessions all live in one
 * temporary folder that `stop()` removes.
 */

const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const RT_SETUP_DATABASE = '/usr/sbin/rt-setup-database-5';
const START_TIMEOUT_MS = 90_000;
const LOG_TAIL = 4_000;

export const RT_ROOT = { user: 'root', password: 'password' } as const;

export interface NewTicket {
  subject: string;
  /** `Name <address>` or an address; RT creates the user. */
  requestor: string;
  /** A number (RT's default queue maps 0–100 to Low, Medium, High). */
  priority: number;
  content: string;
}

export interface RequestTracker {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  port: number;
  ticketUrl(id: string): string;
  /** Creates a ticket through REST 2 as root and returns its id. */
  createTicket(ticket: NewTicket): Promise<string>;
  /** Adds correspondence (a public reply) to a ticket through REST 2. */
  correspond(id: string, content: string): Promise<void>;
  /** Adds an internal comment to a ticket through REST 2. */
  comment(id: string, content: string): Promise<void>;
  /** Signs in through RT's own login form. */
  logIn(page: Page): Promise<void>;
  stop(): Promise<void>;
}

function missingInstallation(): string | null {
  for (const path of [RT_SERVER, RT_SETUP_DATABASE]) {
    if (!existsSync(path)) {
      return (
        `Request Tracker 5 is not installed (${path} is missing). Install it with: ` +
        'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends request-tracker5 rt5-db-sqlite (.ci/run does).'
      );
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function perlString(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** RT's site config: everything RT writes goes under `dir`, mail goes to a temporary file, logs to stderr. */
export function siteConfig(dir: string, port: number): string {
  const origin = `http://127.0.0.1:${port}`;
  return [
    `Set($rtname, 'rt.example.test');`,
    `Set($Organization, 'example.test');`,
    `Set($DatabaseType, 'SQLite');`,
    `Set($DatabaseName, ${perlString(join(dir, 'rt.db'))});`,
    `Set($WebDomain, '127.0.0.1');`,
    `Set($WebPort, ${port});`,
    `Set($WebPath, '');`,
    `Set($WebBaseURL, ${perlString(origin)});`,
    `Set($CorrespondAddress, 'support@rt.example.test');`,
    `Set($CommentAddress, 'comment@rt.example.test');`,
    // Scrips send autoreplies: keep them off the network.
    `Set($MailCommand, 'testfile');`,
    `Set($LogToSyslog, undef);`,
    `Set($LogToFile, undef);`,
    `Set($LogToSTDERR, 'error');`,
    `Set($Timezone, 'UTC');`,
    // Debian's paths belong to www-data and are shared by every instance on the machine.
    `$RT::MasonDataDir = ${perlString(join(dir, 'mason'))};`,
    `$RT::MasonSessionDir = ${perlString(join(dir, 'sessions'))};`,
    '1;',
    '',
  ].join('\n');
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      // rt-server forks its workers into the group it leads: ending the group ends them too.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

async function waitUntilServing(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`rt-server exited (${child.signalCode ?? `exit ${child.exitCode}`}) before serving:\n${log()}`);
    }
    try {
      const response = await fetch(`${origin}/NoAuth/Login.html`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`rt-server did not answer on ${origin} within ${START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

async function rest(origin: string, method: string, path: string, body: unknown): Promise<unknown> {
  const auth = Buffer.from(`${RT_ROOT.user}:${RT_ROOT.password}`).toString('base64');
  const response = await fetch(`${origin}/REST/2.0/${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`RT REST 2 ${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/**
 * Builds the extension with `EXTRA_HOSTS` (the self-hosted content script on those hosts, as a team deploying it
 * would) into a new folder under .tmp, and returns the Chrome build's folder. `remove()` deletes it.
 */
export function buildWithExtraHosts(extraHosts: string): Promise<{ dir: string; remove(): Promise<void> }> {
  return buildExtension({ EXTRA_HOSTS: extraHosts });
}

/**
 * Initialises a fresh database with RT's own `rt-setup-database` and starts `rt-server` on a free loopback
 * port. Throws with the reason (never skips) when RT is missing or does not come up.
 */
export async function startRequestTracker(): Promise<RequestTracker> {
  const missing = missingInstallation();
  if (missing) throw new Error(missing);

  await mkdir(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(join(TEMP_ROOT, 'rt-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configFile = join(dir, 'RT_SiteConfig.pm');
  const configDir = join(dir, 'RT_SiteConfig.d');
  await mkdir(configDir);
  await mkdir(join(dir, 'sessions'));
  await writeFile(configFile, siteConfig(dir, port));
  await writeFile(join(dir, 'root-password'), `${RT_ROOT.password}\n`);
  // RT_SITE_CONFIG_DIR replaces /etc/request-tracker5/RT_SiteConfig.d, whose database settings are the system's.
  const env = { ...process.env, RT_SITE_CONFIG: configFile, RT_SITE_CONFIG_DIR: configDir };

  let server: ChildProcess | undefined;
  const cleanUp = async () => {
    if (server) await stopServer(server);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await run(RT_SETUP_DATABASE, ['--action', 'init', '--root-password-file', join(dir, 'root-password')], env);
    const started = spawn(RT_SERVER, ['--port', String(port), '--host', '127.0.0.1', '--max-workers', '2'], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = started;
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-LOG_TAIL);
    };
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    await waitUntilServing(origin, started, () => log);
  } catch (error) {
    await cleanUp();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    origin,
    port,
    ticketUrl: (id) => `${origin}/Ticket/Display.html?id=${encodeURIComponent(id)}`,
    async createTicket(ticket) {
      const created = (await rest(origin, 'POST', 'ticket', {
        Queue: 'General',
        Subject: ticket.subject,
        Requestor: ticket.requestor,
        Priority: ticket.priority,
        Content: ticket.content,
        ContentType: 'text/plain',
      })) as { id?: unknown };
      if (typeof created?.id !== 'string' && typeof created?.id !== 'number') {
        throw new Error(`RT REST 2 created a ticket without an id: ${JSON.stringify(created)}`);
      }
      return String(created.id);
    },
    async correspond(id, content) {
      await rest(origin, 'POST', `ticket/${encodeURIComponent(id)}/correspond`, { Content: content, ContentType: 'text/plain' });
    },
    async comment(id, content) {
      await rest(origin, 'POST', `ticket/${encodeURIComponent(id)}/comment`, { Content: content, ContentType: 'text/plain' });
    },
    async logIn(page) {
      await page.goto(`${origin}/`);
      await page.locator('form#login input[name="user"]').fill(RT_ROOT.user);
      await page.locator('form#login input[name="pass"]').fill(RT_ROOT.password);
      await page.locator('form#login [type="submit"]').click();
      await page
        .locator('form#login')
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => {
          throw new Error('RT did not accept the root login');
        });
    },
    stop: () => (stopping ??= cleanUp()),
  };
}
