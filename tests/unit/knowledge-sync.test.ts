// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHtmlCleaner } from '../../src/knowledge/html';
import { localDom } from '../../src/knowledge/import/dom';
import { type Db, openKnowledgeDb, readCompiled, readSourceArticles, readSources } from '../../src/knowledge/store/db';
import type { Source } from '../../src/knowledge/store/model';
import { rebuild } from '../../src/knowledge/store/rebuild';
import { checkSourceUrl, isDue, originPattern } from '../../src/knowledge/store/source-url';
import { syncSource } from '../../src/knowledge/store/sync';

const URL_ = 'https://kb.example.com/team/articles.jsonl';
const NOW = new Date('2026-12-02T10:00:00Z');
const fresh: Source = { id: `url:${URL_}`, kind: 'url', name: URL_, addedAt: NOW.toISOString(), updatedAt: NOW.toISOString(), count: 0, locales: {}, dues: [], notices: [], noticeCount: 0, sync: { everyHours: 6 } };

let db: Db;
let requests: { url: string; headers: Record<string, string> }[];
let reply: () => Response;

const stored = async () => (await readSources(db)).find((source) => source.id === fresh.id)!;
const sync = async (source: Source, now = NOW) =>
  syncSource(source, {
    fetch: async (url, init) => {
      requests.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) } });
      return reply();
    },
    html: () => localDom(createHtmlCleaner(window)),
    rebuild: (request) => rebuild(request, { db, bundled: async () => [], progress: () => undefined, now }),
    now,
  });
const jsonl = (...titles: string[]) => titles.map((title, i) => JSON.stringify({ id: `a${i}`, title, body: `${title}: do this.` })).join('\n');

beforeEach(async () => {
  db = await openKnowledgeDb();
  requests = [];
});
afterEach(async () => {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('deskmate-knowledge');
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('a knowledge source URL', () => {
  it('is fetched, then asked only whether it changed, and keeps its last good articles when a fetch fails', async () => {
    reply = () => new Response(jsonl('VPN token expired', 'Printer offline'), { headers: { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' } });
    expect(await sync(fresh)).toEqual({ kind: 'updated', count: 2 });
    expect(requests[0]?.headers).toEqual({});
    const first = await stored();
    expect(first).toMatchObject({ count: 2, sync: { everyHours: 6, etag: '"v1"', checkedAt: NOW.toISOString() } });
    expect((await readSourceArticles(db, fresh.id)).map((a) => a.title)).toEqual(['VPN token expired', 'Printer offline']);

    reply = () => new Response(null, { status: 304 });
    expect(await sync(first, new Date('2026-12-02T17:00:00Z'))).toEqual({ kind: 'unchanged' });
    expect(requests[1]?.headers).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Tue, 01 Dec 2026 08:00:00 GMT' });
    expect((await stored()).sync?.checkedAt).toBe('2026-12-02T17:00:00.000Z');

    const index = (await readCompiled(db))?.index;
    reply = () => new Response('unavailable', { status: 503, statusText: 'Service Unavailable' });
    expect(await sync(await stored())).toEqual({ kind: 'failed', error: `${URL_}: HTTP 503 Service Unavailable` });
    expect((await stored()).sync?.error).toMatch(/HTTP 503/);
    expect((await readCompiled(db))?.index).toBe(index);

    reply = () => new Response(`${jsonl('VPN token expired')}\n{"id": "broken", "title": `, { headers: { etag: '"v2"' } });
    const failed = await sync(await stored());
    expect(failed).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^articles\.jsonl:2/) });
    expect((await readSourceArticles(db, fresh.id)).length).toBe(2);
    // The validators of the last good fetch stay, so the next one still asks about the articles it holds.
    expect((await stored()).sync?.etag).toBe('"v1"');

    reply = () => new Response(jsonl('VPN token expired'), { headers: { etag: '"v3"' } });
    expect(await sync(await stored())).toEqual({ kind: 'updated', count: 1 });
    expect((await stored()).sync).toEqual({ everyHours: 6, etag: '"v3"', checkedAt: NOW.toISOString() });
  });

  it('refuses a body larger than a source may be before reading it', async () => {
    reply = () => new Response('x', { headers: { 'content-length': String(300 * 1024 * 1024) } });
    expect(await sync(fresh)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/more than/) });
  });

  it('is due once its interval has passed, and at once when never fetched', () => {
    expect(isDue(fresh, NOW)).toBe(true);
    const checked = { ...fresh, sync: { everyHours: 6, checkedAt: '2026-12-02T05:00:00Z' } };
    expect(isDue(checked, NOW)).toBe(false);
    expect(isDue(checked, new Date('2026-12-02T11:00:00Z'))).toBe(true);
    expect(isDue({ ...fresh, kind: 'file', sync: undefined }, NOW)).toBe(false);
  });

  it('accepts http and https addresses without credentials, and asks for their host', () => {
    expect(checkSourceUrl('ftp://kb.example.com/a.jsonl')).toMatch(/http/);
    expect(checkSourceUrl('https://me:secret@kb.example.com/a.jsonl')).toMatch(/password/);
    expect(checkSourceUrl('kb')).toBe('not a URL');
    expect(String(checkSourceUrl(' https://kb.example.com:8443/a.jsonl '))).toBe('https://kb.example.com:8443/a.jsonl');
    expect(originPattern('https://kb.example.com:8443/a.jsonl')).toBe('https://kb.example.com/*');
  });
});
