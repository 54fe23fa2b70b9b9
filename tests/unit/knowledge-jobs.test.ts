// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as buildBundle } from '../../src/cli/build';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHtmlCleaner } from '../../src/knowledge/html';
import { type ImportDom, localDom } from '../../src/knowledge/import/dom';
import { openKnowledgeDb, readCompiled, readSourceArticles, readSources } from '../../src/knowledge/store/db';
import { answerDom, remoteDom } from '../../src/knowledge/store/dom-bridge';
import { runJob } from '../../src/knowledge/store/jobs';
import { BUNDLED, mergeSources } from '../../src/knowledge/store/model';
import type { DomAsk, JobResult, Progress, WorkerEvent, WorkerRequest } from '../../src/knowledge/store/protocol';
import type { Article } from '../../src/model/article';
import { loadIndex, searchText } from '../../src/search/engine';

/**
 * The knowledge worker's jobs with the page's DOM across the bridge the worker uses (dom-bridge.ts): every
 * DOM question goes out as a message and comes back as one, here within one thread.
 */

const bundled: Article[] = [{ id: 'refunds', title: 'Refund policy', body: 'Refunds within 30 days.', tags: [] }];
const fixture = (path: string) => ({ name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)) });

let asked: DomAsk[];
let progress: Progress[];

function job(request: WorkerRequest, page: () => ImportDom = () => localDom(createHtmlCleaner(window))): Promise<JobResult> {
  const bridge = remoteDom((event: WorkerEvent) => {
    if (event.type !== 'dom') return;
    asked.push(event);
    // As structured cloning would, the answer reaches the worker as a fresh message in a later task.
    void answerDom(event, page).then((answer) => setTimeout(() => bridge.answer(structuredClone(answer))));
  });
  return runJob(request, {
    openDb: openKnowledgeDb,
    bundled: async () => bundled,
    dom: () => bridge.dom,
    fetch: () => Promise.reject(new Error('no network in this test')),
    progress: (step) => progress.push(step),
    now: () => new Date('2026-12-03T00:00:00Z'),
  });
}

async function found(query: string): Promise<string[]> {
  const db = await openKnowledgeDb();
  try {
    const compiled = (await readCompiled(db))!;
    const lists = await Promise.all(compiled.order.map((id) => (id === BUNDLED ? bundled : readSourceArticles(db, id))));
    return searchText(loadIndex(compiled.index, mergeSources(lists)), query, { limit: 3 }).map((s) => s.id);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  // jsdom has no Web Locks; one job runs at a time here.
  Object.defineProperty(navigator, 'locks', { value: { request: (_name: string, work: () => Promise<unknown>) => work() }, configurable: true });
});

beforeEach(() => {
  asked = [];
  progress = [];
});

afterEach(async () => {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('deskmate-knowledge');
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('the knowledge worker’s jobs', () => {
  it('imports a Help Center export, asking the page only to sanitise its HTML, and indexes it', async () => {
    const result = await job({ type: 'import', kind: 'file', name: 'help-center.json', files: [fixture('import/zendesk/help-center.json')] });
    if (result.kind !== 'imported') throw new Error(result.kind);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((ask) => ask.op === 'clean' && ask.htmls.length <= 20)).toBe(true);
    expect(progress.map((p) => p.step)).toEqual(expect.arrayContaining(['reading', 'rebuild']));
    const db = await openKnowledgeDb();
    const [article] = await readSourceArticles(db, result.source.id);
    db.close();
    expect(article?.html).not.toMatch(/<script|onerror/i);
    expect(await found(article!.title)).toContain(article!.id);
  });

  it('reads a Confluence space through the page’s DOM, page by page', async () => {
    const dir = 'tests/fixtures/import/confluence/space';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(`${dir}/${name}`).isFile())
      .map((name) => ({ name: `space/${name}`, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
    const result = await job({ type: 'import', kind: 'file', name: 'space', files });
    expect(result.kind === 'imported' && result.count).toBeGreaterThan(1);
    expect(asked.some((ask) => ask.op === 'page')).toBe(true);
  });

  it('keeps a source’s place when it is imported again, and names the line of a broken file', async () => {
    const first = await job({ type: 'import', kind: 'file', name: 'mine.jsonl', files: [{ name: 'mine.jsonl', bytes: new TextEncoder().encode('{"id":"vpn","title":"VPN drops every hour","body":"Renew the certificate."}\n') }] });
    const again = await job({ type: 'import', kind: 'file', name: 'mine.jsonl', files: [{ name: 'mine.jsonl', bytes: new TextEncoder().encode('{"id":"vpn","title":"VPN drops every hour","body":"Renew the client certificate."}\n') }] });
    if (first.kind !== 'imported' || again.kind !== 'imported') throw new Error('not imported');
    const db = await openKnowledgeDb();
    expect((await readSources(db)).map((s) => s.addedAt)).toEqual([first.source.addedAt]);
    const before = await readCompiled(db);
    db.close();
    await expect(job({ type: 'import', kind: 'file', name: 'mine.jsonl', files: [{ name: 'mine.jsonl', bytes: new TextEncoder().encode('{"id":"a","title":"A","body":"b"}\n{"id": \n') }] })).rejects.toThrow(
      /^mine\.jsonl:2/,
    );
    const after = await openKnowledgeDb();
    expect(await readCompiled(after)).toEqual(before);
    after.close();
  });

  it('uses a knowledge bundle’s own index when it is the whole knowledge base, and indexes it with the rest otherwise', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deskmate-bundle-')), 'team.json');
    const said: string[] = [];
    expect(await buildBundle(['--kb', 'tests/fixtures/import/zendesk/help-center.json', '--out', out], { out: (line) => said.push(line), err: (line) => said.push(line) })).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { format: string; index: string; articles: Article[] };
    expect(bundle.format).toBe('deskmate-knowledge');

    await job({ type: 'bundled', enabled: false });
    const imported = await job({ type: 'import', kind: 'file', name: 'team.json', files: [{ name: 'team.json', bytes: new Uint8Array(readFileSync(out)) }] });
    expect(imported.kind === 'imported' && imported.count).toBe(bundle.articles.length);
    const db = await openKnowledgeDb();
    expect((await readCompiled(db))?.index).toBe(bundle.index);
    db.close();
    expect(await found(bundle.articles[0]!.title)).toContain(bundle.articles[0]!.id);

    await job({ type: 'bundled', enabled: true });
    const merged = await openKnowledgeDb();
    expect((await readCompiled(merged))?.index).not.toBe(bundle.index);
    merged.close();
    expect(await found('refund policy')).toContain('refunds');
  });

  it('fails with what went wrong on the page, and changes nothing', async () => {
    const broken = (): ImportDom => ({
      clean: () => Promise.reject(new Error('DOMPurify cannot sanitise HTML safely here')),
      page: () => Promise.reject(new Error('no DOM')),
    });
    await expect(job({ type: 'import', kind: 'file', name: 'help-center.json', files: [fixture('import/zendesk/help-center.json')] }, broken)).rejects.toThrow(/cannot sanitise/);
    const db = await openKnowledgeDb();
    expect(await readSources(db)).toEqual([]);
    db.close();
  });
});
