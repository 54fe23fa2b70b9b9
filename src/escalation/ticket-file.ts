import * as z from 'zod/mini';
import { HelpdeskId, LIMITS, type Requester, type Ticket } from '../model/ticket';
import { describeIssue, formatProblem, type RulesProblem } from './schema';

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
});

/** A ticket read from a file: it may name no helpdesk, which nothing in escalation needs. */
export type FileTicket = Omit<Ticket, 'helpdesk'> & { helpdesk?: HelpdeskId };

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

/** Reads a ticket file's text; faults name the file (and the line, for JSON syntax). */
export function parseTicketFile(text: string, fileName: string): FileTicket {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw new TicketFileError(fileName, [{ path: [], message, line: jsonErrorLine(text, error) }]);
  }
  const result = TicketFile.safeParse(data);
  if (!result.success) throw new TicketFileError(fileName, result.error.issues.flatMap((issue) => describeIssue(issue, data)));
  const file = result.data;

  const id = String(file.id).trim();
  if (!id || id.length > LIMITS.id) throw new TicketFileError(fileName, [{ path: ['id'], message: `must be 1 to ${LIMITS.id} characters` }]);
  const subject = (file.subject ?? '').slice(0, LIMITS.subject);
  const latestMessage = (file.latestMessage ?? file.body ?? '').slice(0, LIMITS.latestMessage);
  if (!subject.trim() && !latestMessage.trim()) {
    throw new TicketFileError(fileName, [{ path: [], message: 'the ticket has neither a subject nor a body' }]);
  }
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
  };
}
