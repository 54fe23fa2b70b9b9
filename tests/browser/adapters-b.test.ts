import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server';
import { SIDEBAR_FRAME } from './harness';
import { launchExtensionBrowser, PROJECT_ROOT, type ExtensionBrowser } from './support/chromium';
import { isForeignRequest, recordRequest, type RecordedRequest } from './support/requests';

/**
 * HubSpot help desk, Intercom, Help Scout, Front and Gorgias under their real host names: each demo helpdesk is
 * detected with the id agents see, its in-app navigation is followed without the previous ticket's answers, a
 * customer's new message is read, an answer goes into the public reply and never into the internal note, and
 * nothing leaves for another host.
 *
 * hubspot.com and intercom.com are on Chromium's HSTS preload list, so the browser only ever asks them over
 * https: the demo server is reached through a local TLS front with a throwaway self-signed certificate, and
 * every helpdesk here is opened over https.
 */
const HELPDESKS = [
  {
    id: 'hubspot',
    origin: 'https://app.hubspot.com',
    ticketPath: (id: string) => `/help-desk/7723145/view/10440/ticket/${id}`,
    listPath: '/help-desk/7723145/view/10440',
    tickets: { sso: '20451177890', security: '20451177891' },
    replyEditor: '.composer-editor',
    internalMode: (page: Page) => page.locator('button[aria-label="Change channel"]').click(),
  },
  {
    id: 'intercom',
    origin: 'https://app.intercom.com',
    ticketPath: (id: string) => `/a/inbox/qkpzhtwm/inbox/shared/all/conversation/${id}`,
    listPath: '/a/inbox/qkpzhtwm/inbox/shared/all',
    tickets: { sso: '180042976513382', security: '180042976513390' },
    replyEditor: '[data-conversation-reply-composer] .ProseMirror',
    internalMode: (page: Page) => page.locator('[role="tab"][data-composer-mode="note"]').click(),
  },
  {
    id: 'helpscout',
    origin: 'https://secure.helpscout.net',
    ticketPath: (id: string) => `/conversation/${{ 9051: '2871634201', 9052: '2871634202' }[id]}/${id}`,
    listPath: '/mailbox/5501127/',
    tickets: { sso: '9051', security: '9052' },
    replyEditor: '[data-cy="ReplyEditor"] [contenteditable="true"]',
    internalMode: (page: Page) => page.locator('[data-cy="ConversationHeader.Actions"] [data-mode="note"]').click(),
  },
  {
    id: 'front',
    origin: 'https://app.frontapp.com',
    ticketPath: (id: string) => `/inboxes/teams/views/15931074/open/${{ 'CS-2210': '7762260226', 'CS-2211': '7762260227' }[id]}`,
    listPath: '/inboxes/teams/views/15931074',
    tickets: { sso: 'CS-2210', security: 'CS-2211' },
    replyEditor: '[class*="replyComposer__"] [contenteditable="true"]',
    // Front's comment box is its own editor: an answer never goes there, whatever the agent last clicked.
    internalMode: (page: Page) => page.locator('[class*="commentComposer__"] [contenteditable="true"]').click(),
  },
  {
    id: 'gorgias',
    origin: 'https://acme.gorgias.com',
    ticketPath: (id: string) => `/app/ticket/${id}`,
    listPath: '/app/views/1384557',
    tickets: { sso: '118273645', security: '118273646' },
    replyEditor: '.public-DraftEditor-content',
    internalMode: (page: Page) => page.locator('[class*="ChannelSelect__"] button').click(),
  },
] as const;

interface DemoWindow {
  demoHelpdesk: { open(id: string): void; addMessage(id: string, text: string, fromCustomer: boolean): void };
}

const sidebarRoot = (frame: FrameLocator) => frame.locator('[data-testid="aa-sidebar"]');

async function waitForState(frame: FrameLocator, state: string, timeout = 15_000) {
  await expect.poll(() => sidebarRoot(frame).getAttribute('data-state'), { timeout }).toBe(state);
}

async function suggestionIds(frame: FrameLocator): Promise<string[]> {
  return frame.locator('[data-testid="aa-suggestion"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id') ?? ''));
}

const HOST_PATTERNS = ['app.hubspot.com', 'app.intercom.com', 'secure.helpscout.net', 'app.frontapp.com', '*.gorgias.com'];

