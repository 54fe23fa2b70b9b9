import { Component, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evaluate } from '../escalation/evaluate';
import { writeNote } from '../escalation/note';
import type { NoteDraft } from '../escalation/note';
import { type MessageKey, t } from '../i18n/messages';
import { formatList, plural, uiDirection, uiLanguage } from '../i18n/ui';
import type { Article } from '../model/article';
import type { Layout, SidebarCommandName } from '../model/messages';
import type { PageState, Ticket, TicketField } from '../model/ticket';
import { searchText, suggestForTicket } from '../search/engine';
import { useSettings } from '../settings/settings';
import { guessLanguage } from '../text/language';
import { agentNameFor, answerContent } from './answer';
import { copyToClipboard } from './clipboard';
import { recordUse } from '../knowledge/learning';
import type { Connection } from './connection';
import { renderDiagnostic } from './diagnostic';
import { EscalationPanel, EscalationUnavailable } from './EscalationPanel';
import { useFlags } from './flags';
import type { Knowledge } from './knowledge';
import { Shortcuts } from './Shortcuts';
import { StatusPanel } from './StatusPanel';
import { useSettled } from './settled';
import { Suggestions, type UseAction } from './Suggestions';
import { TicketCard } from './TicketCard';
import { useUsage } from './usage';

export interface AppProps {
  page: PageState;
  knowledge: Knowledge | null;
  /** An import or a sync is changing the knowledge base: the answers shown are from the one before it. */
  updating?: boolean;
  /** Why the knowledge base or the page connection could not be loaded. */
  failure: string | null;
  connection: Connection | null;
  layout: Layout;
  onLayout(layout: Layout): void;
  /** The latest keyboard command from the browser; a new `seq` is a new press of the keys. */
  command?: CommandRequest | null;
}

export interface CommandRequest {
  name: SidebarCommandName;
  seq: number;
}

const SUGGESTION_COUNT = 5;
const CLOCK_TICK_MS = 30_000;
const HINTING_SUGGESTIONS = 2;
/** A pause this long ends a search: its results are announced to screen readers. */
const ANNOUNCE_AFTER_MS = 700;
/** A pause this long makes a search count (shown answers, a content gap): half-typed words are no question. */
const SEARCH_COUNTS_AFTER_MS = 2_000;

function withLanguage(ticket: Ticket): Ticket {
  return ticket.language ? ticket : { ...ticket, language: guessLanguage(`${ticket.subject}\n${ticket.latestMessage}`) };
}

