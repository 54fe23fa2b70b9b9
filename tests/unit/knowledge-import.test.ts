import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/kb';
import { importKnowledge } from '../../src/knowledge/load';
import { rejection } from '../support/knowledge-error';

/**
 * Each importer through the CLI, as a team would run it on its export: the articles must be found by their
 * own words, what the import cleaned must be gone, and a malformed file must name the place at fault.
 */

const FIXTURES = 'tests/fixtures/import';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

async function search(kb: string, text: string, ...options: string[]): Promise<{ id: string; title: string }[]> {
  const { io, out, err } = capture();
  const code = await main(['search', '--kb', kb, ...options, '--json', text], io);
  if (code !== 0) throw new Error(err.join('\n'));
  return JSON.parse(out.at(-1) ?? '[]') as { id: string; title: string }[];
}

async function failure(kb: string, ...options: string[]): Promise<string> {
  const { io, err } = capture();
  expect(await main(['search', '--kb', kb, ...options, 'anything'], io)).toBe(1);
  return err.join('\n');
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kb-import-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true });
});

describe('Zendesk Help Center export', () => {
  const kb = `${FIXTURES}/zendesk/help-center.json`;

  it('finds articles of both concatenated pages by their own words', async () => {
    expect((await search(kb, 'phone lost, sign in with a recovery code'))[0]?.id).toBe('360001102');
    expect((await search(kb, 'authenticator codes rejected clock drifts'))[0]?.id).toBe('360001101');
    expect((await search(kb, 'download invoices PDF'))[0]?.id).toBe('360001105');
    expect((await search(kb, 'استرداد المبلغ بعد إلغاء الاشتراك'))[0]?.id).toBe('360001104');
    expect((await search(kb, 'שינוי כתובת דוא"ל'))[0]?.id).toBe('360001106');
  });

  it('keeps structure and links, and drops scripts, handlers, frames, forms, styles, pixels and drafts', async () => {
    const { articles, notices } = await importKnowledge(kb);
    expect(articles.map((a) => a.id)).toEqual(['360001101', '360001102', '360001104', '360001105', '360001106']);
    const html = articles.map((a) => a.html).join('\n');
    for (const unsafe of ['<script', 'onclick', 'onerror', 'onload', '<iframe', '<form', '<input', 'style=', 'javascript:', 'pixel.tracker', '<img']) {
      expect(html).not.toContain(unsafe);
    }
    const codes = articles[0];
    expect(codes).toMatchObject({ title: 'Two-factor codes are rejected', locale: 'en', tags: ['2fa', 'authenticator', 'login'], url: expect.stringContaining('/hc/en-us/articles/360001101') });
    expect(codes?.html).toContain('<h2>Why codes fail</h2>');
    expect(codes?.body).toContain('## Why codes fail');
    expect(codes?.body).toMatch(/^1\. Open Settings on the phone\.\n2\. Turn on automatic date and time\.$/m);
    expect(codes?.body).toContain('[a recovery code](https://acme.zendesk.com/hc/en-us/articles/360001102-Recovery-codes)');
    expect(codes?.body).not.toMatch(/document\.cookie|evil/);
    expect(articles[1]?.html).toContain('<a href="https://cdn.acme.example/help/recovery-screen.png">[Recovery code screen]</a>');
    expect(articles[3]?.body).toContain('Starter | 12 months');
    const said = notices.map((n) => `${n.id}: ${n.kind}: ${n.message}`);
    expect(said).toEqual(
      expect.arrayContaining([
        '360001101: fixed: removed 1 script, 1 event handler(s), 1 unsafe link(s), 1 iframe, 1 tracking pixel(s)',
        '360001102: fixed: 1 remote image(s) turned into links',
        '360001103: skipped: draft in Zendesk (not published): not imported',
        '360001104: flagged: marked outdated in Zendesk: its source article changed since this translation',
        '360001104: fixed: body: removed 1 invisible character(s) (zero-width or bidi control)',
      ]),
    );
  });

  it('reads a folder of pages as one knowledge base', async () => {
    const pages = (await readFile(kb, 'utf8')).split(/\n(?=\{)/);
    const dir = join(tmp, 'zendesk-pages');
    await mkdir(dir);
    await Promise.all(pages.map((page, i) => writeFile(join(dir, `page-${i + 1}.json`), page)));
    const { articles } = await importKnowledge(dir);
    expect(articles).toHaveLength(5);
    expect((await search(dir, 'invoices kept seven years'))[0]?.id).toBe('360001105');
  });

  it('names the line of a malformed page', async () => {
    expect(await failure(`${FIXTURES}/zendesk/broken.json`)).toMatch(/broken\.json:13: not valid JSON: Bad control character in string literal \(column \d+\)/);
  });
});

describe('Freshdesk solution articles export', () => {
  it('finds articles of a folder listing and of a category export by their own words', async () => {
    const kb = `${FIXTURES}/freshdesk`;
    expect((await search(kb, 'parcel says delivered but it never arrived'))[0]?.id).toBe('5000123401');
    expect((await search(kb, 'change delivery address after dispatch'))[0]?.id).toBe('5000123402');
    expect((await search(kb, 'prepaid return label post office'))[0]?.id).toBe('5000123410');
  });

  it('reads the HTML description, the tags and the language, and skips drafts', async () => {
    const { articles, notices } = await importKnowledge(`${FIXTURES}/freshdesk/solution-articles.json`);
    expect(articles.map((a) => a.id)).toEqual(['5000123401', '5000123402']);
    expect(articles[0]).toMatchObject({ locale: 'en', tags: ['shipping', 'courier claim'] });
    expect(articles[0]?.html).not.toMatch(/onmouseover|<img|style=/);
    expect(articles[1]?.body).toBe('### Before dispatch\n\nEdit the address on the order page until the parcel leaves the warehouse.\n\n### After dispatch\n\nAsk the courier to redirect it; fees may apply.');
    expect(notices.map((n) => `${n.id}: ${n.message}`)).toEqual(
      expect.arrayContaining([
        '5000123401: removed 1 event handler(s), 1 style attribute(s), 1 tracking pixel(s)',
        '5000123402: no language given: "en" guessed from the text',
        '5000123403: draft in Freshdesk (status 1, not published): not imported',
      ]),
    );
  });
});

describe('CSV', () => {
  const map = 'title=Question,body=Answer,tags=Labels,locale=Language,verify_every=Verify every';

  it('reads a semicolon CSV with a byte-order mark, CRLF and quoted fields through a column mapping', async () => {
    const kb = `${FIXTURES}/csv/faq-semicolon.csv`;
    expect((await search(kb, 'card payment declined', '--map', map))[0]?.id).toBe('why-was-my-card-payment-declined-and-what-now');
    const { articles, notices } = await importKnowledge(kb, { map: { title: 'Question', body: 'Answer', tags: 'Labels', locale: 'Language', verify_every: 'Verify every' } });
    expect(articles.map((a) => a.title)).toEqual(['Why was my card payment declined; and what now?', 'Refund to an expired card', 'What does "pending" mean on a transfer?', 'كيف أغير رمز PIN للبطاقة؟']);
    expect(articles[0]).toMatchObject({ tags: ['payments', 'cards'], locale: 'en', owner: 'payments-team', verified: '2026-09-01', verifyEvery: '90d' });
    expect(articles[0]?.body).toContain("expiry date, the billing postcode and the daily limit.\nIf all three are right");
    expect(articles[2]?.tags).toEqual(['transfers', 'status']);
    expect(articles[3]?.id).toBe('كيف-أغير-رمز-pin-للبطاقة');
    expect(notices).toEqual([expect.objectContaining({ kind: 'fixed', message: 'no id column: ids made from the titles' })]);
  });

  it('reads the default columns of a comma CSV', async () => {
    expect((await search(`${FIXTURES}/csv/articles.csv`, 'stuck printer queue spooler'))[0]?.id).toBe('printer-queue');
  });

  it('says which column is missing, and names the line of an unclosed quote', async () => {
    expect(await failure(`${FIXTURES}/csv/faq-semicolon.csv`)).toMatch(/faq-semicolon\.csv:1: no "title" column \(columns: Question, Answer, .*\): map one with --map title=<column>/);
    expect(await failure(`${FIXTURES}/csv/broken.csv`)).toMatch(/broken\.csv:3: a quoted field is not closed/);
    const { io, err } = capture();
    expect(await main(['search', '--kb', `${FIXTURES}/csv/articles.csv`, '--map', 'heading=Question', 'x'], io)).toBe(2);
    expect(err[0]).toMatch(/--map: "heading" is not an article field/);
  });
});

/** A zip of a folder, as Confluence's space export is made. */
async function zipFolder(dir: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[`IT/${relative(dir, path)}`] = new Uint8Array(await readFile(path));
    }
  };
  await walk(dir);
  return zipSync(files);
}

