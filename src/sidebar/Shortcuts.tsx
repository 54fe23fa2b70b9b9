import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COMMANDS } from '../commands/keys';
import { type MessageKey, t } from '../i18n/messages';

// Key names stay as printed on the keyboard in every language, and read left to right (`dir` below).
const SHORTCUTS: readonly [string, MessageKey][] = [
  ['/', 'searchLabel'],
  ['↓ ↑', 'shortcutMove'],
  ['Enter', 'shortcutOpen'],
  ['i', 'shortcutInsert'],
  ['c', 'shortcutCopy'],
  ['l', 'shortcutCopyLink'],
  ['Esc', 'shortcutEscape'],
  ['?', 'shortcutHelp'],
];

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The keys the browser has actually bound to the extension's commands: the user may have changed or cleared
 * the suggested ones, or another extension may hold them. `undefined` until the browser answers, and where it
 * has no commands API (Firefox for Android).
 */
function useAssignedKeys(): ReadonlyMap<string, string> | undefined {
  const [keys, setKeys] = useState<ReadonlyMap<string, string>>();
  useEffect(() => {
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(
        (commands) => setKeys(new Map(commands.flatMap((command) => (command.name ? [[command.name, command.shortcut ?? '']] : [])))),
        () => undefined,
      );
  }, []);
  return keys;
}

function Row({ keys, what }: { keys: string; what: string }) {
  return (
    <div>
      <dt>{keys ? <kbd dir="ltr">{keys}</kbd> : <span class="muted">{t('shortcutNotSet')}</span>}</dt>
      <dd>{what}</dd>
    </div>
  );
}

/**
 * The cheat sheet, a modal dialog: focus moves into it, Tab stays inside it, and closing it returns focus to
 * where it was (the `?` button, or the answer the agent was on).
 */
export function Shortcuts({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLElement>(null);
  const assigned = useAssignedKeys();
  // Where the focus was when the dialog opened, read as it first renders, before anything moves it.
  const [opener] = useState(() => document.activeElement);

  useEffect(() => {
    dialog.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent) => {
    // The sidebar's `/` would move focus out from under the dialog; Esc and ? still reach it and close it.
    if (event.key === '/') event.stopPropagation();
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && active === last) {
      first.focus();
      event.preventDefault();
    }
  };

  return (
    <section
      class="card shortcuts"
      role="dialog"
      aria-modal="true"
      aria-label={t('shortcutsTitle')}
      tabIndex={-1}
      ref={dialog}
      onKeyDown={trapTab}
    >
      <h2>{t('shortcutsTitle')}</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <Row key={keys} keys={keys} what={t(what)} />
        ))}
      </dl>
      {assigned && (
        <>
          <h3>{t('shortcutsBrowser')}</h3>
          <dl data-testid="aa-shortcuts-commands">
            {COMMANDS.map(({ name, description }) => (
              <Row key={name} keys={assigned.get(name) ?? ''} what={t(description)} />
            ))}
          </dl>
          <p class="muted">{t('shortcutsChange')}</p>
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}
