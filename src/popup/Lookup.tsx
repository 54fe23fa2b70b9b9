import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/messages';
import { type LoadedSearch, loadSearch } from '../knowledge/installed';
import type { Article } from '../model/article';
import { searchText, type Suggestion } from '../search/engine';
import { answerContent } from '../sidebar/answer';
import { copyToClipboard } from '../sidebar/clipboard';
import { directionOf } from '../sidebar/direction';

const RESULT_COUNT = 6;

type Action = 'copy' | 'link';
const ACTION_KEYS: Readonly<Record<string, Action>> = { c: 'copy', l: 'link' };

/**
 * Quick lookup on any page, from the toolbar popup: the knowledge base (bundled, and what was added on this device) searched with the sidebar's
 * engine, keyboard first (the box has the focus when the popup opens, ↓ and ↑ move between results, Enter opens
 * one, c copies it as rich text and plain text, l copies its link). No ticket here, so no insert, and
 * placeholders such as `{{requester.first_name}}` drop out as they do where a ticket lacks the value.
 * The results are its own list rather than the sidebar's Suggestions: that one carries insert, ratings and
 * the ticket's usage counting, none of which apply to a lookup without a ticket.
 */
export function Lookup({ load = loadSearch }: { load?: () => Promise<LoadedSearch> }) {
  const [knowledge, setKnowledge] = useState<LoadedSearch | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    box.current?.focus();
    load().then(setKnowledge, (error: unknown) => setFailure(t('failureKnowledge', error instanceof Error ? error.message : String(error))));
  }, []);

  const results = useMemo(
    () => (knowledge && query.trim() ? searchText(knowledge.index, query, { limit: RESULT_COUNT }) : []),
    [knowledge, query],
  );

  const use = async (article: Article, action: Action) => {
    try {
      if (action === 'link') {
        if (!article.url) return;
        await copyToClipboard(article.url);
        setNotice(t('noticeLinkCopied'));
      } else {
        const { text, html } = answerContent(article, { ticket: null });
        await copyToClipboard(text, html);
        setNotice(t('noticeAnswerCopied'));
      }
    } catch {
      setNotice(t('noticeClipboardRefused'));
    }
  };

  const titles = () => Array.from(list.current?.querySelectorAll<HTMLElement>('.suggestion-title') ?? []);

  const onBoxKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      titles()[0]?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && query) {
      // Esc on an empty box is left to the browser, which closes the popup.
      setQuery('');
      event.preventDefault();
    }
  };

  const onResultKey = (event: KeyboardEvent, article: Article) => {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target as Element).closest('.article-body')) return;
    const all = titles();
    const at = all.findIndex((title) => title.closest('[data-article-id]') === event.currentTarget);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const next = event.key === 'ArrowDown' ? all[at + 1] : (all[at - 1] ?? box.current);
      next?.focus();
      event.preventDefault();
      return;
    }
    const action = ACTION_KEYS[event.key];
    if (action) {
      void use(article, action);
      event.preventDefault();
    }
  };

  const articleOf = (suggestion: Suggestion) => knowledge?.articles.get(suggestion.id);

  return (
    <section class="lookup" aria-label={t('searchLabel')}>
      <input
        type="search"
        ref={box}
        data-testid="aa-search"
        placeholder={t('popupSearchPlaceholder')}
        aria-label={t('searchLabel')}
        aria-describedby="lookup-keys"
        dir="auto"
        value={query}
        onInput={(event) => {
          setQuery((event.target as HTMLInputElement).value);
          setOpen(null);
        }}
        onKeyDown={onBoxKey}
      />
      <p id="lookup-keys" class="muted hint">
        {t('popupSearchKeys')}
      </p>
      {failure && <p role="alert">{failure}</p>}
      {!failure && !knowledge && query.trim() && <p class="muted">{t('loadingKnowledge')}</p>}
      {knowledge && query.trim() && results.length === 0 && <p class="muted">{t('emptyNoMatch')}</p>}
      {results.length > 0 && (
        <ol class="results" ref={list} aria-label={t('headingResults')}>
          {results.map((suggestion) => {
            const article = articleOf(suggestion);
            if (!article) return null;
            const expanded = open === article.id;
            return (
              <li
                key={article.id}
                class="result"
                data-testid="aa-suggestion"
                data-article-id={article.id}
                dir={directionOf(article.locale ?? suggestion.locale, article.title)}
                onKeyDown={(event) => onResultKey(event, article)}
              >
                <button type="button" class="suggestion-title" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : article.id)}>
                  {article.title}
                </button>
                {expanded ? (
                  <div class="article-body" tabIndex={0} role="region" aria-label={article.title}>
                    {answerContent(article, { ticket: null }).text}
                  </div>
                ) : (
                  suggestion.snippet && <p class="snippet">{suggestion.snippet}</p>
                )}
                <div class="actions">
                  <button type="button" data-testid="popup-copy" title={`${t('copy')} (c)`} onClick={() => void use(article, 'copy')}>
                    {t('copy')}
                  </button>
                  {article.url && (
                    <button type="button" data-testid="popup-copy-link" title={`${t('copyLink')} (l)`} onClick={() => void use(article, 'link')}>
                      {t('copyLink')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
