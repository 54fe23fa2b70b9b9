// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Guidance } from '../../src/escalation/evaluate';
import { writeNote } from '../../src/escalation/note';
import type { NoteDraft } from '../../src/escalation/note';
import type { InsertResult } from '../../src/model/messages';
import { EscalationPanel } from '../../src/sidebar/EscalationPanel';
import type { EscalationPanelProps } from '../../src/sidebar/EscalationPanel';
import { foldDraft, maskedSummary, slaLine } from '../../src/sidebar/escalation-text';

const NOW = new Date('2026-11-20T10:12:30Z');

const guidance: Guidance = {
  escalate: true,
  severity: 'P1',
  team: 'security',
  teamName: 'Security',
  teamPath: 'helpdesk group "Security"',
  pathKind: 'functional',
  notify: 'the support duty manager',
  tier: { id: 'vip', name: 'VIP' },
  reasons: [{ rule: 'security-breach', detail: '"data breach" in subject' }],
  checklist: [
    { text: 'Note what was exposed', from: 'rules', rule: 'security-breach' },
    { text: 'Escalate to Security if customer data left the account', from: 'article', article: { id: 'breach', title: 'Suspected breach' } },
  ],
  sla: { targetMinutes: 15, dueAt: '2026-11-20T10:15:00.000Z', remainingMinutes: 2, breached: false },
  warnings: [],
};

const ticket = {
  id: '35121',
  subject: 'Data breach',
  tags: [],
  url: 'https://acme.zendesk.com/agent/tickets/35121',
  requester: { name: 'Priya Nair', email: 'priya.nair@example.com' },
  createdAt: '2026-11-20T10:00:00Z',
};

let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

function show(props: Partial<EscalationPanelProps> = {}) {
  const calls = { copied: [] as NoteDraft[], inserted: [] as NoteDraft[] };
  const all: EscalationPanelProps = {
    guidance,
    onCopyNote: async (draft) => void calls.copied.push(draft),
    onInsertNote: async (draft): Promise<InsertResult> => {
      calls.inserted.push(draft);
      return { ok: true };
    },
    ...props,
  };
  act(() => render(<EscalationPanel {...all} />, host));
  return calls;
}

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
const text = () => host.textContent ?? '';

async function type(selector: string, value: string) {
  const field = $<HTMLTextAreaElement>(selector);
  field.value = value;
  await act(() => {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
    await Promise.resolve();
  });
}

describe('the guidance', () => {
  it('shows severity, team and path, who else to tell, the tier, and why', () => {
    show();
    const root = $('[data-testid="aa-escalation"]');
    expect([root.dataset.severity, root.dataset.escalate, root.dataset.team]).toEqual(['P1', 'true', 'security']);
    expect(text()).toContain('Escalate to Security · VIP customer');
    expect(text()).toContain('Functional escalation via helpdesk group "Security"');
    expect(text()).toContain('Also inform the support duty manager');
    expect(text()).toContain('security-breach: "data breach" in subject');
  });

  it('counts the SLA down each minute, and says when it is missed', async () => {
    show();
    const sla = () => $('[data-testid="aa-escalation-sla"]').textContent;
    expect(sla()).toBe('Response due in 2 minutes (target 15 minutes)');
    await act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(sla()).toBe('Response due in 1 minute (target 15 minutes)');
    await act(() => {
      vi.advanceTimersByTime(3 * 60_000);
    });
    expect(sla()).toBe('Response target missed: was due 2 minutes ago (target 15 minutes)');
    expect($('[data-testid="aa-escalation-sla"]').className).toContain('breached');
    expect($('time').getAttribute('datetime')).toBe('2026-11-20T10:15:00.000Z');
  });

  it('shows the warnings of rules that stand in for a broken file', () => {
    show({ guidance: { ...guidance, warnings: ['team.yaml was not used: the last good rules apply.', 'team.yaml:3: teams: missing'] } });
    expect($('[data-testid="aa-escalation-warning"]').textContent).toBe('team.yaml was not used: the last good rules apply.team.yaml:3: teams: missing');
  });
});

