import { t } from '../i18n/messages';
import { formatList } from '../i18n/ui';
import type { Article } from '../model/article';
import type { Suggestion } from '../search/engine';
import { directionOf } from './direction';
import { FlagAnswer } from './FlagAnswer';
import type { Flagging } from './flags';
import { sanitizeArticleHtml } from './safe-html';
import type { Rating } from './usage';

export type UseAction = 'insert' | 'copy' | 'link';

interface Props {
  heading: string;
  suggestions: readonly Suggestion[];
  articles: ReadonlyMap<string, Article>;
  expanded: string | null;
  onToggle(id: string): void;
  onUse(article: Article, action: UseAction): void;
  /** The agent's thumbs on each answer; `null` hides the thumbs (usage counting is off). */
  ratings: ReadonlyMap<string, Rating> | null;
  onRate(articleId: string, rating: Rating): void;
  /** Flagging answers as wrong or outdated; without it, answers offer no flag. */
  flags?: Flagging;
  empty: string;
}

const ACTION_KEYS: Readonly<Record<string, UseAction>> = { i: 'insert', c: 'copy', l: 'link' };

/** Arrow keys move between answers; i, c and l insert, copy or copy the link of the answer in focus. */
function onListKey(event: KeyboardEvent, articles: ReadonlyMap<string, Article>, onUse: Props['onUse']) {
  // The flag form's fields take their own keys: letters are typed, arrows move between its choices.
  if (event.ctrlKey || event.metaKey || event.altKey || (event.target as Element).closest('form')) return;
  const item = (event.target as Element).closest('[data-article-id]');
  const list = event.currentTarget as HTMLElement;
  if (!item) return;
  // Inside an opened answer the arrows scroll it, as in any scrolling text.
  if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !(event.target as Element).closest('.article-body')) {
    const titles = Array.from(list.querySelectorAll<HTMLElement>('.suggestion-title'));
    const at = titles.findIndex((title) => item.contains(title));
    titles[at + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    event.preventDefault();
    return;
  }
  const action = ACTION_KEYS[event.key];
  const article = articles.get(item.getAttribute('data-article-id') ?? '');
  if (action && article) {
    onUse(article, action);
    event.preventDefault();
  }
}

/** Thumbs up and down: pressed shows filled (src/sidebar/sidebar.css), and `aria-pressed` says so to screen readers. */
function Thumbs({ articleId, rating, onRate }: { articleId: string; rating: Rating | undefined; onRate: Props['onRate'] }) {
  return (
    <span class="thumbs">
      <button type="button" class="thumb" aria-pressed={rating === 'up'} aria-label={t('thumbUp')} title={t('thumbUp')} onClick={() => onRate(articleId, 'up')}>
        <span aria-hidden="true">👍</span>
      </button>
      <button type="button" class="thumb" aria-pressed={rating === 'down'} aria-label={t('thumbDown')} title={t('thumbDown')} onClick={() => onRate(articleId, 'down')}>
        <span aria-hidden="true">👎</span>
      </button>
    </span>
  );
}

export function Suggestions({ heading, suggestions, articles, expanded, onToggle, onUse, ratings, onRate, flags, empty }: Props) {
  const weak = suggestions.length > 0 && !suggestions.some((suggestion) => suggestion.confident);
  return (
    <section class="suggestions" aria-label={heading}>
      <h2 class="section-title">{heading}</h2>
      {suggestions.length === 0 && <p class="muted">{empty}</p>}
      {weak && <p class="muted">{t('weakMatches')}</p>}
      <ol class="suggestion-list" onKeyDown={(event) => onListKey(event, articles, onUse)}>
        {suggestions.map((suggestion) => {
          const article = articles.get(suggestion.id);
          if (!article) return null;
          const dir = directionOf(article.locale ?? suggestion.locale, article.title);
          const open = expanded === article.id;
          const flaggedAs = flags?.flagged.get(article.id);
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
              {suggestion.stale && (
                <span class="chip stale" title={suggestion.verified ? t('lastVerified', suggestion.verified) : undefined}>
                  {t('needsReview')}
                </span>
              )}
              {flaggedAs && (
                <span class="chip flagged" data-testid="aa-flagged" data-reason={flaggedAs}>
                  {t(flaggedAs === 'wrong' ? 'flaggedWrong' : 'flaggedOutdated')}
                </span>
              )}
              {open ? (
                // A long answer scrolls inside its card: focusable, so the keyboard can scroll it too.
                article.html ? (
                  // Sanitised with a strict allow-list: structure and http(s) links only.
                  <div class="article-body" tabIndex={0} role="region" aria-label={article.title} dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.html) }} />
                ) : (
                  <div class="article-body plain" tabIndex={0} role="region" aria-label={article.title}>
                    {article.body}
                  </div>
                )
              ) : (
                suggestion.snippet && <p class="snippet">{suggestion.snippet}</p>
              )}
              {suggestion.terms.length > 0 && (
                <p class="why" dir="auto">
                  <span class="muted">{t('matched')} </span>
                  {formatList(suggestion.terms.slice(0, 6), 'unit')}
                </p>
              )}
              <div class="actions">
                <button type="button" data-testid="aa-insert" title={`${t('insertTitle')} (i)`} onClick={() => onUse(article, 'insert')}>
                  {t('insert')}
                </button>
                <button type="button" title={`${t('copy')} (c)`} onClick={() => onUse(article, 'copy')}>
                  {t('copy')}
                </button>
                {article.url && (
                  <button type="button" title={`${t('copyLink')} (l)`} onClick={() => onUse(article, 'link')}>
                    {t('copyLink')}
                  </button>
                )}
                {ratings && <Thumbs articleId={article.id} rating={ratings.get(article.id)} onRate={onRate} />}
                {flags && <FlagAnswer article={article} onFlag={flags.flag} />}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
