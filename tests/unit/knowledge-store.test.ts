// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors';
import { createHtmlCleaner } from '../../src/knowledge/html';
import { localDom } from '../../src/knowledge/import/dom';
import { type Db, openKnowledgeDb, readCompiled, readSourceArticles, readSources } from '../../src/knowledge/store/db';
import { importFiles, type InputFile } from '../../src/knowledge/store/import';
import { articleLines, BUNDLED, mergeSources, parseArticleLines, staleCount, summarise } from '../../src/knowledge/store/model';
import { rebuild, type RebuildRequest } from '../../src/knowledge/store/rebuild';
import type { Article } from '../../src/model/article';
import { loadIndex, searchText } from '../../src/search/engine';

const article = (id: string, title: string, extra: Partial<Article> = {}): Article => ({ id, title, body: `${title} body`, tags: [], ...extra });
const bundled = [article('refunds', 'Refund policy'), article('sso', 'Single sign-on fails')];
const fixture = (path: string): InputFile => ({ name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(`tests/fixtures/${path}`)) });
const html = () => localDom(createHtmlCleaner(window));

let db: Db;
const progress: string[] = [];
const change = (request: RebuildRequest) => rebuild(request, { db, bundled: async () => bundled, progress: (phase) => progress.push(phase) });
const importAs = (name: string, files: InputFile[]) => importFiles(files, { kind: 'file', name, html, now: new Date('2026-12-01T00:00:00Z') });

/** The knowledge base the sidebar would load now: merged articles with their stored index. */
async function loaded() {
  const compiled = await readCompiled(db);
  if (!compiled) return loadIndex('', bundled);
  const lists = await Promise.all(compiled.order.map((id) => (id === BUNDLED ? bundled : readSourceArticles(db, id))));
  return loadIndex(compiled.index, mergeSources(lists));
}
const found = async (query: string) => searchText(await loaded(), query, { limit: 3 }).map((s) => s.id);

beforeEach(async () => {
  db = await openKnowledgeDb();
  progress.length = 0;
});
afterEach(async () => {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('deskmate-knowledge');
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('merging sources', () => {
  it('keeps the first place of an id and the last source’s article for it', () => {
    const mine = article('refunds', 'Our refund rules');
    expect(mergeSources([bundled, [mine, article('vpn', 'VPN')]]).map((a) => [a.id, a.title])).toEqual([
      ['refunds', 'Our refund rules'],
      ['sso', 'Single sign-on fails'],
      ['vpn', 'VPN'],
    ]);
  });

  it('counts locales and articles past their verification', () => {
    const summary = summarise([
      article('a', 'A', { locale: 'ar', verified: '2025-01-01' }),
      article('b', 'B', { locale: 'ar', verified: '2026-11-01', verifyEvery: '90d' }),
      article('c', 'C', { verifyEvery: '30d' }),
      article('d', 'D', { locale: 'he' }),
    ]);
    expect(summary.locales).toEqual({ ar: 2, unknown: 1, he: 1 });
    expect(staleCount(summary, '2026-12-02')).toBe(2);
    expect(staleCount(summary, '2027-03-01')).toBe(3);
  });
});

describe('stored articles', () => {
  it('are a JSON object a line, read back a thousand a turn, line breaks in the text kept', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => article(`a${i}`, `Title ${i}`, { body: `Line one\nLine two ${i}`, html: '<p>x</p>\n<p>y</p>' }));
    const text = articleLines(many);
    expect(text.split('\n')).toHaveLength(2_500);
    let turns = 0;
    expect(await parseArticleLines(text, async () => void turns++)).toEqual(many);
    expect(turns).toBe(2);
  });

  it('name the line that is not an article', async () => {
    const text = `${articleLines([article('a', 'A')])}\n{"id": "b"}`;
    await expect(parseArticleLines(text)).rejects.toThrow(/stored article 2 is not an article/);
  });
});

