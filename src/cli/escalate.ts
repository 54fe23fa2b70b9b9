import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluate, type Guidance } from '../escalation/evaluate';
import { writeNote } from '../escalation/note';
import { defaultRulesFile, loadRulesFile } from '../escalation/rules';
import { parseTicketFile } from '../escalation/ticket-file';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE =
  'usage: npm run kb -- escalate --ticket <ticket.json> [--rules <escalation.yaml>] [--json] [--now <ISO time>] [--tried <text>]';

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
      ? `${guidance.severity}: escalate to ${guidance.teamName ?? guidance.team} (${guidance.team})`
      : `${guidance.severity}: no escalation needed`,
    slaLine,
    ...(guidance.reasons.length > 0 ? ['Reasons:', ...guidance.reasons.map((r) => `  - ${r.rule}: ${r.detail}`)] : []),
    ...(guidance.checklist.length > 0 ? ['Before escalating:', ...guidance.checklist.map((item) => `  - ${item}`)] : []),
    '',
    note,
  ];
}

/**
 * `kb escalate`: the guidance and the note for a ticket file, with the same code as the sidebar.
 * `argv` is what follows the command name (a leading `escalate` is accepted too). Returns the exit code.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv[0] === 'escalate' ? argv.slice(1) : argv,
      options: {
        rules: { type: 'string' },
        ticket: { type: 'string' },
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
  if (!values.ticket) {
    io.err(`escalate: --ticket is required\n${USAGE}`);
    return 2;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    io.err(`escalate: --now "${values.now}" is not a date and time`);
    return 2;
  }

  try {
    const rules = await loadRulesFile(values.rules ?? defaultRulesFile());
    const ticket = parseTicketFile(await readFile(values.ticket, 'utf8'), values.ticket);
    const guidance = evaluate(rules, ticket, { now });
    const note = writeNote({ ticket, guidance, articles: [], triedSoFar: values.tried, now }).text;
    if (values.json) {
      const { escalate, severity, team, teamName, reasons, checklist, sla } = guidance;
      io.out(JSON.stringify({ escalate, severity, team, teamName, reasons, checklist, sla, note }));
    } else {
      io.out(humanReport(guidance, note).join('\n'));
    }
    return 0;
  } catch (error) {
    io.err(failure(error));
    return 1;
  }
}
