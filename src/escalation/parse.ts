import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Path, Rules, RulesProblem } from './schema';
import { faultLines, RulesError, validateRules } from './schema';

/**
 * Reading escalation rules from YAML text, with the line of every fault. No Node in here: the build and the
 * CLI read files through ./rules, and rules a user brings into the sidebar can be read with this alone.
 */

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
 * With `base`, the top-level sections the file leaves out are taken from it as they are.
 */
export function parseRulesStrict(text: string, fileName: string, base?: Rules): Rules {
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
  const data = base && (own === null || own === undefined || isRecord(own)) ? { ...withoutWarnings(base), ...own } : own;
  const { rules, problems } = validateRules(data);
  if (problems) {
    throw new RulesError(
      fileName,
      problems.map((problem): RulesProblem => ({ ...problem, line: lineAt(doc, lines, problem.path) })),
    );
  }
  return rules;
}

function withoutWarnings(rules: Rules): Rules {
  const { warnings: _warnings, ...plain } = rules;
  return plain;
}

/**
 * Without `fallback`, as `parseRulesStrict`: a fault throws a `RulesError`. With it, for rules a user brings
 * in: the sections the file leaves out come from `fallback`, and a file that cannot be used gives `fallback`
 * itself, the last good rules, with the faults as `warnings` for the sidebar to show. Never throws then.
 */
export function parseRules(text: string, fileName: string, fallback?: Rules): Rules {
  if (!fallback) return parseRulesStrict(text, fileName);
  try {
    return parseRulesStrict(text, fileName, fallback);
  } catch (error) {
    return { ...fallback, warnings: [...(fallback.warnings ?? []), `${fileName} was not used: the last good rules apply.`, ...faultLines(error, fileName)] };
  }
}
