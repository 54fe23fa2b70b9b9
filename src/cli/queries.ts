import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { KnowledgeError } from '../knowledge/errors';
import type { Ticket } from '../model/ticket';

/** One line of a queries or feedback file (shared/contracts.md section 3). */
const QueryLine = z.object({
  query: z.optional(z.string()),
  subject: z.optional(z.string()),
  body: z.optional(z.string()),
  relevant: z.array(z.string()),
  locale: z.optional(z.string()),
});

export interface LabelledQuery {
  line: number;
  ticket: Pick<Ticket, 'subject' | 'latestMessage' | 'thread' | 'language'>;
  relevant: string[];
}

/** `query` alone is a ticket whose text is that string; `subject` and `body` fill the ticket's own fields. */
function toTicket(line: z.infer<typeof QueryLine>): LabelledQuery['ticket'] {
  const body = line.body ?? (line.subject === undefined ? (line.query ?? '') : '');
  return { subject: line.subject ?? '', latestMessage: body, thread: body, ...(line.locale ? { language: line.locale } : {}) };
}

/** Reads a queries file; a malformed line is an error naming the file and line. */
export async function readQueries(file: string): Promise<LabelledQuery[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new KnowledgeError(file, undefined, 'cannot read the file');
  }
  const queries: LabelledQuery[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new KnowledgeError(file, i + 1, 'not valid JSON');
    }
    const parsed = QueryLine.safeParse(value);
    if (!parsed.success) {
      throw new KnowledgeError(file, i + 1, 'expected {"query"?, "subject"?, "body"?, "relevant": ["<article id>", ...], "locale"?}');
    }
    const { query, subject, body } = parsed.data;
    if (![query, subject, body].some((s) => s?.trim())) throw new KnowledgeError(file, i + 1, 'no "query", "subject" or "body" text');
    queries.push({ line: i + 1, ticket: toTicket(parsed.data), relevant: parsed.data.relevant });
  });
  return queries;
}