describe('the device’s knowledge base', () => {
  it('imports a Zendesk export, finds its articles by their own words, with the bundled ones', async () => {
    const { source, articles } = await importAs('help-center.json', [fixture('import/zendesk/help-center.json')]);
    expect(source.id).toBe('file:help-center.json');
    await change({ type: 'put', source, articles });
    expect(progress).toContain('indexing');
    const title = articles[0]!.title;
    expect(await found(title)).toContain(articles[0]!.id);
    expect(await found('refund policy')).toContain('refunds');
    expect((await readSources(db)).map((s) => s.count)).toEqual([articles.length]);
  });

  it('cleans dirty Arabic and Hebrew and says what it fixed', async () => {
    const { source, articles } = await importAs('articles.jsonl', [fixture('import/dirty/articles.jsonl')]);
    expect(articles.every((a) => !/[\u200b-\u200f]|\\u200b|Ø/.test(a.title + a.body))).toBe(true);
    expect(source.notices.some((n) => n.kind === 'fixed')).toBe(true);
    await change({ type: 'put', source, articles });
    const arabic = articles.find((a) => a.locale === 'ar')!;
    expect(await found(arabic.title)).toContain(arabic.id);
  });

  it('names the place of a malformed file and leaves the knowledge base as it was', async () => {
    const first = await importAs('help-center.json', [fixture('import/zendesk/help-center.json')]);
    await change({ type: 'put', source: first.source, articles: first.articles });
    const before = await readCompiled(db);
    const failure = await importAs('broken.json', [fixture('import/zendesk/broken.json')]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KnowledgeError);
    expect((failure as KnowledgeError).message).toMatch(/^broken\.json:\d+/);
    expect(await readCompiled(db)).toEqual(before);
    expect((await readSources(db)).map((s) => s.id)).toEqual(['file:help-center.json']);
  });

  it('brings back the bundled article a removed source replaced, and falls back to the bundled index', async () => {
    const mine = await importAs('mine.jsonl', [{ name: 'mine.jsonl', bytes: '{"id":"refunds","title":"Our own refund rules","body":"Ask the finance desk."}\n' }]);
    await change({ type: 'put', source: mine.source, articles: mine.articles });
    expect((await loaded()).articles.find((a) => a.id === 'refunds')?.title).toBe('Our own refund rules');
    await change({ type: 'remove', id: mine.source.id });
    expect(await readCompiled(db)).toBeNull();
    expect(await readSources(db)).toEqual([]);
  });

  it('can leave the bundled answers out, and take them back', async () => {
    const mine = await importAs('mine.jsonl', [{ name: 'mine.jsonl', bytes: '{"id":"vpn","title":"VPN drops every hour","body":"Renew the certificate."}\n' }]);
    await change({ type: 'put', source: mine.source, articles: mine.articles });
    await change({ type: 'bundled', enabled: false });
    expect((await readCompiled(db))?.order).toEqual([mine.source.id]);
    expect(await found('refund policy')).not.toContain('refunds');
    await change({ type: 'bundled', enabled: true });
    expect(await found('refund policy')).toContain('refunds');
  });

  it('changes only a source’s description when no articles come with it', async () => {
    const mine = await importAs('mine.jsonl', [{ name: 'mine.jsonl', bytes: '{"id":"vpn","title":"VPN drops","body":"Renew."}\n' }]);
    await change({ type: 'put', source: mine.source, articles: mine.articles });
    const before = await readCompiled(db);
    expect(await change({ type: 'put', source: { ...mine.source, sync: { everyHours: 6, error: 'HTTP 500' } } })).toBeUndefined();
    expect(await readCompiled(db)).toEqual(before);
    expect((await readSources(db))[0]?.sync?.error).toBe('HTTP 500');
  });

  it('says a file with no articles has none', async () => {
    await expect(importAs('empty.csv', [{ name: 'empty.csv', bytes: 'title,body\n' }])).rejects.toThrow(/no articles/);
  });

  it('drops stored records that no longer validate', async () => {
    await db.put('sources', { id: 'file:old', kind: 'ftp' } as never);
    expect(await readSources(db)).toEqual([]);
    await db.put('compiled', { id: 'current', order: 'x' } as never);
    expect(await readCompiled(db)).toBeNull();
  });
});