export function App(props: AppProps) {
  const { page, knowledge, updating = false, failure, connection, layout, onLayout, command = null } = props;
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const [consulted, setConsulted] = useState<{ ticketId: string; ids: string[] }>({ ticketId: '', ids: [] });
  const [notice, setNotice] = useState('');
  // Whether the last attempt to remember a used answer failed; until one is made, whether loading them did.
  const [learningFailed, setLearningFailed] = useState<boolean | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [help, setHelp] = useState(false);
  const [copyNoteRequest, setCopyNoteRequest] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  // A command is carried out once, on arrival: not again when the sidebar mounts anew after an error.
  const handledCommand = useRef(command?.seq ?? 0);
  const settings = useSettings();

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  // On the document: a click on plain text leaves the focus on the frame's body, outside the sidebar.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const search = searchBox.current;
      if (event.key === 'Escape') {
        setHelp(false);
        if (event.target === search) setQuery('');
        return;
      }
      if (event.target === search && event.key === 'ArrowDown') {
        document.querySelector<HTMLElement>('.suggestion-title')?.focus();
        event.preventDefault();
        return;
      }
      if ((event.target as Element).closest('input, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        search?.focus();
        event.preventDefault();
      } else if (event.key === '?') {
        setHelp((shown) => !shown);
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // One object per page update, so the ranking below reruns only when the ticket changed.
  const ticket = useMemo(() => (page.state === 'ready' ? withLanguage(page.ticket) : null), [page]);
  const ticketId = ticket?.id ?? '';

  // A new ticket starts clean: nothing from the previous ticket's session carries over.
  useEffect(() => {
    setExpanded(null);
    setNotice('');
    setConsulted({ ticketId, ids: [] });
  }, [ticketId]);

  const ticketSuggestions = useMemo(
    () => (knowledge && ticket ? suggestForTicket(knowledge.index, ticket, { limit: SUGGESTION_COUNT }) : []),
    [knowledge, ticket],
  );
  const suggestions = useMemo(
    () => (knowledge && query.trim() ? searchText(knowledge.index, query, { limit: SUGGESTION_COUNT }) : ticketSuggestions),
    [knowledge, query, ticketSuggestions],
  );

  // Only answers the engine is sure of for this ticket lend their escalation hints to the checklist.
  const hintingArticles = useMemo(
    () =>
      ticketSuggestions
        .filter((s) => s.confident)
        .slice(0, HINTING_SUGGESTIONS)
        .flatMap((s) => knowledge?.articles.get(s.id) ?? []),
    [ticketSuggestions, knowledge],
  );

  const guidance = useMemo(
    () => (ticket && knowledge?.rules ? evaluate(knowledge.rules, ticket, { now, articles: hintingArticles }) : null),
    [ticket, knowledge, now, hintingArticles],
  );

  useEffect(() => {
    if (!command || command.seq === handledCommand.current) return;
    handledCommand.current = command.seq;
    if (command.name === 'focus-search') {
      searchBox.current?.focus();
      searchBox.current?.select();
    } else if (guidance) {
      setCopyNoteRequest((count) => count + 1);
    } else {
      setNotice(t('noticeNoNoteToCopy'));
    }
  }, [command]);

  const consult = (id: string) =>
    setConsulted((previous) =>
      previous.ticketId === ticketId && previous.ids.includes(id)
        ? previous
        : { ticketId, ids: [...(previous.ticketId === ticketId ? previous.ids : []), id] },
    );

  const agentName = agentNameFor(ticket, settings?.agentName);
  const settledSearch = useSettled(query.trim(), SEARCH_COUNTS_AFTER_MS);
  const search = useMemo(
    () => (settledSearch && settledSearch === query.trim() ? { query: settledSearch, results: suggestions } : null),
    [settledSearch, suggestions],
  );
  const usage = useUsage({
    enabled: settings?.countUsage ?? false,
    visible: !layout.collapsed,
    ticket,
    ticketSuggestions: knowledge ? ticketSuggestions : null,
    search,
    query,
    names: [ticket?.requester?.name ?? '', agentName ?? ''],
  });
  const flags = useFlags(ticket, setNotice);
  // Said once the agent pauses: how many answers there are now, not a list re-read at every keystroke.
  const announcement = useSettled(
    !knowledge ? '' : query.trim() ? plural('announceResults', suggestions.length) : ticket ? plural('announceSuggestions', suggestions.length) : '',
    ANNOUNCE_AFTER_MS,
  );

  const useArticle = async (article: Article, action: UseAction) => {
    consult(article.id);
    usage.used(article.id, action);
    if (ticket && knowledge) {
      void recordUse(knowledge.index, ticket, article.id).then(
        () => setLearningFailed(false),
        () => setLearningFailed(true),
      );
    }
    const { text, html } = answerContent(article, { ticket, agentName });
    try {
      if (action === 'link' && article.url) {
        await copyToClipboard(article.url);
        setNotice(t('noticeLinkCopied'));
      } else if (action === 'insert' && connection) {
        const result = await connection.insert('reply', { text, html });
        if (result.ok) setNotice(t('noticeInserted'));
        else {
          await copyToClipboard(text, html);
          setNotice(t(result.reason === 'wrong-mode' ? 'noticeWrongModeCopied' : 'noticeNoEditorCopied'));
        }
      } else {
        await copyToClipboard(text, html);
        setNotice(t('noticeAnswerCopied'));
      }
    } catch {
      setNotice(t('noticeClipboardRefused'));
    }
  };

  const note = (draft: NoteDraft) => {
    if (!ticket || !guidance || !knowledge) throw new Error('No ticket');
    const noteArticle = (id: string) => {
      const article = knowledge.articles.get(id);
      return article ? [{ id, title: article.title, url: article.url }] : [];
    };
    return writeNote({
      ticket,
      guidance,
      ...draft,
      now: new Date(),
      articles: (consulted.ticketId === ticketId ? consulted.ids : []).flatMap(noteArticle),
      matched: ticketSuggestions.flatMap((suggestion) => noteArticle(suggestion.id)),
    });
  };

  // `ready` promises the answers too: a read ticket waits as `loading` until the knowledge base is in, so
  // whoever waits for `ready` (the agent's screen reader, a test) never sees a ticket with no answers yet.
  const state = failure ? 'error' : page.state === 'ready' && !knowledge ? 'loading' : page.state;
  const toggleCollapsed = () => onLayout({ ...layout, collapsed: !layout.collapsed });
  // The root carries the interface's language as well as the page, so the sidebar reads right wherever it is mounted.
  const language = uiLanguage();
  const dir = uiDirection();

  // The arrows point at the page's right edge, where the frame sits whatever the language: `dir="ltr"` keeps
  // a right-to-left interface from mirroring them.
  if (layout.collapsed) {
    return (
      <aside class="sidebar collapsed" data-testid="aa-sidebar" data-state={state} lang={language} dir={dir}>
        <button type="button" class="expand" dir="ltr" aria-label={t('expandSidebar')} title={t('expandSidebar')} onClick={toggleCollapsed}>
          ‹
        </button>
      </aside>
    );
  }

  return (
    <aside class="sidebar" data-testid="aa-sidebar" data-state={state} lang={language} dir={dir} aria-label={t('extName')}>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <span>
          <button
            type="button"
            class="icon"
            aria-label={t('shortcutsTitle')}
            title={`${t('shortcutsTitle')} (?)`}
            onClick={() => setHelp((shown) => !shown)}
          >
            ?
          </button>
          <button type="button" class="icon" dir="ltr" aria-label={t('collapseSidebar')} title={t('collapseSidebar')} onClick={toggleCollapsed}>
            ›
          </button>
        </span>
      </header>
      {help && <Shortcuts onClose={() => setHelp(false)} />}
      <Body page={page} failure={failure}>
        {ticket && <TicketCard ticket={ticket} />}
      </Body>
      {ticket && knowledge && !knowledge.rules && <EscalationUnavailable warnings={knowledge.rulesWarnings ?? []} />}
      {guidance && (
        <EscalationPanel
          key={ticketId}
          guidance={guidance}
          note={note}
          copyRequest={copyNoteRequest}
          onCopyNote={async (draft) => {
            const { text, html } = note(draft);
            await copyToClipboard(text, html);
          }}
          onInsertNote={async (draft) => {
            const { text, html } = note(draft);
            return connection ? connection.insert('note', { text, html }) : { ok: false, reason: 'no-editor' };
          }}
        />
      )}
      <div class="search">
        <input
          type="search"
          data-testid="aa-search"
          ref={searchBox}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={query}
          dir="auto"
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        />
      </div>
      {knowledge ? (
        <Suggestions
          heading={t(query.trim() ? 'headingResults' : 'headingSuggested')}
          suggestions={suggestions}
          articles={knowledge.articles}
          expanded={expanded}
          onToggle={(id) => {
            consult(id);
            if (expanded !== id) usage.opened(id);
            setExpanded((open) => (open === id ? null : id));
          }}
          onUse={(article, action) => void useArticle(article, action)}
          ratings={settings?.countUsage ? usage.ratings : null}
          onRate={usage.rate}
          flags={flags}
          empty={t(query.trim() || ticket ? 'emptyNoMatch' : 'emptyNoTicket')}
        />
      ) : (
        !failure && <p class="muted">{t('loadingKnowledge')}</p>
      )}
      <p class="sr-only" role="status" data-testid="aa-announcer">
        {announcement}
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {updating && (
        <p class="muted" role="status" data-testid="aa-knowledge-updating">
          {t('noticeKnowledgeUpdating')}
        </p>
      )}
      {knowledge?.deviceFailure !== undefined && (
        <p class="notice" role="status" data-testid="aa-knowledge-notice">
          {t('noticeDeviceKnowledgeUnavailable', knowledge.deviceFailure)}
        </p>
      )}
      {(learningFailed ?? knowledge?.learningUnavailable) && (
        <p class="notice" role="status" data-testid="aa-storage-notice">
          {t('noticeLearningUnavailable')}
        </p>
      )}
    </aside>
  );
}

const FIELD_NAMES: Readonly<Record<TicketField, MessageKey>> = {
  id: 'fieldId',
  subject: 'fieldSubject',
  latestMessage: 'fieldLatestMessage',
  thread: 'fieldThread',
  requester: 'fieldRequester',
  priority: 'fieldPriority',
  status: 'fieldStatus',
  tags: 'fieldTags',
  createdAt: 'fieldCreatedAt',
};

/** A field the page reports missing, by its name in the interface's language; one it does not know, as sent. */
function fieldName(field: string): string {
  return Object.hasOwn(FIELD_NAMES, field) ? t(FIELD_NAMES[field as TicketField]) : field;
}

function Body({ page, failure, children }: { page: PageState; failure: string | null; children: ComponentChildren }) {
  if (failure) return <StatusPanel title={t('errorTitle')} detail={failure} diagnostic={failure} />;
  switch (page.state) {
    case 'loading':
      return <StatusPanel title={t('readingTicket')} />;
    case 'no-ticket':
      return <StatusPanel title={t('noTicketTitle')} detail={t('noTicketDetail')} />;
    case 'unreadable':
      return (
        <StatusPanel
          title={page.id ? t('unreadableTicketId', page.id) : t('unreadableTicket')}
          detail={t('unreadableDetail', formatList(page.missing.map(fieldName), 'conjunction'))}
          diagnostic={page.diagnostic}
        />
      );
    case 'error':
      return <StatusPanel title={t('readErrorTitle')} detail={t('readErrorDetail')} diagnostic={page.diagnostic} />;
    case 'ready':
      return <>{children}</>;
  }
}

/**
 * Keeps a rendering bug from leaving a blank panel: the sidebar says so, with a diagnostic that holds no ticket
 * text (diagnostic.ts), and recovers on the next ticket.
 */
export class ErrorBoundary extends Component<{ resetKey: string; page: PageState; children: ComponentChildren }, { error: string | null; key: string }> {
  override state = { error: null as string | null, key: this.props.resetKey };

  static override getDerivedStateFromProps(props: { resetKey: string }, state: { error: string | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown) {
    this.setState({ error: renderDiagnostic(error, this.props.page) });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <aside class="sidebar" data-testid="aa-sidebar" data-state="error" lang={uiLanguage()} dir={uiDirection()}>
        <StatusPanel title={t('errorTitle')} detail={t('renderErrorDetail')} diagnostic={this.state.error} />
      </aside>
    );
  }
}

