import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KnowledgeError } from '../knowledge/errors';
import { parseFieldMap } from '../knowledge/import';
import type { ImportNotice } from '../knowledge/import/types';
import type { LoadOptions } from '../knowledge/load';

/** Where a command writes: one call is one line. Tests pass collectors; `kb.ts` passes stdout and stderr. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A command of `npm run kb`: resolves to its exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

/** Exit codes: problems found (lint) or data at fault; wrong usage. */
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A usage mistake: the message is printed with the command's usage line. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || !value) throw new UsageError(`${flag} <path> is required`);
  return value;
}

/** Runs a command body, turning usage and knowledge errors into a message on stderr and an exit code. */
export async function guard(io: Io, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nusage: ${usage}`);
      return EXIT_USAGE;
    }
    if (error instanceof KnowledgeError) {
      io.err(error.message);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}

/** Fixed-width columns for human output. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** The options every command that reads a knowledge base takes. */
export const KB_OPTIONS = { kb: { type: 'string' }, map: { type: 'string' } } as const;

/** `--map title=Question,body=Answer` as load options. */
export function loadOptions(map: string | boolean | undefined): LoadOptions {
  if (typeof map !== 'string') return {};
  try {
    return { map: parseFieldMap(map) };
  } catch (error) {
    throw new UsageError(`--map: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * What an import fixed, flagged or skipped, on stderr (stdout keeps the command's own output): at most
 * `limit` lines, then how many more.
 */
export function reportNotices(io: Io, notices: readonly ImportNotice[], limit = Infinity): void {
  for (const notice of notices.slice(0, limit)) {
    const where = notice.id ?? `${notice.file}${notice.line === undefined ? '' : `:${notice.line}`}`;
    io.err(`${where}: ${notice.kind}: ${notice.message}`);
  }
  if (notices.length > limit) io.err(`... and ${notices.length - limit} more notice(s): npm run kb -- lint lists them all`);
}
