import * as z from 'zod/mini';
import { ARTICLE_FIELDS } from '../import/types';
import type { ImportStep } from './import';
import { Source, SourceKind } from './model';
import { RebuildRequest, type RebuildPhase } from './rebuild';
import type { SyncOutcome } from './sync';

/**
 * What a page of the extension and the knowledge worker (worker.ts) say to each other. The page asks for one
 * job a worker: a rebuild, an import of files, or a sync of knowledge source URLs. The worker does all of it
 * but what needs a DOM, which it asks of the page a batch at a time (dom-bridge.ts): so reading, checking and
 * indexing 100,000 articles never hold up a page, and the page's part of it is one short task a batch.
 */

export const ImportRequest = z.object({
  type: z.literal('import'),
  files: z.array(z.object({ name: z.string().check(z.minLength(1), z.maxLength(2_100)), bytes: z.instanceof(Uint8Array) })),
  kind: SourceKind,
  name: z.string().check(z.minLength(1), z.maxLength(2_100)),
  map: z.optional(z.partialRecord(z.enum(ARTICLE_FIELDS), z.string())),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const SyncRequest = z.object({ type: z.literal('sync'), sources: z.array(Source) });
export type SyncRequest = z.infer<typeof SyncRequest>;

export const WorkerRequest = z.union([RebuildRequest, ImportRequest, SyncRequest]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

/** How far a job is: an import's steps, then the rebuild's phases. */
export type Progress = ImportStep | { step: 'rebuild'; phase: RebuildPhase; done: number; total: number };

export type JobResult =
  /** The knowledge base's article count after a rebuild; undefined when its articles did not change. */
  | { kind: 'rebuilt'; count: number | undefined }
  | { kind: 'imported'; source: Source; count: number }
  | { kind: 'synced'; outcomes: SyncOutcome[] };

/** The worker asks the page for DOM work: sanitise a batch of HTML bodies, or take an HTML page apart. */
export type DomAsk = { type: 'dom'; id: number; op: 'clean'; htmls: string[] } | { type: 'dom'; id: number; op: 'page'; html: string };

const CleanHtml = z.object({ html: z.string(), text: z.string(), fixes: z.array(z.string()) });
const HtmlPage = z.object({ heading: z.string(), confluence: z.boolean(), main: z.nullable(z.string()), lang: z.nullable(z.string()) });

/** The page's answer to a DomAsk. */
export const DomAnswer = z.object({
  type: z.literal('dom'),
  id: z.number(),
  cleaned: z.optional(z.array(CleanHtml)),
  page: z.optional(HtmlPage),
  error: z.optional(z.string()),
});
export type DomAnswer = z.infer<typeof DomAnswer>;

export type WorkerEvent = { type: 'progress'; progress: Progress } | DomAsk | { type: 'done'; result: JobResult } | { type: 'failed'; message: string };
