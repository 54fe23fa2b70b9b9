import { useState } from 'preact/hooks';
import type { Guidance } from '../escalation/evaluate';

interface Props {
  guidance: Guidance;
  onCopyNote(input: { triedSoFar: string }): Promise<void>;
  onInsertNote(input: { triedSoFar: string }): Promise<string>;
}

function slaText(sla: Guidance['sla']): string {
  if (sla.breached) return `SLA breached (target ${sla.targetMinutes} min)`;
  if (sla.remainingMinutes !== undefined) return `${sla.remainingMinutes} min left of ${sla.targetMinutes}`;
  return `respond within ${sla.targetMinutes} min`;
}

export function EscalationPanel({ guidance, onCopyNote, onInsertNote }: Props) {
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [tried, setTried] = useState('');
  const [message, setMessage] = useState('');

  const triedSoFar = () =>
    [...guidance.checklist.filter((_, i) => checked.has(i)).map((item) => `- [x] ${item}`), tried.trim()]
      .filter(Boolean)
      .join('\n');

  const toggle = (i: number) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (!next.delete(i)) next.add(i);
      return next;
    });

  return (
    <section
      class={`card escalation ${guidance.escalate ? 'escalate' : ''}`}
      data-testid="aa-escalation"
      data-severity={guidance.severity}
      data-escalate={String(guidance.escalate)}
      data-team={guidance.team}
      aria-label="Escalation guidance"
    >
      <h2 class="section-title">
        <span class={`severity ${guidance.severity}`}>{guidance.severity}</span>{' '}
        {guidance.escalate ? `Escalate to ${guidance.teamName ?? guidance.team}` : 'No escalation needed'}
      </h2>
      <p class="muted">{slaText(guidance.sla)}</p>
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
        <summary>Checklist and note</summary>
        {guidance.checklist.length > 0 && (
          <fieldset class="checklist">
            <legend>Before escalating</legend>
            {guidance.checklist.map((item, i) => (
              <label key={item} dir="auto">
                <input type="checkbox" checked={checked.has(i)} onChange={() => toggle(i)} /> {item}
              </label>
            ))}
          </fieldset>
        )}
        <label class="tried">
          Tried so far
          <textarea
            rows={3}
            value={tried}
            dir="auto"
            onInput={(event) => setTried((event.target as HTMLTextAreaElement).value)}
          />
        </label>
      </details>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="aa-copy-note"
          onClick={() =>
            void onCopyNote({ triedSoFar: triedSoFar() }).then(
              () => setMessage('Escalation note copied.'),
              () => setMessage('Copying failed: select the note text and copy it by hand.'),
            )
          }
        >
          Copy escalation note
        </button>
        <button
          type="button"
          onClick={() => void onInsertNote({ triedSoFar: triedSoFar() }).then(setMessage)}
        >
          Add as internal note
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