describe('Confluence HTML export', () => {
  it('reads the pages of a space zip by their own words, without the overview, attachments or scripts', async () => {
    const zip = join(tmp, 'IT-space.zip');
    await writeFile(zip, await zipFolder(`${FIXTURES}/confluence/space`));
    expect((await search(zip, 'enrol the fingerprint reader on the laptop'))[0]).toEqual({ id: '65542', title: 'Laptop setup', score: expect.any(Number) });
    expect((await search(zip, 'badge photo at reception'))[0]?.id).toBe('65541');
    expect((await search(zip, 'המדפסת בקומה השלישית'))[0]?.id).toBe('65543');
    const { articles, notices } = await importKnowledge(zip);
    expect(articles.map((a) => [a.id, a.title, a.locale])).toEqual([
      ['65543', 'הגדרת מדפסת משרדית', 'he'],
      ['65542', 'Laptop setup', 'en'],
      ['65541', 'Onboarding checklist', 'en'],
    ]);
    const onboarding = articles[2];
    expect(onboarding?.body).not.toMatch(/trackView|Attachments:|Document generated|Created by/);
    expect(onboarding?.body).toContain('[Laptop setup](Laptop-setup_65542.html)');
    expect(onboarding?.html).not.toContain('<script');
    expect(notices.find((n) => n.id === '65542')?.message).toBe('1 embedded image(s) removed');
  });

  it('says when a zip cannot be read', async () => {
    const zip = join(tmp, 'broken.zip');
    await writeFile(zip, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await failure(zip)).toMatch(/broken\.zip: not a readable zip archive/);
  });
});

