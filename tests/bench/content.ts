import { Window } from 'happy-dom';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADAPTERS } from '../../src/adapters';
import { queryAll } from '../../src/adapters/dom';
import { ticketKey, ticketRoot } from '../../src/adapters/page';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { StatePublisher } from '../../src/content/publish';
import { padConversation } from '../support/big-conversation';
import { attachDeclaredShadowRoots } from '../support/declarative-shadow';

const RUNS = 200;
/** A 5 MB page takes seconds to build in happy-dom and each read walks 1,000 messages: fewer runs. */
const BIG_RUNS = 20;

/** The ticket page each helpdesk's unit tests read first: ServiceNow's is the classic form in its frame. */
function fixtureOf(id: string): string | undefined {
  return ['ticket.html', 'classic.html', 'console.html'].map((name) => join('tests/fixtures', id, name)).find((file) => existsSync(file));
}

interface Page {
  window: Window;
  document: Document;
  url: URL;
}

/**
 * The saved page at the URL named in its first line. Its `<iframe data-fixture="file">` frames (ServiceNow's
 * `gsft_main`) get that file as their same-origin document, as the unit tests' pages do.
 */
function openPage(file: string): Page {
  const html = readFileSync(file, 'utf8');
  const address = /^<!--\s*(\S+)/.exec(html)?.[1] ?? 'https://example.com/';
  // Frames get a document only when attached while frame loading is on (shadow roots attach theirs here too);
  // no fixture frame names a page to fetch.
  const window = new Window({ url: address, settings: { enableIframePageLoading: true } });
  window.document.write(html);
  const document = window.document as unknown as Document;
  attachDeclaredShadowRoots(document);
  window.happyDOM.settings.enableIframePageLoading = false;
  for (const frame of queryAll(document, '>>> iframe[data-fixture]')) {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    const name = frame.getAttribute('data-fixture');
    if (!inner || !name) continue;
    const parsed = new window.DOMParser().parseFromString(readFileSync(join(dirname(file), name), 'utf8'), 'text/html');
    inner.documentElement.innerHTML = parsed.documentElement.innerHTML;
    attachDeclaredShadowRoots(inner);
  }
  return { window, document, url: new URL(address) };
}

/**
 * One burst as src/content/main.ts handles it once the helpdesk is known: a mutation lands (untimed), then the
 * timed work of the animation frame: the address parsed, the open ticket read, and the state compared with the
 * one last sent (sent only when it changed; here it never does, as for most bursts). Returns p50 and p95 in ms.
 */
function timeBursts(adapter: Adapter, page: Page, runs: number): { state: string; p50: number; p95: number } {
  const { document } = page;
  const href = page.url.href;
  const publisher = new StatePublisher(() => undefined);
  const burst = () => publisher.publish(readPage(adapter, document, new URL(href)));
  burst();
  const state = publisher.current.state;
  for (let i = 0; i < Math.min(20, runs); i++) burst();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    document.body.setAttribute('data-burst', String(i));
    const start = performance.now();
    burst();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
  return { state, p50: at(50), p95: at(95) };
}

/**
 * The content script's main-thread work per mutation burst (the observer's callback only marks the page dirty;
 * the work runs once per animation frame), on each helpdesk's saved ticket page and on the same page with a 5 MB
 * conversation. Timed in happy-dom, which is slower than a browser's DOM, so the figures are an upper bound.
 */
export function contentScriptCost(row: (cells: (string | number)[]) => string): void {
  console.log('\n## Content script work per mutation burst (read, compare, publish; happy-dom, an upper bound)\n');
  console.log(row(['helpdesk', 'page', 'state', 'p50 ms', 'p95 ms']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const adapter of ADAPTERS) {
    const file = fixtureOf(adapter.id);
    if (!file) continue;
    const name = file.split('/').pop() ?? file;
    const small = openPage(file);
    const fixture = timeBursts(adapter, small, RUNS);
    console.log(row([adapter.id, name, fixture.state, fixture.p50, fixture.p95]));
    void small.window.happyDOM.close();

    const big = openPage(file);
    const key = ticketKey(adapter.page, big.url);
    const root = key === null ? null : ticketRoot(adapter, big.document, key);
    if (!root) throw new Error(`${adapter.id}: ${name} shows no ticket view to pad`);
    padConversation(adapter, root);
    const padded = timeBursts(adapter, big, BIG_RUNS);
    console.log(row([adapter.id, `${name} + 5 MB conversation`, padded.state, padded.p50, padded.p95]));
    void big.window.happyDOM.close();
  }
}