describe('the note draft', () => {
  it('carries the ticked items, what was tried, the ask and the masking choice to a host that writes the note', async () => {
    const note = (draft: NoteDraft) => writeNote({ ticket, guidance, articles: [], now: new Date(), ...draft });
    const calls = show({ note });
    const boxes = host.querySelectorAll<HTMLInputElement>('.checklist input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    expect(text()).toContain('From the suggested articles');
    expect(text()).toContain('(Suspected breach)');
    await click(boxes[1]!);
    await type('[data-testid="aa-note-tried"]', 'Locked the admin account');
    await type('[data-testid="aa-note-ask"]', 'Confirm what was exported by 14:00');
    await click($('[data-testid="aa-copy-note"]'));
    expect(calls.copied).toEqual([
      {
        triedSoFar: 'Locked the admin account',
        ask: 'Confirm what was exported by 14:00',
        checklist: [
          { text: 'Note what was exposed', done: false },
          { text: 'Escalate to Security if customer data left the account', done: true },
        ],
        redact: true,
      },
    ]);
    expect(text()).toContain('Escalation note copied.');
  });

  it('previews the note, masked unless the agent says otherwise', async () => {
    show({ note: (draft) => writeNote({ ticket, guidance, articles: [], now: new Date(), ...draft }) });
    const preview = () => $('[data-testid="aa-note-preview"]').textContent ?? '';
    expect(preview()).toContain('Ticket: 35121');
    expect(preview()).toContain('Requester: Priya Nair <[hidden email]>');
    expect(text()).toContain('Preview the note (1 email address hidden)');
    await click($('[data-testid="aa-note-redact"]'));
    expect(preview()).toContain('priya.nair@example.com');
  });

  it('folds the ticks and the ask into "tried so far" for a host that reads only that', async () => {
    const calls = show();
    expect(host.querySelector('[data-testid="aa-note-preview"]')).toBeNull();
    expect(host.querySelector('[data-testid="aa-note-redact"]')).toBeNull();
    await click(host.querySelectorAll<HTMLInputElement>('.checklist input')[0]!);
    await type('[data-testid="aa-note-tried"]', 'Locked the admin account');
    await type('[data-testid="aa-note-ask"]', 'Confirm the export');
    await click($('[data-testid="aa-copy-note"]'));
    expect(calls.copied).toEqual([{ triedSoFar: '- [x] Note what was exposed\nLocked the admin account\nAsk: Confirm the export' }]);
  });
});

describe('adding the note to the helpdesk', () => {
  it('says so when it went into the internal note', async () => {
    const calls = show();
    await click($('[data-testid="aa-insert-note"]'));
    expect(calls.inserted).toHaveLength(1);
    expect(calls.copied).toHaveLength(0);
    expect($('[role="status"]').textContent).toBe('Added to the internal note.');
  });

  it('copies instead, and asks for the internal-note mode, when the composer is on public reply', async () => {
    const calls = show({ onInsertNote: async () => ({ ok: false, reason: 'wrong-mode' }) });
    await click($('[data-testid="aa-insert-note"]'));
    await act(() => Promise.resolve());
    expect(calls.copied).toHaveLength(1);
    expect($('[role="status"]').textContent).toBe('The composer is on public reply: switch it to Internal note, or paste the note, which was copied.');
  });

  it('shows a host’s own message as it is', async () => {
    show({ onInsertNote: async () => 'No internal-note editor found: the note was copied instead.' });
    await click($('[data-testid="aa-insert-note"]'));
    expect($('[role="status"]').textContent).toBe('No internal-note editor found: the note was copied instead.');
  });

  it('says when neither worked', async () => {
    show({ onInsertNote: async () => ({ ok: false, reason: 'no-editor' }), onCopyNote: () => Promise.reject(new Error('denied')) });
    await click($('[data-testid="aa-insert-note"]'));
    await act(() => Promise.resolve());
    expect($('[role="status"]').textContent).toBe('The note could not be added or copied: copy it from the preview by hand.');
  });
});

describe('panel wording', () => {
  it('words the SLA relative to now, in the largest sensible unit', () => {
    const sla = { targetMinutes: 60, dueAt: '2026-11-20T12:00:00.000Z', remainingMinutes: 0, breached: false };
    expect(slaLine(sla, new Date('2026-11-20T09:00:00Z')).text).toBe('Response due in 3 hours (target 1 hour)');
    expect(slaLine(sla, new Date('2026-11-23T12:00:00Z')).text).toBe('Response target missed: was due 3 days ago (target 1 hour)');
    expect(slaLine({ targetMinutes: 1440, breached: false }, NOW).text).toBe('Respond within 1 day (created time unknown)');
  });

  it('sums up what masking hid', () => {
    expect(maskedSummary({ email: 2, phone: 0, card: 1, iban: 0, token: 1, password: 0 })).toBe('2 email addresses, 1 card number, and 1 token hidden');
    expect(maskedSummary({ email: 0, phone: 0, card: 0, iban: 0, token: 0, password: 0 })).toBe('');
  });

  it('folds nothing into an empty draft', () => {
    expect(foldDraft({ triedSoFar: '  ', ask: '', checklist: [{ text: 'x', done: false }] })).toEqual({ triedSoFar: '' });
  });
});
