import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/model/article';
import { buildIndex, type KnowledgeIndex, loadIndex, searchText, serializeIndex, suggestForTicket } from '../../src/search/engine';
import { markdownToPlain } from '../../src/search/plain';

let articles: Article[];
let index: KnowledgeIndex;

beforeAll(async () => {
  articles = await loadKnowledge('tests/fixtures/kb/basic');
  index = buildIndex(articles);
});

const ticket = (subject: string, latestMessage: string, thread = latestMessage) => ({ subject, latestMessage, thread });

describe('suggestForTicket', () => {
  it('ranks the article that answers the ticket first, with the words that matched', () => {
    const [best] = suggestForTicket(index, ticket('Login broken', 'Hi,\nSSO fails with error E-1021 since this morning.\nThanks,\nAnn'));
    expect(best?.id).toBe('sso-saml-error');
    expect(best?.confident).toBe(true);
    expect(best?.terms).toEqual(expect.arrayContaining(['sso', 'e-1021']));
    expect(best?.locale).toBe('en');
  });

  it('keeps numbers such as HTTP status codes as evidence', () => {
    expect(suggestForTicket(index, ticket('', 'We keep getting 429 from your API'))[0]?.id).toBe('api-rate-limit');
  });

  it('weights the subject above older thread text', () => {
    const results = suggestForTicket(index, ticket('Refund for last charge', 'see below', 'see below\nAgent: was it charged twice?'));
    expect(results[0]?.id).toBe('refund-request');
  });

  it('finds Arabic and Hebrew articles through their own stemming', () => {
    expect(suggestForTicket(index, ticket('', 'نسيت كلمة المرور الخاصة بي'))[0]?.id).toBe('password-reset-ar');
    expect(suggestForTicket(index, ticket('', 'שכחתי את הסיסמה שלי'))[0]?.id).toBe('password-reset-he');
  });

  it('marks a weak match as not confident', () => {
    const results = suggestForTicket(
      index,
      ticket('Question about the office party', 'Who is bringing the cake and the music to the party on Friday? The card for Anna is on my desk.'),
    );
    expect(results.every((s) => !s.confident)).toBe(true);
  });

  it('returns nothing for a ticket without usable words', () => {
    expect(suggestForTicket(index, ticket('', 'Hi,\nThanks!'))).toEqual([]);
  });

  it('counts every word of a long ticket towards coverage, searched or not', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    const [best] = suggestForTicket(index, ticket('', `The SSO error E-1021 came back. ${filler}`));
    expect(best?.id).toBe('sso-saml-error');
    // Forty words that no article holds leave the match weak.
    expect(best?.confident).toBe(false);
  });

  it('respects the limit', () => {
    expect(suggestForTicket(index, ticket('', 'refund charge card sso api password'), { limit: 2 })).toHaveLength(2);
  });
});

describe('searchText', () => {
  it('matches the word being typed as a prefix', () => {
    expect(searchText(index, 'refu')[0]?.id).toBe('refund-request');
    expect(searchText(index, 'refu ')).toEqual([]);
  });

  it('gives a short plain-text snippet around the matched words', () => {
    const [best] = searchText(index, 'business days');
    expect(best?.id).toBe('refund-request');
    expect(best?.snippet).toBe('Refunds reach your card in 5 to 10 business days.');
    const snippets = searchText(index, 'certificate').map((s) => s.snippet);
    expect(snippets[0]).not.toMatch(/[*<>[\]]|https/);
    for (const snippet of snippets) expect(snippet.length).toBeLessThanOrEqual(200);
  });
});

describe('serialisation', () => {
  it('loads a serialised index that ranks exactly like the built one', () => {
    const loaded = loadIndex(serializeIndex(index), articles);
    const query = ticket('Charged twice', 'Two charges on my card this month');
    expect(suggestForTicket(loaded, query)).toEqual(suggestForTicket(index, query));
  });

  it('rebuilds from the articles when the index is damaged, stale or for other articles', () => {
    const query = ticket('', 'HTTP 429 too many requests');
    for (const json of ['not json', '{"format":"deskmate-index","version":0}', serializeIndex(buildIndex(articles.slice(1)))]) {
      expect(suggestForTicket(loadIndex(json, articles), query)[0]?.id).toBe('api-rate-limit');
    }
  });
});

describe('markdownToPlain', () => {
  it('keeps the words of links and emphasis but not their syntax', () => {
    expect(markdownToPlain('# Title\n- **bold** [link](https://x.test) ![alt](a.png) `code` <b>x</b>')).toBe('Title\nbold link alt code  x ');
  });
});
