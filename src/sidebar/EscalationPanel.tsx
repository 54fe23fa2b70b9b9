import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChecklistItem, Guidance } from '../escalation/evaluate';
import type { Note, NoteDraft } from '../escalation/note';
import { t } from '../i18n/messages';
import { formatDateTime } from '../i18n/ui';
import type { InsertResult } from '../model/messages';
import { useMinuteClock } from './escalation-clock';
import { foldDraft, insertMessage, maskedSummary, pathLine, slaLine } from './escalation-text';

export interface EscalationPanelProps {
  guidance: Guidance;
  onCopyNote(draft: NoteDraft): Promise<void>;
  /**
   * Puts the note into the helpdesk's internal-note editor. An `InsertResult` lets the panel word the outcome
   * and copy the note when it did not go in; a string is a message the host has worded (and acted on) itself.
   */
  onInsertNote(draft: NoteDraft): Promise<InsertResult | string>;
  /**
   * Writes the note for a draft. With it the panel previews the note, offers to turn masking off, and hands the
   * host every field of the draft; without it the host is taken to read "tried so far" only, and the ticked
   * items and the ask are folded into that.
   */
  note?: (draft: NoteDraft) => Note;
  /** Raised by one for each copy-note keyboard command: the panel copies the note as its button would. */
  copyRequest?: number;
}

function Checklist(props: { legend: string; items: readonly ChecklistItem[]; ticked: ReadonlySet<string>; onToggle(text: string): void }) {
  if (props.items.length === 0) return null;
  return (
    <fieldset class="checklist">
      <legend>{props.legend}</legend>
      {props.items.map((item) => (
        <label key={item.text} dir="auto">
          <input type="checkbox" checked={props.ticked.has(item.text)} onChange={() => props.onToggle(item.text)} /> {item.text}
          {item.from === 'article' && <span class="muted"> ({item.article.title})</span>}
        </label>
      ))}
    </fieldset>
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="notice" role="alert" data-testid="aa-escalation-warning">
      {warnings.map((warning) => (
        <p key={warning}>{warning}</p>
      ))}
    </div>
  );
}

/** In place of the guidance when there are no rules to give it: why, rather than nothing. */
export function EscalationUnavailable({ warnings }: { warnings: readonly string[] }) {
  return (
    <section class="card escalation" data-testid="aa-escalation" aria-label={t('escalationLabel')}>
      <Warnings warnings={warnings} />
      <h2 class="section-title">{t('noEscalationGuidance')}</h2>
    </section>
  );
}

