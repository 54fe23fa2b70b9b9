import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FLAG_BOUNDS, FLAG_REASONS, type FlagReason } from '../flags/model';
import { type MessageKey, t } from '../i18n/messages';
import { uiDirection, uiLanguage } from '../i18n/ui';
import type { Article } from '../model/article';
import type { Flagging } from './flags';

const REASON_LABELS: Readonly<Record<FlagReason, MessageKey>> = { wrong: 'flagWrong', outdated: 'flagOutdated' };

interface Props {
  article: Article;
  onFlag: Flagging['flag'];
}

/**
 * "Flag" on an answer: opens a small form in its card (why: wrong or outdated, and an optional comment for the
 * answer's owner). Focus goes to the first choice on opening and back to the button on closing; Escape
 * closes it. The form stays open when the flag could not be stored, so nothing the agent wrote is lost.
 */
export function FlagAnswer({ article, onFlag }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const id = useId();

  // Before the next paint, not after it: keys pressed right after opening reach the form, not the button.
  useLayoutEffect(() => {
    if (open) firstChoice.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setReason(null);
    setComment('');
    setMissingReason(false);
    button.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!reason) {
      setMissingReason(true);
      firstChoice.current?.focus();
      return;
    }
    setBusy(true);
    const stored = await onFlag(article, reason, comment);
    setBusy(false);
    if (stored) close();
  };

  return (
    <>
      <button
        type="button"
        ref={button}
        data-testid="aa-flag"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        title={t('flagTitle')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('flag')}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          class="flag-form"
          data-testid="aa-flag-form"
          // The card takes the answer's direction; the form is in the interface's language.
          lang={uiLanguage()}
          dir={uiDirection()}
          aria-label={t('flagTitle')}
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            close();
          }}
        >
          <fieldset class="flag-reasons" aria-describedby={missingReason ? `${id}-missing` : undefined}>
            <legend>{t('flagReasonLegend')}</legend>
            {FLAG_REASONS.map((value, at) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={value}
                  data-testid="aa-flag-reason"
                  ref={at === 0 ? firstChoice : undefined}
                  checked={reason === value}
                  onChange={() => {
                    setReason(value);
                    setMissingReason(false);
                  }}
                />{' '}
                {t(REASON_LABELS[value])}
              </label>
            ))}
          </fieldset>
          {missingReason && (
            <p id={`${id}-missing`} class="flag-missing" role="alert">
              {t('flagReasonMissing')}
            </p>
          )}
          <label class="flag-comment">
            {t('flagComment')}
            <textarea
              data-testid="aa-flag-comment"
              rows={2}
              maxLength={FLAG_BOUNDS.comment}
              dir="auto"
              aria-describedby={`${id}-hint`}
              value={comment}
              onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)}
            />
          </label>
          <p id={`${id}-hint`} class="muted flag-hint">
            {t('flagCommentHint')}
          </p>
          <div class="flag-buttons">
            <button type="submit" class="primary" data-testid="aa-flag-submit" disabled={busy}>
              {t('flagSubmit')}
            </button>
            <button type="button" onClick={close}>
              {t('flagCancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
