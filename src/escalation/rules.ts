import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRules, parseRulesStrict } from './parse';
import type { Rules } from './schema';

/**
 * Reading escalation-rules files. Node and build side only: the sidebar takes the compiled JSON through
 * `parseRulesJson` in ./schema, and YAML text through ./parse.
 */
export { parseRules, parseRulesStrict } from './parse';
export { parseRulesJson, RulesError } from './schema';
export type { Rules } from './schema';

export const RULES_FILE_NAME = 'escalation.yaml';

/**
 * The project's own rules, used where a knowledge folder brings none (shared/contracts.md section 4).
 * A function, not a constant: nothing here may run when a browser bundle imports this module.
 */
export function defaultRulesFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge', RULES_FILE_NAME);
}

/** Paths inside the working folder as they are typed (`knowledge/escalation.yaml`), others in full. */
function displayName(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

/** The build and the CLI read rules this way: a fault fails loudly, with its file and line. */
async function readRules(file: string, base?: Rules): Promise<Rules> {
  return parseRulesStrict(await readFile(file, 'utf8'), displayName(file), base);
}

/** One rules file; the sections it leaves out come from the project's defaults. */
export async function loadRulesFile(file: string): Promise<Rules> {
  const path = resolve(file);
  const defaults = await readRules(defaultRulesFile());
  return path === defaultRulesFile() ? defaults : readRules(path, defaults);
}

/**
 * The rules for a knowledge folder: its `escalation.yaml` over the project's defaults, or the defaults alone.
 * With `fallback` (the build), a broken `escalation.yaml` in the folder gives the project's defaults, the last
 * good rules, with its faults (file and line) as `warnings`; the project's own file must still be good.
 */
export async function loadRules(dir: string, opts: { fallback?: boolean } = {}): Promise<Rules> {
  const file = join(resolve(dir), RULES_FILE_NAME);
  const present = await access(file).then(
    () => true,
    () => false,
  );
  if (!present) return readRules(defaultRulesFile());
  if (!opts.fallback) return loadRulesFile(file);
  const defaults = await readRules(defaultRulesFile());
  return file === defaultRulesFile() ? defaults : parseRules(await readFile(file, 'utf8'), displayName(file), defaults);
}
