import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo/server';
import { launchWithExtension, SIDEBAR_FRAME, type Harness } from './harness';
import { PROJECT_ROOT } from './support/chromium';

describe('the built extension in Chromium', () => {
  let harness: Harness | undefined;

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('loads and starts its service worker', () => {
    const { context, extensionId } = harness!;
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const workers = context.serviceWorkers().map((worker) => worker.url());
    expect(workers.some((url) => url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
  });

  it('shows the sidebar on a Zendesk ticket and talks to no other host', async () => {
    const { openTicketPage, sidebar, foreignRequests } = harness!;
    const page = await openTicketPage('http://acme.zendesk.com/agent/tickets/35120');
    await page.locator('#deskmate-sidebar-host').waitFor({ state: 'attached' });
    await page.locator(SIDEBAR_FRAME).waitFor({ state: 'visible' });
    const root = sidebar(page).locator('[data-testid="aa-sidebar"]');
    await root.waitFor({ state: 'visible' });
    // Once the sidebar has left `loading` it has read the page and loaded its index: their requests are in.
    await expect.poll(() => root.getAttribute('data-state'), { timeout: 20_000 }).not.toBe('loading');
    expect(foreignRequests()).toEqual([]);
  });
});

describe('the demo server', () => {
  let pagesDir: string;
  let server: DemoServer;

  function get(host: string, path: string): Promise<{ status: number; type: string; body: string }> {
    return new Promise((done, fail) => {
      const sent = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', body }));
      });
      sent.on('error', fail);
      sent.end();
    });
  }

  beforeAll(async () => {
    await mkdir(join(PROJECT_ROOT, '.tmp'), { recursive: true });
    pagesDir = await mkdtemp(join(PROJECT_ROOT, '.tmp', 'pages-'));
    for (const helpdesk of ['zendesk', 'freshdesk']) {
      await mkdir(join(pagesDir, helpdesk));
      await writeFile(join(pagesDir, helpdesk, 'index.html'), `<title>${helpdesk}</title>`);
      await writeFile(join(pagesDir, helpdesk, 'app.js'), `// ${helpdesk}`);
    }
    await writeFile(join(pagesDir, 'secret.txt'), 'outside the helpdesk folders');
    server = await startDemoServer({ pagesDir });
  });

  afterAll(async () => {
    await server?.close();
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('answers app routes with the helpdesk picked by the Host header', async () => {
    expect(await get('acme.zendesk.com', '/agent/tickets/35120')).toMatchObject({ status: 200, body: '<title>zendesk</title>' });
    expect(await get('acme.freshdesk.com', '/a/tickets/742')).toMatchObject({ status: 200, body: '<title>freshdesk</title>' });
  });

  it('serves assets by file name from any route, with their content type', async () => {
    const asset = await get('acme.zendesk.com', '/agent/tickets/app.js');
    expect(asset).toMatchObject({ status: 200, body: '// zendesk' });
    expect(asset.type).toMatch(/^text\/javascript/);
    expect((await get('acme.zendesk.com', '/agent/tickets/missing.js')).status).toBe(404);
  });

  it('takes ?helpdesk= on any host, and answers 404 for unknown hosts', async () => {
    expect(await get(`127.0.0.1:${server.port}`, '/?helpdesk=freshdesk')).toMatchObject({ body: '<title>freshdesk</title>' });
    expect((await get('example.com', '/')).status).toBe(404);
  });

  it('never serves files outside the helpdesk folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/a/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await get('acme.zendesk.com', path);
      expect(response.body, path).not.toContain('outside');
    }
  });
});
