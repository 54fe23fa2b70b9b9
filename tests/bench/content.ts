import { Window } from 'happy-dom';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADAPTERS } from '../../src/adapters';
import { readPage } from '../../src/adapters/read';
import { attachDeclaredShadowRoots } from '../support/declarative-shadow';

const RUNS = 200;

function fixtureOf(id: string): string | undefined {
  return ['ticket.html', 'case.html', 'console.html'].map((name) => join('tests/fixtures', id, name)).find((file) => existsSync(file));
}

/**
 * What the content script does on the page's main thread per mutation burst: one read of the open ticket
 * (the observer's callback only marks the page dirty). Timed on each helpdesk's saved ticket page in
 * happy-dom, which is slower than a browser's DOM, so the figures are an upper bound.
 */
export function contentScriptCost(row: (cells: (string | number)[]) => string): void {
  console.log('\n## Content script work per mutation burst (one ticket read, happy-dom, upper bound)\n');
  console.log(row(['helpdesk', 'fixture', 'state', 'p50 ms', 'p95 ms']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const adapter of ADAPTERS) {
    const file = fixtureOf(adapter.id);
    if (!file) continue;
    const html = readFileSync(file, 'utf8');
    const address = /^<!--\s*(\S+)/.exec(html)?.[1] ?? 'https://example.com/';
    const window = new Window({ url: address });
    window.document.write(html);
    const document = window.document as unknown as Document;
    attachDeclaredShadowRoots(document);
    const url = new URL(address);
    const state = readPage(adapter, document, url).state;
    for (let i = 0; i < 20; i++) readPage(adapter, document, url);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      readPage(adapter, document, url);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
    console.log(row([adapter.id, file.split('/').slice(-1)[0] ?? file, state, at(50), at(95)]));
    void window.happyDOM.close();
  }
}
