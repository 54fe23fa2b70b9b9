import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { type Path, type Rules, RulesError, type RulesProblem, validateRules } from './schema';

/**
 * Reading escalation rules from YAML, with the line of every fault. Node and build side only: the
 * sidebar takes the compiled JSON through `parseRulesJson` in ./schema, without a YAML parser.
 */
export { parseRulesJson, type Rules, RulesError } from './schema';

export const RULES_FILE_NAME = 'escalation.yaml';

/**
 * The project's own rules, used where a knowledge folder brings none (shared/contracts.md section 4).
 * A function, not a constant: nothing here may run when a browser bundle imports this module.
 */
export function defaultRulesFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge', RULES_FILE_NAME);
}

/** The 1-based line of the node at `path`, or of its nearest ancestor present in the file. */
function lineAt(doc: Document, lines: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (!item) break;
      offset = (item as Node).range?.[0];
      node = item;
    } else break;
  }
  offset ??= path.length === 0 ? (doc.contents as Node | null)?.range?.[0] : undefined;
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parses and checks an escalation-rules file. Every fault names `fileName` and its line:
 * `knowledge/escalation.yaml:42: triggers[3].team: unknown team "biling" (teams: ...)`.
 * With `fallback`, the top-level sections the file leaves out are taken from it as they are.
 */
export function parseRules(text: string, fileName: string, fallback?: Rules): Rules {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const [syntax] = doc.errors;
  if (syntax) {
    // The library's message ends with the position and a code excerpt; the line goes in front instead.
    const message = syntax.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
    throw new RulesError(fileName, [{ path: [], message, line: syntax.linePos?.[0].line }]);
  }
  let own: unknown;
  try {
    own = doc.toJS();
  } catch (error) {
    // Alias bombs are refused here rather than expanded.
    throw new RulesError(fileName, [{ path: [], message: error instanceof Error ? error.message : String(error) }]);
  }
  const data = fallback && (own === null || own === undefined || isRecord(own)) ? { ...fallback, ...own } : own;
  const { rules, problems } = validateRules(data);
  if (problems) {
    throw new RulesError(
      fileName,
      problems.map((problem): RulesProblem => ({ ...problem, line: lineAt(doc, lines, problem.path) })),
    );
  }
  return rules;
}

/** Paths inside the working folder as they are typed (`knowledge/escalation.yaml`), others in full. */
function displayName(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

async function readRules(file: string, fallback?: Rules): Promise<Rules> {
  return parseRules(await readFile(file, 'utf8'), displayName(file), fallback);
}

/** One rules file; the sections it leaves out come from the project's defaults. */
export async function loadRulesFile(file: string): Promise<Rules> {
  const path = resolve(file);
  const defaults = await readRules(defaultRulesFile());
  return path === defaultRulesFile() ? defaults : readRules(path, defaults);
}

/** The rules for a knowledge folder: its `escalation.yaml` over the project's defaults, or the defaults alone. */
export async function loadRules(dir: string): Promise<Rules> {
  const file = join(resolve(dir), RULES_FILE_NAME);
  const present = await access(file).then(
    () => true,
    () => false,
  );
  return present ? loadRulesFile(file) : readRules(defaultRulesFile());
}
