import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/messages';
import { onKnowledgeChanged, onKnowledgeUpdating } from '../knowledge/store/version';
import { DEFAULT_LAYOUT, type Layout } from '../model/messages';
import type { PageState } from '../model/ticket';
import { App, type CommandRequest, ErrorBoundary } from './App';
import { type Connection, connectToPage } from './connection';
import { type Knowledge, loadKnowledge } from './knowledge';
import { applyPageTheme } from './page-theme';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Connects to the page and the knowledge base, and keeps the sidebar's state. */
export function Root() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [connection, setConnection] = useState<Connection | null>(null);
  const [layout, setLayout] = useState<Layout>(DEFAULT_LAYOUT);
  const [command, setCommand] = useState<CommandRequest | null>(null);
  const [updating, setUpdating] = useState(false);

  useEffect(() => {
    // Loaded again when the knowledge base changes (an import or a sync in another page): the answers
    // shown meanwhile stay until the new index is in.
    const load = () =>
      loadKnowledge().then(setKnowledge, (error: unknown) => setFailure(t('failureKnowledge', describe(error))));
    void load();
    const stopListening = onKnowledgeChanged(() => void load());
    const stopWatching = onKnowledgeUpdating(setUpdating);
    let open: Connection | null = null;
    connectToPage({
      onPage: setPage,
      onLayout: setLayout,
      onTheme: (theme) => applyPageTheme(document.documentElement, theme),
      onCommand: (name) => setCommand((previous) => ({ name, seq: (previous?.seq ?? 0) + 1 })),
      onLost: () => setConnection(null),
    }).then(
      (connected) => {
        open = connected;
        setConnection(connected);
      },
      (error: unknown) => setFailure(t('failureConnection', describe(error))),
    );
    return () => {
      open?.close();
      stopListening();
      stopWatching();
    };
  }, []);

  const onLayout = (next: Layout) => {
    setLayout(next);
    connection?.setLayout(next);
  };

  const resetKey = page.state === 'ready' ? `ticket:${page.ticket.id}` : page.state;
  return (
    <ErrorBoundary resetKey={resetKey} page={page}>
      <App page={page} knowledge={knowledge} updating={updating} failure={failure} connection={connection} layout={layout} onLayout={onLayout} command={command} />
    </ErrorBoundary>
  );
}