export function EscalationPanel({ guidance, onCopyNote, onInsertNote, note, copyRequest = 0 }: EscalationPanelProps) {
  const now = useMinuteClock();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState('');
  const [ask, setAsk] = useState('');
  const [masking, setMasking] = useState(true);
  const [message, setMessage] = useState('');

  const draft: NoteDraft = {
    triedSoFar: tried,
    ask,
    checklist: guidance.checklist.map((item) => ({ text: item.text, done: ticked.has(item.text) })),
    redact: masking,
  };
  const forHost = note ? draft : foldDraft(draft);
  const preview = useMemo(() => note?.(draft), [note, guidance, ticked, tried, ask, masking]);

  const sla = slaLine(guidance.sla, now);
  const summary = masking && preview ? maskedSummary(preview.masked) : '';
  const path = pathLine(guidance);
  const fromRules = guidance.checklist.filter((item) => item.from === 'rules');
  const fromArticles = guidance.checklist.filter((item) => item.from === 'article');

  const toggle = (text: string) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (!next.delete(text)) next.add(text);
      return next;
    });

  const copy = () =>
    onCopyNote(forHost).then(
      () => setMessage(t('noteCopied')),
      () => setMessage(t('noteCopyFailed')),
    );

  // A key command is no click: where the browser refuses the clipboard without one, the agent is one Enter
  // away from the same copy, on the button now in focus.
  const copyButton = useRef<HTMLButtonElement>(null);
  const handledCopyRequest = useRef(copyRequest);
  useEffect(() => {
    if (copyRequest === handledCopyRequest.current) return;
    handledCopyRequest.current = copyRequest;
    copyButton.current?.scrollIntoView({ block: 'nearest' });
    onCopyNote(forHost).then(
      () => setMessage(t('noteCopied')),
      () => {
        copyButton.current?.focus();
        setMessage(t('noteCopyPressEnter'));
      },
    );
  }, [copyRequest]);

  const insert = async () => {
    try {
      const result = await onInsertNote(forHost);
      if (typeof result === 'string') setMessage(result);
      else if (result.ok) setMessage(insertMessage(result));
      else {
        // Never left with nothing: what did not go into the editor goes to the clipboard.
        await onCopyNote(forHost);
        setMessage(insertMessage(result));
      }
    } catch {
      setMessage(t('noteAddCopyFailed'));
    }
  };

  return (
    <section
      class={`card escalation ${guidance.escalate ? 'escalate' : ''}`}
      data-testid="aa-escalation"
      data-severity={guidance.severity}
      data-escalate={String(guidance.escalate)}
      data-team={guidance.team}
      aria-label={t('escalationLabel')}
    >
      <Warnings warnings={guidance.warnings} />
      <h2 class="section-title">
        <span class={`severity ${guidance.severity}`}>{guidance.severity}</span>{' '}
        {guidance.escalate ? t('escalateTo', guidance.teamName ?? guidance.team) : t('noEscalationNeeded')}
        {guidance.tier && <span class="tier"> · {t('tierCustomer', guidance.tier.name)}</span>}
      </h2>
      {path && <p class="muted">{path}</p>}
      {guidance.notify && <p class="muted">{t('alsoInform', guidance.notify)}</p>}
      <p class={sla.breached ? 'sla breached' : 'sla muted'} data-testid="aa-escalation-sla">
        {guidance.sla.dueAt ? (
          <time dateTime={guidance.sla.dueAt} title={formatDateTime(guidance.sla.dueAt)}>
            {sla.text}
          </time>
        ) : (
          sla.text
        )}
      </p>
      {guidance.reasons.length > 0 && (
        <ul class="reasons">
          {guidance.reasons.map((reason) => (
            <li key={reason.rule + reason.detail} dir="auto">
              <strong>{reason.rule}</strong>: {reason.detail}
            </li>
          ))}
        </ul>
      )}
      <details class="prepare" open={guidance.escalate}>
        <summary>{t('checklistAndNote')}</summary>
        <Checklist legend={t('beforeEscalating')} items={fromRules} ticked={ticked} onToggle={toggle} />
        <Checklist legend={t('fromArticles')} items={fromArticles} ticked={ticked} onToggle={toggle} />
        <label class="tried">
          {t('triedSoFar')}
          <textarea
            rows={3}
            value={tried}
            dir="auto"
            data-testid="aa-note-tried"
            onInput={(event) => setTried((event.target as HTMLTextAreaElement).value)}
          />
        </label>
        <label class="tried">
          {t('theAsk')}
          <textarea rows={2} value={ask} dir="auto" data-testid="aa-note-ask" onInput={(event) => setAsk((event.target as HTMLTextAreaElement).value)} />
        </label>
        {preview && (
          <>
            <label>
              <input type="checkbox" checked={masking} data-testid="aa-note-redact" onChange={() => setMasking((on) => !on)} /> {t('maskingLabel')}
            </label>
            <details class="note-preview">
              <summary>{summary ? t('previewNoteMasked', summary) : t('previewNote')}</summary>
              <pre dir={preview.dir} lang={preview.language} data-testid="aa-note-preview">
                {preview.text}
              </pre>
            </details>
          </>
        )}
      </details>
      <div class="actions">
        <button type="button" class="primary" data-testid="aa-copy-note" ref={copyButton} onClick={() => void copy()}>
          {t('copyNote')}
        </button>
        <button type="button" data-testid="aa-insert-note" onClick={() => void insert()}>
          {t('addInternalNote')}
        </button>
      </div>
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
