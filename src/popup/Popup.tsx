import { useEffect, useState } from 'preact/hooks';
import type { Site } from '../permissions/site';
import { disableSite, enableSite, siteStatus, type SiteStatus } from '../permissions/sites';
import { type ActiveTab, activeTab, toggleSidebar } from './tab';

type Loaded = { tab: ActiveTab; status: SiteStatus };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const SELF_HOSTED_NAMES = 'Request Tracker, Zammad, FreeScout or osTicket';

/**
 * The toolbar popup: whether Deskmate runs on the current site, a button to show or hide the sidebar, and
 * for self-hosted helpdesks a button that enables (or disables) Deskmate on this one site.
 */
export function Popup({ close = () => window.close() }: { close?: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async (tab?: ActiveTab) => {
    const current = tab ?? (await activeTab());
    setLoaded({ tab: current, status: await siteStatus(current.url) });
  };

  useEffect(() => {
    refresh().catch((error: unknown) => setNote(`Could not read this tab (${describe(error)}).`));
  }, []);

  if (!loaded) {
    return (
      <main class="popup" data-testid="popup" data-kind="loading">
        <h1>Deskmate</h1>
        {note && <p role="status">{note}</p>}
      </main>
    );
  }
  const { tab, status } = loaded;

  // No await before enableSite: the permission prompt needs the click's user gesture.
  const enable = (site: Site) => {
    setBusy(true);
    setNote(null);
    enableSite(site)
      .then(async (result) => {
        setNote(result === 'enabled' ? 'Enabled. The sidebar opens on ticket pages of this site.' : 'Access was not granted.');
        await refresh(tab);
      })
      .catch((error: unknown) => setNote(`Could not enable this site (${describe(error)}).`))
      .finally(() => setBusy(false));
  };

  const disable = (site: Site) => {
    setBusy(true);
    setNote(null);
    disableSite(site)
      .then(async () => {
        setNote('Disabled. Pages of this site that are open keep the sidebar until they reload.');
        await refresh(tab);
      })
      .catch((error: unknown) => setNote(`Could not disable this site (${describe(error)}).`))
      .finally(() => setBusy(false));
  };

  const toggle = () => {
    void toggleSidebar(tab).then((done) => (done ? close() : setNote('No sidebar on this page yet: open a ticket.')));
  };

  return (
    <main class="popup" data-testid="popup" data-kind={status.kind}>
      <h1>Deskmate</h1>
      {status.kind === 'unsupported' && <p data-testid="popup-status">Deskmate cannot run on this page.</p>}
      {status.kind === 'built-in' && (
        <p data-testid="popup-status">
          Runs on <span class="origin">{status.site.origin}</span>.
        </p>
      )}
      {status.kind === 'enabled' && (
        <p data-testid="popup-status">
          Enabled on <span class="origin">{status.site.origin}</span>.
        </p>
      )}
      {status.kind === 'available' && (
        <>
          <p data-testid="popup-status">
            Not enabled on <span class="origin">{status.site.origin}</span>.
          </p>
          <p class="muted">
            For a self-hosted helpdesk ({SELF_HOSTED_NAMES}). The browser asks you to allow access to this site;
            ticket text still never leaves the browser.
          </p>
        </>
      )}
      <div class="actions">
        {(status.kind === 'built-in' || status.kind === 'enabled') && (
          <button type="button" class="primary" data-testid="popup-toggle" onClick={toggle}>
            Show or hide the sidebar
          </button>
        )}
        {status.kind === 'available' && (
          <button type="button" class="primary" data-testid="popup-enable" disabled={busy} onClick={() => enable(status.site)}>
            Enable on {status.site.origin}
          </button>
        )}
        {status.kind === 'enabled' && (
          <button type="button" data-testid="popup-disable" disabled={busy} onClick={() => disable(status.site)}>
            Disable
          </button>
        )}
      </div>
      {note && <p role="status">{note}</p>}
    </main>
  );
}
