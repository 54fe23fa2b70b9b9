import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/usage/csv';
import { gapWords } from '../../src/usage/gap-words';
import { applyDeltas, emptyUsage, isoWeek, parseUsage, type Usage, type UsageDelta, USAGE_BOUNDS, weekStart } from '../../src/usage/model';
import { byArticle, byWeek, gapRows, gapsCsv, usageCsv, usedCount } from '../../src/usage/report';

const article = (articleId: string, event: 'shown' | 'opened' | 'inserted' | 'copied' | 'linked' | 'up' | 'down', delta: 1 | -1 = 1): UsageDelta => ({
  kind: 'article',
  articleId,
  event,
  delta,
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2027-01-01', '2026-W53'], // a Friday: the last week of the year before
    ['2024-12-30', '2025-W01'], // a Monday in the first week of the next year
    ['2026-11-22', '2026-W47'], // a Sunday: the end of its week
    ['2026-11-23', '2026-W48'], // the Monday after
  ])('%s is in %s', (day, week) => {
    const [y, m, d] = day.split('-').map(Number);
    expect(isoWeek(new Date(y!, m! - 1, d!, 23, 30))).toBe(week);
  });

  it('starts each week on its Monday', () => {
    for (const week of ['2026-W01', '2026-W47', '2026-W53', '2025-W01']) {
      const start = weekStart(week);
      expect(start.getDay()).toBe(1);
      expect(isoWeek(start)).toBe(week);
      expect(isoWeek(new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6))).toBe(week);
    }
  });
});

