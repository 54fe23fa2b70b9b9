import { useEffect, useState } from 'preact/hooks';
import { around, type MessageKey, t } from '../i18n/messages';
import { formatList, uiDirection, uiLanguage } from '../i18n/ui';
import type { Site } from '../permissions/site';
import { disableSite, enableSite, siteStatus, type SiteStatus } from '../permissions/sites';
import { type ActiveTab, activeTab, toggleSidebar } from '../tabs/sidebar';
import { Lookup } from './Lookup';

type Loaded = { tab: ActiveTab; status: SiteStatus };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const SELF_HOSTED_NAMES = ['Request Tracker', 'Zammad', 'FreeScout', 'osTicket'];

/** A sentence about a site, its origin set apart: an address reads left to right in any language. */
function AboutOrigin({ message, origin }: { message: MessageKey; origin: string }) {
  const [before, after] = around(message);
  return (
    <p data-testid="popup-status">
      {before}
      <span class="origin" dir="ltr">
        {origin}
      </span>
      {after}
    </p>
  );
}

/**
 * The toolbar popup: quick lookup in the knowledge base on any page, whether Deskmate runs on the current site,
 * a button to show or hide the sidebar, and for self-hosted helpdesks a button that enables (or disables)
 * Deskmate on this one site.
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
    refresh().catch((error: unknown) => setNote(t('popupTabError', describe(error))));
  }, []);

  const language = uiLanguage();
  const dir = uiDirection();
  if (!loaded) {
    return (
      <main class="popup" data-testid="popup" data-kind="loading" lang={language} dir={dir}>
        <h1>{t('extName')}</h1>
        <Lookup />
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
        setNote(t(result === 'enabled' ? 'popupEnabled' : 'popupNotGranted'));
        await refresh(tab);
      })
      .catch((error: unknown) => setNote(t('popupEnableError', describe(error))))
      .finally(() => setBusy(false));
  };

  const disable = (site: Site) => {
    setBusy(true);
    setNote(null);
    disableSite(site)
      .then(async () => {
        setNote(t('popupDisabled'));
        await refresh(tab);
      })
      .catch((error: unknown) => setNote(t('popupDisableError', describe(error))))
      .finally(() => setBusy(false));
  };

  const toggle = () => {
    void toggleSidebar(tab).then((done) => (done ? close() : setNote(t('popupNoSidebar'))));
  };

  return (
    <main class="popup" data-testid="popup" data-kind={status.kind} lang={language} dir={dir}>
      <h1>{t('extName')}</h1>
      <Lookup />
      {status.kind === 'unsupported' && <p data-testid="popup-status">{t('popupUnsupported')}</p>}
      {status.kind === 'built-in' && <AboutOrigin message="popupRunsOn" origin={status.site.origin} />}
      {status.kind === 'enabled' && <AboutOrigin message="popupEnabledOn" origin={status.site.origin} />}
      {status.kind === 'available' && (
        <>
          <AboutOrigin message="popupNotEnabledOn" origin={status.site.origin} />
          <p class="muted">{t('popupSelfHosted', formatList(SELF_HOSTED_NAMES, 'disjunction'))}</p>
        </>
      )}
      <div class="actions">
        {(status.kind === 'built-in' || status.kind === 'enabled') && (
          <button type="button" class="primary" data-testid="popup-toggle" onClick={toggle}>
            {t('popupToggle')}
          </button>
        )}
        {status.kind === 'available' && (
          <button type="button" class="primary" data-testid="popup-enable" disabled={busy} onClick={() => enable(status.site)}>
            {t('popupEnableOn', status.site.origin)}
          </button>
        )}
        {status.kind === 'enabled' && (
          <button type="button" data-testid="popup-disable" disabled={busy} onClick={() => disable(status.site)}>
            {t('popupDisable')}
          </button>
        )}
      </div>
      {note && <p role="status">{note}</p>}
    </main>
  );
}
