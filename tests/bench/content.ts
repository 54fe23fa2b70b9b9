import { Window } from 'happy-dom';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ADAPTERS } from '../../src/adapters';
import { queryAll } from '../../src/adapters/dom';
import { ticketKey, ticketRoot } from '../../src/adapters/page';
import { percentile } from '../../src/cli/metrics';
import { padConversation } from '../support/big-conversation';
import { attachDeclaredShadowRoots } from '../support/declarative-shadow';
import { type BurstTimes, timeBursts } from './bursts';

const RUNS = 200;
/** A 5 MB page takes seconds to build in happy-dom, and its plain text read, the baseline, is slow there: fewer runs. */
const BIG_RUNS = 20;

/** The ticket page each helpdesk's unit tests read first: ServiceNow's is the classic form in its frame. */
export function fixtureOf(id: string): string | undefined {
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
 * The content script's main-thread work per mutation burst (the observer's callback only marks the page dirty;
 * the work runs once per animation frame), on each helpdesk's saved ticket page and on the same page with a 5 MB
 * conversation. Timed in happy-dom, which is slower than a browser's DOM, so the figures are an upper bound.
 */
export function contentScriptCost(row: (cells: (string | number)[]) => string, ratio: (ours: number, base: number) => string): void {
  console.log('\n## Content script work per mutation burst (read, compare, publish; happy-dom, an upper bound; vs a plain textContent read)\n');
  console.log(row(['helpdesk', 'page', 'state', 'p50 ms', 'p95 ms', 'textContent p50 ms', 'p50 ratio']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---']));
  const print = (id: string, page: string, times: BurstTimes) => {
    const [p50, base] = [percentile(times.burst, 50), percentile(times.textContent, 50)];
    console.log(row([id, page, times.state, p50, percentile(times.burst, 95), base, ratio(p50, base)]));
  };
  for (const adapter of ADAPTERS) {
    const file = fixtureOf(adapter.id);
    if (!file) continue;
    const name = file.split('/').pop() ?? file;
    const small = openPage(file);
    print(adapter.id, name, timeBursts(adapter, small.document, small.url.href, RUNS));
    void small.window.happyDOM.close();

    const big = openPage(file);
    const key = ticketKey(adapter.page, big.url);
    const root = key === null ? null : ticketRoot(adapter, big.document, key);
    if (!root) throw new Error(`${adapter.id}: ${name} shows no ticket view to pad`);
    padConversation(adapter, root);
    print(adapter.id, `${name} + 5 MB conversation`, timeBursts(adapter, big.document, big.url.href, BIG_RUNS));
    void big.window.happyDOM.close();
  }
}