/** A certificate for the TLS front, made for this run and removed with it. Without openssl the test fails, saying so. */
async function selfSignedCertificate(dir: string): Promise<{ key: Buffer; cert: Buffer }> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=deskmate-demo'], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`openssl could not make the demo's TLS certificate (install openssl): ${String(error)}`);
  }
  return { key: await readFile(key), cert: await readFile(cert) };
}

/** Terminates TLS and hands each request to the demo server unchanged, Host header included. */
async function startTlsFront(demo: DemoServer, tls: { key: Buffer; cert: Buffer }): Promise<Server> {
  const server = createServer(tls, (incoming, outgoing) => {
    const upstream = request({ host: '127.0.0.1', port: demo.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return server;
}

describe('HubSpot, Intercom, Help Scout, Front and Gorgias in Chromium', () => {
  let certDir: string;
  let demo: DemoServer;
  let tlsFront: Server;
  let browser: ExtensionBrowser;
  const requests: RecordedRequest[] = [];
  const pageErrors: string[] = [];

  const openTicketPage = async (url: string) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };
  const sidebar = (page: Page) => page.frameLocator(SIDEBAR_FRAME);

  beforeAll(async () => {
    await mkdir(join(PROJECT_ROOT, '.tmp'), { recursive: true });
    certDir = await mkdtemp(join(PROJECT_ROOT, '.tmp', 'tls-'));
    demo = await startDemoServer();
    tlsFront = await startTlsFront(demo, await selfSignedCertificate(certDir));
    browser = await launchExtensionBrowser({
      hosts: HOST_PATTERNS,
      serverPort: (tlsFront.address() as AddressInfo).port,
      headless: true,
      blockOtherHosts: true,
      extraArgs: ['--ignore-certificate-errors'],
      onRequest: (sent) => requests.push(recordRequest(sent)),
    });
    browser.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  });

  afterAll(async () => {
    await browser?.close();
    tlsFront?.closeAllConnections();
    await new Promise((closed) => (tlsFront ? tlsFront.close(closed) : closed(undefined)));
    await demo?.close();
    if (certDir) await rm(certDir, { recursive: true, force: true });
  });

  describe.each(HELPDESKS)('$id', (helpdesk) => {
    const url = (id: string) => helpdesk.origin + helpdesk.ticketPath(id);

    it('reads the open ticket with the id agents see, and suggests the right answer', async () => {
      const page = await openTicketPage(url(helpdesk.tickets.sso));
      const frame = sidebar(page);
      await waitForState(frame, 'ready');
      const ticket = frame.locator('[data-testid="aa-ticket"]');
      expect(await ticket.getAttribute('data-ticket-id')).toBe(helpdesk.tickets.sso);
      expect(await ticket.getAttribute('data-helpdesk')).toBe(helpdesk.id);
      expect((await suggestionIds(frame)).slice(0, 3)).toContain('sso-saml-invalid-response');
      await page.close();
    });

    it('follows in-app navigation to another ticket without the old answers, and reads new messages', async () => {
      const page = await openTicketPage(url(helpdesk.tickets.sso));
      const frame = sidebar(page);
      await waitForState(frame, 'ready');
      await page.evaluate((id) => (window as unknown as DemoWindow).demoHelpdesk.open(id), helpdesk.tickets.security);
      const ticket = frame.locator('[data-testid="aa-ticket"]');
      await expect.poll(() => ticket.getAttribute('data-ticket-id')).toBe(helpdesk.tickets.security);
      expect(page.url()).toBe(url(helpdesk.tickets.security));
      expect((await suggestionIds(frame))[0]).not.toBe('sso-saml-invalid-response');
      expect(await frame.locator('[data-testid="aa-escalation"]').getAttribute('data-team')).toBe('security');

      await page.evaluate(
        ([id, text]) => (window as unknown as DemoWindow).demoHelpdesk.addMessage(id!, text!, true),
        [helpdesk.tickets.security, 'Also, our card was charged twice for the subscription this month. Please refund the duplicate charge.'],
      );
      await expect.poll(() => suggestionIds(frame)).toContain('billing-charged-twice');

      await page.goBack();
      await expect.poll(() => ticket.getAttribute('data-ticket-id')).toBe(helpdesk.tickets.sso);
      await page.close();
    });

    it('inserts an answer into the public reply and never into the internal note', async () => {
      const page = await openTicketPage(url(helpdesk.tickets.sso));
      const frame = sidebar(page);
      await waitForState(frame, 'ready');
      const editor = page.locator(helpdesk.replyEditor).first();
      await editor.click();
      await page.keyboard.type('Hello Dana,');
      const first = frame.locator('[data-testid="aa-suggestion"]').first();
      await first.locator('[data-testid="aa-insert"]').click();
      await expect.poll(() => editor.innerText()).toMatch(/^Hello Dana,[\s\S]*\S{20}/);

      await helpdesk.internalMode(page);
      const editables = page.locator('[contenteditable="true"]');
      const before = await editables.evaluateAll((nodes) => nodes.map((node) => node.innerHTML));
      const replyLength = (await editor.innerText()).length;
      await frame.locator('[data-testid="aa-suggestion"]').nth(1).locator('[data-testid="aa-insert"]').click();
      if (helpdesk.id === 'front') {
        // The reply draft is its own editor beside the comment box: the answer goes there, never into the comment.
        await expect.poll(async () => (await editor.innerText()).length).toBeGreaterThan(replyLength + 20);
        expect(await page.locator('[class*="commentComposer__"] [contenteditable="true"]').innerHTML()).toBe(before[1]);
      } else {
        await expect.poll(() => frame.getByRole('status').filter({ hasText: 'internal note' }).count()).toBe(1);
        expect(await editables.evaluateAll((nodes) => nodes.map((node) => node.innerHTML))).toEqual(before);
      }
      await page.close();
    });

    it('says so when no ticket is open', async () => {
      const page = await openTicketPage(helpdesk.origin + helpdesk.listPath);
      await waitForState(sidebar(page), 'no-ticket');
      await page.close();
    });
  });

  it('made no request to any other host and raised no error in the helpdesk pages', () => {
    const pageHosts = new Set(HELPDESKS.map((helpdesk) => new URL(helpdesk.origin).hostname));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((sent) => isForeignRequest(sent.url, { extensionId: browser.extensionId, pageHosts }))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
