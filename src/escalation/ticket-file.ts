import * as z from 'zod/mini';
import { HelpdeskId, LIMITS } from '../model/ticket';
import type { Requester, Ticket } from '../model/ticket';
import { describeIssue, formatProblem } from './schema';
import type { RulesProblem } from './schema';

/**
 * A ticket saved as JSON for the CLI (shared/contracts.md section 3): `body` stands for the latest message
 * and the thread, `requester` may be a plain string, and fields of the Ticket model itself are read too.
 * Fields it does not know are ignored, so exports from a helpdesk can be used as they are.
 */
const Scalar = z.union([z.string(), z.number()]);
const TicketFile = z.looseObject({
  id: Scalar,
  subject: z.nullish(z.string()),
  body: z.nullish(z.string()),
  latestMessage: z.nullish(z.string()),
  thread: z.nullish(z.string()),
  priority: z.nullish(Scalar),
  status: z.nullish(z.string()),
  tags: z.nullish(z.union([z.array(Scalar), z.string()])),
  requester: z.nullish(z.union([z.string(), z.looseObject({ name: z.nullish(z.string()), email: z.nullish(z.string()) })])),
  createdAt: z.nullish(z.string()),
  language: z.nullish(z.string()),
  helpdesk: z.nullish(z.string()),
  url: z.nullish(z.string()),
  reopens: z.nullish(z.number().check(z.int(), z.nonnegative())),
  contacts: z.nullish(z.number().check(z.int(), z.nonnegative())),
});

/**
 * A ticket read from a file: it may name no helpdesk, which nothing in escalation needs, and may carry the
 * counts some helpdesks show (times reopened, messages from the customer).
 */
export type FileTicket = Omit<Ticket, 'helpdesk'> & { helpdesk?: HelpdeskId; reopens?: number; contacts?: number };

export class TicketFileError extends Error {
  constructor(file: string, problems: readonly RulesProblem[]) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
    this.name = 'TicketFileError';
  }
}

const NAME_AND_EMAIL = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/;

function short(value: string | number | null | undefined): string | undefined {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text ? text.slice(0, LIMITS.short) : undefined;
}

function requesterOf(value: string | { name?: string | null; email?: string | null }): Requester | undefined {
  if (typeof value !== 'string') {
    const requester = { name: short(value.name), email: short(value.email) };
    return requester.name || requester.email ? requester : undefined;
  }
  const both = NAME_AND_EMAIL.exec(value.trim());
  if (both) return { name: short(both[1]), email: short(both[2]) };
  if (!value.trim()) return undefined;
  return /^\S+@\S+$/.test(value.trim()) ? { email: short(value) } : { name: short(value) };
}

function tagsOf(value: readonly (string | number)[] | string): string[] {
  // A string is read the way helpdesks export tag fields: separated by spaces or commas.
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : value.map(String);
  return list
    .map((tag) => tag.trim().slice(0, LIMITS.tag))
    .filter(Boolean)
    .slice(0, LIMITS.tags);
}

/** The line of a JSON.parse error, when the engine names the position. */
function jsonErrorLine(text: string, error: unknown): number | undefined {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
}

/** A ticket from parsed JSON; `line` is where it stands in a file of one ticket a line. */
function ticketFromData(data: unknown, fileName: string, line?: number): FileTicket {
  const fault = (problems: RulesProblem[]) => new TicketFileError(fileName, problems.map((problem) => ({ ...problem, line: problem.line ?? line })));
  const result = TicketFile.safeParse(data);
  if (!result.success) throw fault(result.error.issues.flatMap((issue) => describeIssue(issue, data)));
  const file = result.data;

  const id = String(file.id).trim();
  if (!id || id.length > LIMITS.id) throw fault([{ path: ['id'], message: `must be 1 to ${LIMITS.id} characters` }]);
  const subject = (file.subject ?? '').slice(0, LIMITS.subject);
  const latestMessage = (file.latestMessage ?? file.body ?? '').slice(0, LIMITS.latestMessage);
  if (!subject.trim() && !latestMessage.trim()) throw fault([{ path: [], message: 'the ticket has neither a subject nor a body' }]);
  const helpdesk = HelpdeskId.safeParse(file.helpdesk);
  return {
    id,
    helpdesk: helpdesk.success ? helpdesk.data : undefined,
    url: (file.url ?? '').slice(0, 2_000),
    subject,
    latestMessage,
    thread: (file.thread ?? file.body ?? latestMessage).slice(0, LIMITS.thread),
    tags: file.tags ? tagsOf(file.tags) : [],
    requester: file.requester ? requesterOf(file.requester) : undefined,
    priority: short(file.priority),
    status: short(file.status),
    createdAt: short(file.createdAt),
    language: short(file.language)?.slice(0, 16),
    ...(typeof file.reopens === 'number' && { reopens: file.reopens }),
    ...(typeof file.contacts === 'number' && { contacts: file.contacts }),
  };
}

/** Reads a ticket file's text; faults name the file (and the line, for JSON syntax). */
export function parseTicketFile(text: string, fileName: string): FileTicket {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw new TicketFileError(fileName, [{ path: [], message, line: jsonErrorLine(text, error) }]);
  }
  return ticketFromData(data, fileName);
}

export interface LabelledTicket {
  ticket: FileTicket;
  /** The file's answer to "should this ticket escalate?". */
  label: boolean;
  /** Where the file files the ticket (`queue`, else `group`), for figures per queue. */
  queue?: string;
  line: number;
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

function labelOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * A `.jsonl` file of tickets, one a line, each with a yes/no `labelField` (`"escalate": true`). Blank lines
 * are skipped; every fault names the file and the line.
 */
export function parseLabelledTickets(text: string, fileName: string, labelField = 'escalate'): LabelledTicket[] {
  const tickets: LabelledTicket[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new TicketFileError(fileName, [{ path: [], message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, line }]);
    }
    const ticket = ticketFromData(data, fileName, line);
    const record = data as Record<string, unknown>;
    const label = labelOf(record[labelField]);
    if (label === undefined) {
      throw new TicketFileError(fileName, [{ path: [labelField], message: 'expected true or false', line }]);
    }
    const queue = record.queue ?? record.group;
    tickets.push({ ticket, label, line, ...(typeof queue === 'string' && queue.trim() && { queue: queue.trim() }) });
  });
  return tickets;
}
