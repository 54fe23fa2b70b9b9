import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluate } from '../escalation/evaluate';
import type { Guidance } from '../escalation/evaluate';
import { writeNote } from '../escalation/note';
import { defaultRulesFile, loadRulesFile } from '../escalation/rules';
import type { Rules } from '../escalation/rules';
import { score, scoreBy } from '../escalation/score';
import type { Scores } from '../escalation/score';
import { parseLabelledTickets, parseTicketFile } from '../escalation/ticket-file';
import type { FileTicket } from '../escalation/ticket-file';
import { guessLanguage } from '../text/language';
import { table } from './io';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = [
  'usage: npm run kb -- escalate --ticket <ticket.json> [--rules <escalation.yaml>] [--json] [--now <ISO time>] [--tried <text>]',
  '       npm run kb -- escalate --eval <tickets.jsonl> [--label <field>] [--ignore-field <field>]... [--rules <escalation.yaml>] [--json] [--now <ISO time>]',
].join('\n');

/** Ticket fields `--ignore-field` can hide from the rules, such as the one a file's label was made from. */
const IGNORABLE = ['priority', 'status', 'tags', 'requester', 'createdAt'] as const;
type Ignorable = (typeof IGNORABLE)[number];

/** Read and parse failures carry the file in their message; a missing or unreadable file is named here. */
function failure(error: unknown): string {
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' && path) return `${path}: no such file`;
  if (code === 'EISDIR' && path) return `${path}: is a folder, not a file`;
  return error instanceof Error ? error.message : String(error);
}

function humanReport(guidance: Guidance, note: string): string[] {
  const sla = guidance.sla;
  const slaLine = sla.breached
    ? `SLA breached ${-(sla.remainingMinutes ?? 0)} min ago (target ${sla.targetMinutes} min)`
    : sla.remainingMinutes !== undefined
      ? `SLA: ${sla.remainingMinutes} min left of ${sla.targetMinutes}`
      : `SLA: respond within ${sla.targetMinutes} min`;
  return [
    guidance.escalate
      ? `${guidance.severity}: escalate to ${guidance.teamName ?? guidance.team} (${guidance.team}), ${guidance.pathKind ?? 'functional'}`
      : `${guidance.severity}: no escalation needed`,
    slaLine,
    ...(guidance.notify ? [`Also inform: ${guidance.notify}`] : []),
    ...(guidance.reasons.length > 0 ? ['Reasons:', ...guidance.reasons.map((r) => `  - ${r.rule}: ${r.detail}`)] : []),
    ...(guidance.checklist.length > 0 ? ['Before escalating:', ...guidance.checklist.map((item) => `  - ${item.text}`)] : []),
    '',
    note,
  ];
}

function without(ticket: FileTicket, fields: readonly Ignorable[]): FileTicket {
  const copy = { ...ticket };
  for (const field of fields) {
    if (field === 'tags') copy.tags = [];
    else delete copy[field];
  }
  return copy;
}

interface EvalReport extends Scores {
  byLanguage: Record<string, Scores>;
  byQueue: Record<string, Scores>;
  ignored: readonly string[];
}

function evalRows(report: EvalReport): string[] {
  const row = (name: string, s: Scores) => [name, String(s.n), String(s.positives), String(s.predicted), s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3)];
  const header = ['', 'n', 'labelled', 'escalated', 'precision', 'recall', 'F1'];
  return [
    ...table([header, row('all', report), ...Object.entries(report.byLanguage).map(([language, s]) => row(`language ${language}`, s))]),
    '',
    ...table([header, ...Object.entries(report.byQueue).map(([queue, s]) => row(queue, s))]),
    ...(report.ignored.length > 0 ? ['', `Ignored ticket fields: ${report.ignored.join(', ')}`] : []),
  ];
}

async function runEval(rules: Rules, file: string, opts: { label: string; ignore: readonly Ignorable[]; now: Date }): Promise<EvalReport> {
  const tickets = parseLabelledTickets(await readFile(file, 'utf8'), file, opts.label);
  const outcomes = tickets.map(({ ticket, label, queue }) => ({
    label,
    predicted: evaluate(rules, without(ticket, opts.ignore), { now: opts.now }).escalate,
    language: ticket.language || guessLanguage(`${ticket.subject}\n${ticket.latestMessage}`),
    queue: queue ?? 'none',
  }));
  return {
    ...score(outcomes),
    byLanguage: scoreBy(outcomes, (outcome) => outcome.language),
    byQueue: scoreBy(outcomes, (outcome) => outcome.queue),
    ignored: opts.ignore,
  };
}

/**
 * `kb escalate`: the guidance and the note for a ticket file, with the same code as the sidebar; with `--eval`,
 * how far the rules' "escalate" agrees with a labelled file's. `argv` is what follows the command name
 * (a leading `escalate` is accepted too). Returns the exit code.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv[0] === 'escalate' ? argv.slice(1) : argv,
      options: {
        rules: { type: 'string' },
        ticket: { type: 'string' },
        eval: { type: 'string' },
        label: { type: 'string', default: 'escalate' },
        'ignore-field': { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        tried: { type: 'string', default: '' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`escalate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (!values.ticket && !values.eval) {
    io.err(`escalate: --ticket or --eval is required\n${USAGE}`);
    return 2;
  }
  const ignore = values['ignore-field'];
  const unknown = ignore.find((field) => !(IGNORABLE as readonly string[]).includes(field));
  if (unknown !== undefined) {
    io.err(`escalate: --ignore-field "${unknown}" is not one of ${IGNORABLE.join(', ')}`);
    return 2;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    io.err(`escalate: --now "${values.now}" is not a date and time`);
    return 2;
  }

  try {
    const rules = await loadRulesFile(values.rules ?? defaultRulesFile());
    if (values.eval) {
      const report = await runEval(rules, values.eval, { label: values.label, ignore: ignore as Ignorable[], now });
      io.out(values.json ? JSON.stringify(report) : evalRows(report).join('\n'));
      return 0;
    }
    const ticket = parseTicketFile(await readFile(values.ticket!, 'utf8'), values.ticket!);
    const guidance = evaluate(rules, ticket, { now });
    const note = writeNote({ ticket, guidance, articles: [], triedSoFar: values.tried, now }).text;
    if (values.json) {
      const { escalate, severity, team, teamName, pathKind, notify, tier, reasons, checklist, sla } = guidance;
      io.out(JSON.stringify({ escalate, severity, team, teamName, pathKind, notify, tier, reasons, checklist, sla, note }));
    } else {
      io.out(humanReport(guidance, note).join('\n'));
    }
    return 0;
  } catch (error) {
    io.err(failure(error));
    return 1;
  }
}
