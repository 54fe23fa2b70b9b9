import type { Article } from '../model/article';
import type { Suggestion } from '../search/engine';
import { directionOf } from './direction';
import { sanitizeArticleHtml } from './safe-html';

export type UseAction = 'insert' | 'copy' | 'link';

interface Props {
  heading: string;
  suggestions: readonly Suggestion[];
  articles: ReadonlyMap<string, Article>;
  expanded: string | null;
  onToggle(id: string): void;
  onUse(article: Article, action: UseAction): void;
  empty: string;
}

export function Suggestions({ heading, suggestions, articles, expanded, onToggle, onUse, empty }: Props) {
  return (
    <section class="suggestions" aria-label={heading}>
      <h2 class="section-title">{heading}</h2>
      {suggestions.length === 0 && <p class="muted">{empty}</p>}
      <ol class="suggestion-list" aria-live="polite">
        {suggestions.map((suggestion) => {
          const article = articles.get(suggestion.id);
          if (!article) return null;
          const dir = directionOf(article.locale ?? suggestion.locale, article.title);
          const open = expanded === article.id;
          return (
            <li
              key={article.id}
              class={`card suggestion${suggestion.confident ? '' : ' weak'}`}
              data-testid="aa-suggestion"
              data-article-id={article.id}
              dir={dir}
            >
              <button type="button" class="suggestion-title" aria-expanded={open} onClick={() => onToggle(article.id)}>
                {article.title}
              </button>
              {open ? (
                article.html ? (
                  // Sanitised with a strict allow-list: structure and http(s) links only.
                  <div class="article-body" dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.html) }} />
                ) : (
                  <div class="article-body plain">{article.body}</div>
                )
              ) : (
                suggestion.snippet && <p class="snippet">{suggestion.snippet}</p>
              )}
              {suggestion.terms.length > 0 && (
                <p class="why" dir="auto">
                  <span class="muted">Matched: </span>
                  {suggestion.terms.slice(0, 6).join(', ')}
                </p>
              )}
              <div class="actions">
                <button type="button" data-testid="aa-insert" onClick={() => onUse(article, 'insert')}>
                  Insert
                </button>
                <button type="button" onClick={() => onUse(article, 'copy')}>
                  Copy
                </button>
                {article.url && (
                  <button type="button" onClick={() => onUse(article, 'link')}>
                    Copy link
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
