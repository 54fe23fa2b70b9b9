// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import { buildIndex, searchText } from '../../src/search/engine';
import { Suggestions } from '../../src/sidebar/Suggestions';

const body = 'A refund to a closed bank account comes back to us and is sent again to the new account.';
const articles: Article[] = [
  { id: 'stale', title: 'Refund to a closed account', body, tags: [], locale: 'en', verified: '2026-01-10', verifyEvery: '90d', owner: 'payments-team' },
  { id: 'fresh', title: 'Refund to a closed card', body, tags: [], locale: 'en', verified: '2026-10-01' },
];

describe('stale answers in the sidebar', () => {
  it('are labelled as needing review, with the date they were last verified', () => {
    const suggestions = searchText(buildIndex(articles), 'refund closed account', { now: new Date('2026-11-01T00:00:00Z') });
    const props = { heading: 'Answers', suggestions, articles: new Map(articles.map((a) => [a.id, a])), expanded: null, onToggle: () => undefined, onUse: () => undefined, ratings: null, onRate: () => undefined, empty: '' };
    const host = document.createElement('div');
    render(<Suggestions {...(props as Parameters<typeof Suggestions>[0])} />, host);
    const labels = [...host.querySelectorAll('[data-testid="aa-suggestion"]')].map((item) => [item.getAttribute('data-article-id'), item.querySelector('.stale')?.textContent, item.querySelector('.stale')?.getAttribute('title')]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['fresh', undefined, undefined],
        ['stale', 'Needs review', 'Last verified 2026-01-10'],
      ]),
    );
  });
});
