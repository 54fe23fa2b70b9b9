import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/knowledge/draft';
import { parseInterval, staleness } from '../../src/knowledge/freshness';
import type { KnowledgeFile } from '../../src/knowledge/import/types';
import { lintKnowledge } from '../../src/knowledge/lint';
import { readKnowledge } from '../../src/knowledge/load';

const NOW = new Date('2026-11-01T00:00:00Z');

function draft(file: string, fields: Record<string, unknown>, body = 'Some answer text.'): ArticleDraft {
  return { file, line: 1, fields: { locale: 'en', ...fields }, fieldLines: {}, body };
}

function lint(...drafts: ArticleDraft[]): string[] {
  const files: KnowledgeFile[] = drafts.map((d) => ({ file: d.file, raw: '', format: 'json', drafts: [d], notices: [] }));
  return lintKnowledge(files, NOW).map((p) => `${p.id}: ${p.problem}`);
}

describe('lint between articles', () => {
  it('finds titles that are the same question once stems and stop words are set aside, within a locale', () => {
    expect(
      lint(
        draft('a.json', { id: 'reset-1', title: 'How do I reset my password?' }),
        draft('b.json', { id: 'reset-2', title: 'Resetting your password' }),
        draft('c.json', { id: 'reset-he', title: 'Resetting your password', locale: 'he' }),
        draft('d.json', { id: 'card', title: 'Card arrival estimate' }),
        draft('e.json', { id: 'card-2', title: 'Card delivery estimate' }),
      ),
    ).toEqual(['reset-2: title nearly the same as reset-1 ("How do I reset my password?")']);
  });

  it('finds links to articles, files and help-center addresses that are not in the knowledge base', () => {
    const body = [
      '[ok by id](card) [ok by file](../guides/reset.md#step-2) [gone](old-article) [gone file](./missing.md)',
      '[other site](https://example.org/x) [attachment](files/form.pdf) [anchor](#top) <a href="gone-too.html">x</a>',
      '[help center](https://acme.zendesk.com/hc/en-us/articles/200-Refunds) [missing](https://acme.zendesk.com/hc/en-us/articles/404-Gone)',
    ].join('\n');
    expect(
      lint(
        draft('kb/faq/links.md', { id: 'links', title: 'Links', url: 'https://acme.zendesk.com/hc/en-us/articles/100' }, body),
        draft('kb/guides/reset.md', { id: 'reset', title: 'Reset' }),
        draft('kb/card.md', { id: 'card', title: 'Card' }),
        draft('kb/refunds.json', { id: '200', title: 'Refunds' }),
      ),
    ).toEqual([
      'links: broken internal link "old-article": no article with that id, file or address',
      'links: broken internal link "./missing.md": no article with that id, file or address',
      'links: broken internal link "https://acme.zendesk.com/hc/en-us/articles/404-Gone": no article with that id, file or address',
      'links: broken internal link "gone-too.html": no article with that id, file or address',
    ]);
  });
});

describe('lint of a title', () => {
  it('flags look-alike letters inside a word and words in another script that are not names', () => {
    expect(lint(draft('a.json', { id: 'lookalike', title: 'Reset your p\u0430ssword' }))).toEqual(['lookalike: mixed scripts in the title\'s word "pаssword" (Latin and Cyrillic)']);
    expect(lint(draft('a.json', { id: 'mixed', title: 'كيف أغير password الحساب', locale: 'ar' }))).toEqual([
      'mixed: title mixes scripts: "password" (Latin) in an Arabic title, not a name or a tag',
    ]);
    expect(lint(draft('a.json', { id: 'ar-he', title: 'שלום مرحبا', locale: 'ar' }))).toEqual(['ar-he: title mixes Arabic and Hebrew']);
    expect(lint(draft('a.json', { id: 'names', title: 'إضافة البطاقة إلى Apple Pay و 2FA عبر sso', locale: 'ar', tags: ['sso'] }))).toEqual([]);
  });
});

describe('freshness', () => {
  it('reads intervals in days, weeks, months and years', () => {
    expect(['90d', '6 weeks', '6m', '1y', '2 months'].map(parseInterval)).toEqual([
      { count: 90, unit: 'd' },
      { count: 6, unit: 'w' },
      { count: 6, unit: 'm' },
      { count: 1, unit: 'y' },
      { count: 2, unit: 'm' },
    ]);
    expect(['', '0d', 'soon', '6x'].map(parseInterval)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('is stale past verified plus verify_every (a year by default), and unknown without a verified date', () => {
    expect(staleness({ verified: '2026-08-05', verifyEvery: '90d' }, NOW)).toEqual({ stale: false, due: '2026-11-03' });
    expect(staleness({ verified: '2026-07-01', verifyEvery: '90d' }, NOW)).toEqual({ stale: true, due: '2026-09-29', problem: 'verification overdue: verified 2026-07-01, every 90d, due 2026-09-29' });
    expect(staleness({ verified: '2026-05-01', verifyEvery: '6m' }, NOW).stale).toBe(false);
    expect(staleness({ verified: '2025-10-31' }, NOW)).toEqual({ stale: true, due: '2026-10-31', problem: 'verified 2025-10-31 is more than a year ago' });
    expect(staleness({}, NOW)).toEqual({ stale: false });
    expect(staleness({ verifyEvery: '30d' }, NOW)).toEqual({ stale: true, problem: 'verify_every 30d but never verified' });
    expect(staleness({ verified: '2026-02-30' }, NOW).problem).toBe('verified "2026-02-30" is not a date (YYYY-MM-DD)');
    expect(staleness({ verified: '2026-10-01', verifyEvery: 'monthly' }, NOW).problem).toBe('verify_every "monthly" is not an interval (90d, 6w, 6m, 1y)');
  });

  it('lints verify_every from front matter, JSON and CSV alike', async () => {
    const problems = lintKnowledge(await readKnowledge('tests/fixtures/import/dirty/vpn.md'), NOW);
    expect(problems.find((p) => p.problem.startsWith('verification overdue'))).toEqual({
      id: 'he-vpn',
      file: 'tests/fixtures/import/dirty/vpn.md',
      line: 6,
      problem: 'verification overdue: verified 2026-01-10, every 90d, due 2026-04-10',
    });
    expect(lint(draft('a.csv', { id: 'blank', title: 'Blank cells', verified: '', verify_every: '' }))).toEqual([]);
  });
});
