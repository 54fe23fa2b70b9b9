import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { ADAPTERS } from '../../src/adapters';
import { percentile } from '../../src/cli/metrics';
import { chromiumPath, QUIET_ARGS } from '../browser/support/chromium';
import { fixtureOf } from './content';
import type { BurstTimes } from './bursts';

/**
 * The content script's cost in a real browser, for `npm run bench`: its main-thread work per mutation burst on
 * each helpdesk's saved ticket page and with a 5 MB conversation, timed in Chromium next to a plain
 * `textContent` read of the same page. The modules run in the page's own world rather than the content script's
 * isolated one: the same DOM and the same engine, without loading the extension.
 */

const RUNS = 200;
const BIG_RUNS = 20;

type Row = (cells: (string | number)[]) => string;
type Ratio = (ours: number, base: number) => string;

interface InPage {
  fillFrames(files: Record<string, string>): void;
  pad(id: string): void;
  timeBursts(id: string, runs: number): BurstTimes;
}

/** tests/bench/in-page.ts and the modules it uses (the content script's own) as one script for a page. */
async function inPageScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(import.meta.dirname, 'in-page.ts'), formats: ['iife'], name: 'deskmateBench' } },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : [])).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the in-page bench script did not build');
  return chunk.code;
}

/**
 * Opens a saved page at the address its first line names. The page is served cross-origin isolated, which gives
 * `performance.now()` microsecond resolution instead of a tenth of a millisecond; nothing else is fetched.
 */
async function openFixture(browser: Browser, file: string, script: string): Promise<Page> {
  const html = readFileSync(file, 'utf8');
  const address = /^<!--\s*(\S+)/.exec(html)?.[1];
  if (!address) throw new Error(`${file}: the first line must name the page URL`);
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === address.replace(/#.*/, '')
      ? route.fulfill({
          contentType: 'text/html; charset=utf-8',
          headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
          body: html,
        })
      : route.abort(),
  );
  await page.goto(address);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error(`${file}: the page is not cross-origin isolated, its clock is too coarse`);
  await page.addScriptTag({ content: script });
  const frames: Record<string, string> = {};
  for (const [, name] of html.matchAll(/data-fixture="([^"]+)"/g)) frames[name!] = readFileSync(join(dirname(file), name!), 'utf8');
  await page.evaluate((files) => (window as unknown as { deskmateBench: InPage }).deskmateBench.fillFrames(files), frames);
  return page;
}

function timeBursts(page: Page, id: string, runs: number): Promise<BurstTimes> {
  return page.evaluate(([helpdesk, count]) => (window as unknown as { deskmateBench: InPage }).deskmateBench.timeBursts(helpdesk, count), [id, runs] as const);
}

export async function chromiumBurstCost(row: Row, ratio: Ratio): Promise<void> {
  const script = await inPageScript();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...QUIET_ARGS] });
  try {
    const version = browser.version();
    console.log(`\n## Content script work per mutation burst in Chromium ${version} (read, compare, publish; vs a plain textContent read of the page)\n`);
    console.log(row(['helpdesk', 'page', 'state', 'p50 ms', 'p95 ms', 'textContent p50 ms', 'p50 ratio']));
    console.log(row(['---', '---', '---', '---', '---', '---', '---']));
    for (const adapter of ADAPTERS) {
      const file = fixtureOf(adapter.id);
      if (!file) continue;
      const name = file.split('/').pop() ?? file;
      const page = await openFixture(browser, file, script);
      try {
        const small = await timeBursts(page, adapter.id, RUNS);
        const [p50, p95, base] = [percentile(small.burst, 50), percentile(small.burst, 95), percentile(small.textContent, 50)];
        console.log(row([adapter.id, name, small.state, p50, p95, base, ratio(p50, base)]));
        await page.evaluate((id) => (window as unknown as { deskmateBench: InPage }).deskmateBench.pad(id), adapter.id);
        const big = await timeBursts(page, adapter.id, BIG_RUNS);
        const [b50, b95, bigBase] = [percentile(big.burst, 50), percentile(big.burst, 95), percentile(big.textContent, 50)];
        console.log(row([adapter.id, `${name} + 5 MB conversation`, big.state, b50, b95, bigBase, ratio(b50, bigBase)]));
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}