describe('counting', () => {
  it('adds counts by answer and week, and never below zero', () => {
    let usage = applyDeltas(emptyUsage(), [article('sso', 'shown'), article('sso', 'shown'), article('sso', 'inserted'), article('sso', 'up')], '2026-W47');
    usage = applyDeltas(usage, [article('sso', 'up', -1), article('sso', 'up', -1), article('refund', 'copied')], '2026-W47');
    usage = applyDeltas(usage, [article('sso', 'opened')], '2026-W48');
    expect(usage.weeks['2026-W47']!.articles.sso).toEqual({ shown: 2, opened: 0, inserted: 1, copied: 0, linked: 0, up: 0, down: 0 });
    expect(usage.weeks['2026-W47']!.articles.refund!.copied).toBe(1);
    expect(usage.weeks['2026-W48']!.articles.sso!.opened).toBe(1);
  });

  it('counts the same gap once per week and source, however often it is seen', () => {
    const gap = (words: string, source: 'ticket' | 'search'): UsageDelta => ({ kind: 'gap', words, source });
    const usage = applyDeltas(emptyUsage(), [gap('vpn drops', 'search'), gap('vpn drops', 'search'), gap('vpn drops', 'ticket'), gap('', 'search')], '2026-W47');
    expect(usage.weeks['2026-W47']!.gaps).toEqual([
      { words: 'vpn drops', source: 'search', count: 2 },
      { words: 'vpn drops', source: 'ticket', count: 1 },
    ]);
  });

  it('stays within its bounds: the oldest weeks, least used answers and least seen gaps go first', () => {
    let usage = emptyUsage();
    for (let week = 1; week <= USAGE_BOUNDS.weeks + 4; week += 1) {
      usage = applyDeltas(usage, [article('sso', 'shown')], `2026-W${String(week).padStart(2, '0')}`);
    }
    expect(Object.keys(usage.weeks)).toHaveLength(USAGE_BOUNDS.weeks);
    expect(usage.weeks['2026-W01']).toBeUndefined();
    expect(usage.weeks['2026-W30']).toBeDefined();

    const many: UsageDelta[] = [article('favourite', 'inserted'), article('favourite', 'inserted')];
    for (let i = 0; i < USAGE_BOUNDS.articlesPerWeek + 10; i += 1) many.push(article(`a${i}`, 'shown'));
    for (let i = 0; i < USAGE_BOUNDS.gapsPerWeek + 10; i += 1) many.push({ kind: 'gap', words: `gap ${i}`, source: 'search' });
    many.push({ kind: 'gap', words: 'gap', source: 'search' });
    many.push({ kind: 'gap', words: 'gap', source: 'search' });
    const full = applyDeltas(emptyUsage(), many, '2026-W47').weeks['2026-W47']!;
    expect(Object.keys(full.articles)).toHaveLength(USAGE_BOUNDS.articlesPerWeek);
    expect(full.articles.favourite!.inserted).toBe(2);
    expect(full.gaps).toHaveLength(USAGE_BOUNDS.gapsPerWeek);
    expect(full.gaps[0]).toEqual({ words: 'gap', source: 'search', count: 2 });
  });

  it('reads a stored copy only when it is valid, and as empty otherwise', () => {
    const valid = applyDeltas(emptyUsage(), [article('sso', 'shown'), { kind: 'gap', words: 'vpn', source: 'ticket' }], '2026-W47');
    expect(parseUsage(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
    for (const broken of [
      undefined,
      'usage',
      { version: 2, weeks: {} },
      { version: 1, weeks: { 'last week': { articles: {}, gaps: [] } } },
      { version: 1, weeks: { '2026-W47': { articles: { sso: { shown: -1, opened: 0, inserted: 0, copied: 0, linked: 0, up: 0, down: 0 } }, gaps: [] } } },
      { version: 1, weeks: { '2026-W47': { articles: { 'bad id!': { shown: 1, opened: 0, inserted: 0, copied: 0, linked: 0, up: 0, down: 0 } }, gaps: [] } } },
      { version: 1, weeks: { '2026-W47': { articles: {}, gaps: [{ words: 'x'.repeat(500), source: 'search', count: 1 }] } } },
    ]) {
      expect(parseUsage(broken)).toEqual(emptyUsage());
    }
  });
});

describe('content gap words', () => {
  it('keeps what was asked, without addresses, numbers or names', () => {
    expect(gapWords('Refund for order #48213 – dana.levi@example.com, call +1 555 0100', ['Dana Levi'])).toBe('refund for order call');
    expect(gapWords('Dana cannot sign in after 3 tries, card 4111 1111 1111 1111', ['Dana Levi', 'Sam Carter'])).toBe('cannot sign in after tries card');
    expect(gapWords('Re: password=hunter2 reset fails', [])).toBe('re password reset fails');
  });

  it('works in Arabic and Hebrew, with their own digits', () => {
    expect(gapWords('استرداد المبلغ للطلب ٤٨٢١٣', [])).toBe('استرداد المبلغ للطلب');
    expect(gapWords('החזר כספי להזמנה 48213 של נועה', ['נועה כהן'])).toBe('החזר כספי להזמנה של');
  });

  it('is short', () => {
    const words = gapWords(Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}long`).join(' '));
    expect(words.split(' ').length).toBeLessThanOrEqual(12);
    expect(gapWords('x'.repeat(200))).toBe('');
  });
});

describe('CSV', () => {
  it('quotes cells as RFC 4180 asks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(42)).toBe('42');
  });

  it('keeps formulas from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes a UTF-8 file with CRLF line ends', () => {
    expect(toCsv([['a', 'b'], ['ש', 1]])).toBe('\uFEFFa,b\r\nש,1\r\n');
  });
});

describe('reports', () => {
  const usage: Usage = applyDeltas(
    applyDeltas(
      emptyUsage(),
      [article('sso', 'shown'), article('sso', 'inserted'), article('refund', 'shown'), article('refund', 'shown'), { kind: 'gap', words: 'vpn drops', source: 'ticket' }],
      '2026-W46',
    ),
    [article('refund', 'copied'), article('refund', 'linked'), article('refund', 'down'), { kind: 'gap', words: '=cmd', source: 'search' }],
    '2026-W47',
  );

  it('by answer: the most used first, over all weeks or one', () => {
    expect(byArticle(usage).map((row) => [row.articleId, usedCount(row.counts), row.counts.shown])).toEqual([
      ['refund', 2, 2],
      ['sso', 1, 1],
    ]);
    expect(byArticle(usage, '2026-W46').map((row) => row.articleId)).toEqual(['sso', 'refund']);
    expect(byArticle(usage, '2026-W01')).toEqual([]);
  });

  it('by week: the latest first, with the week’s gaps', () => {
    expect(byWeek(usage).map((row) => [row.week, row.counts.shown, usedCount(row.counts), row.counts.down, row.gaps])).toEqual([
      ['2026-W47', 0, 2, 1, 1],
      ['2026-W46', 3, 1, 0, 1],
    ]);
    expect(gapRows(usage).map((gap) => gap.words)).toEqual(['=cmd', 'vpn drops']);
  });

  it('exports answers by week and the gaps as CSV', () => {
    const titles = new Map([['refund', 'Refunds, "how"']]);
    expect(usageCsv(usage, titles).split('\r\n')).toEqual([
      '\uFEFFweek,article_id,title,shown,opened,inserted,copied,link_copied,thumbs_up,thumbs_down',
      '2026-W46,sso,,1,0,1,0,0,0,0',
      '2026-W46,refund,"Refunds, ""how""",2,0,0,0,0,0,0',
      '2026-W47,refund,"Refunds, ""how""",0,0,0,1,1,0,1',
      '',
    ]);
    expect(gapsCsv(usage).split('\r\n')).toEqual(['\uFEFFweek,source,words,count', "2026-W47,search,'=cmd,1", '2026-W46,ticket,vpn drops,1', '']);
  });
});