describe('a dirty Arabic and Hebrew set', () => {
  const kb = `${FIXTURES}/dirty`;

  it('repairs mojibake, escapes and invisible characters, so the articles are found by their own words', async () => {
    expect((await search(kb, 'تفعيل البطاقة الجديدة'))[0]?.id).toBe('ar-card-activation');
    expect((await search(kb, 'الحد اليومي للتحويل'))[0]?.id).toBe('ar-transfer-limit');
    expect((await search(kb, 'איפוס סיסמה'))[0]?.id).toBe('he-password-reset');
    expect((await search(kb, 'עדכון מספר טלפון'))[0]?.id).toBe('he-double');
    expect((await search(kb, 'תוכנת VPN מהפורטל'))[0]?.id).toBe('he-vpn');
    const { articles, notices } = await importKnowledge(kb);
    const byId = new Map(articles.map((a) => [a.id, a]));
    expect(byId.get('ar-card-activation')?.title).toBe('تفعيل البطاقة الجديدة');
    expect(byId.get('he-double')?.title).toBe('עדכון מספר טלפון');
    expect(byId.get('ar-transfer-limit')?.body).toBe('الحد اليومي للتحويل هو خمسة آلاف دينار. يمكن رفعه من إعدادات الحساب.');
    expect(byId.get('he-vpn')?.title).toBe('חיבור ל-VPN מהבית');
    const said = notices.map((n) => `${n.id}: ${n.kind}: ${n.message}`);
    // The garbled forms hold C1 control characters (bytes 0x81, 0x9D) that Latin-1 kept: matched by their ends.
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ar-card-activation: fixed: title: repaired garbled encoding \(UTF-8 read as Latin-1 or Windows-1252\): "Øª.*" → "تفعيل"$/),
        'ar-transfer-limit: fixed: body: decoded 2 literal escape sequence(s) such as "\\u200b"',
        'ar-transfer-limit: fixed: body: removed 3 invisible character(s) (zero-width or bidi control)',
        'he-double: fixed: title: repaired garbled encoding (UTF-8 read as Latin-1 or Windows-1252): "Ã—Â¢Ã—â€œÃ—â€ºÃ—â€¢Ã—Å¸" → "עדכון"',
        'he-statement: flagged: body: replacement character U+FFFD: text lost to a wrong decoding, fix it in the source',
      ]),
    );
  });
});

describe('JSON articles', () => {
  it('reads an array or {"articles": [...]}, with the place of an article at fault in one-line JSON', async () => {
    const dir = join(tmp, 'json');
    await mkdir(dir);
    await writeFile(join(dir, 'list.json'), JSON.stringify([{ id: 'a', title: 'Alpha topic', body: 'First body', locale: 'en' }]));
    await writeFile(join(dir, 'wrapped.json'), JSON.stringify({ articles: [{ id: 'b', title: 'Beta topic', body: '<p>Second <b>body</b></p>' }] }));
    const { articles } = await importKnowledge(dir);
    expect(articles.map((a) => [a.id, a.body, a.html])).toEqual([
      ['a', 'First body', '<p>First body</p>'],
      ['b', 'Second body', '<p>Second <b>body</b></p>'],
    ]);
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ articles: [{ id: 'c', title: 'Gamma', body: 'x' }, { title: 'No id', body: 'y' }] }));
    expect((await rejection(importKnowledge(join(dir, 'bad.json')))).detail).toBe('missing id (article 2)');
    await writeFile(join(dir, 'bad.json'), '[\n  {"id": "c", "title": "Gamma", "body": \'x\'}\n]');
    expect((await rejection(importKnowledge(join(dir, 'bad.json')))).message).toBe(`${relative(process.cwd(), join(dir, 'bad.json'))}:2: not valid JSON: Unexpected token ''' (column 41)`);
  });
});
