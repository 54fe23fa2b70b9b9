import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'acorn';

/*
 * Finds code in a built bundle that turns a string into code: Chrome's review rules forbid it and the extension
 * pages' CSP would block it at run time, so it must fail the build rather than a feature in a user's browser.
 * The bundle is parsed, not matched with a regular expression, so that aliases are seen (`(0,eval)(…)`,
 * `const F = Function; new F(…)`, `window["eval"]`) and text in strings, comments and property names is not.
 */

export interface StringCodeFinding {
  /** What was found, as written in a message: `eval(…)`, `new Function(…)`, `setTimeout("…")`, … */
  construct: string;
  line: number;
  column: number;
}

// Only the parts of ESTree this check reads; every other field is walked generically.
interface Node {
  type: string;
  start: number;
  loc?: { start: { line: number; column: number } } | null;
  [key: string]: unknown;
}

/** Names under which the global object reaches `eval` and `Function` by property access. */
const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'global', 'top', 'parent', 'frames']);
const EVALUATORS = new Set(['eval', 'Function']);
const TIMERS = new Set(['setTimeout', 'setInterval']);
// A specifier with a scheme (`https:`, `data:`, `blob:`) or protocol-relative: code from outside the package.
const REMOTE_SPECIFIER = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function identifierName(node: unknown): string | undefined {
  return isNode(node) && node.type === 'Identifier' ? (node.name as string) : undefined;
}

/** The property a member expression reads, when the source names it: `a.eval`, `a["eval"]`, ``a[`eval`]``. */
function memberName(node: Node): string | undefined {
  const property = node.property as Node;
  if (!node.computed) return identifierName(property);
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  const quasis = property.quasis as { value: { cooked: string | null } }[] | undefined;
  if (property.type === 'TemplateLiteral' && quasis?.length === 1) return quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** True when an identifier in this place names a binding rather than a property, a label or a method. */
function isReference(parent: Node | undefined, key: string): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed === true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key !== 'key' || parent.computed === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

/** Uses of `Function` that cannot construct: `Function.prototype…`, `x instanceof Function`, `typeof Function`. */
function isInertFunctionUse(parent: Node | undefined, key: string): boolean {
  if (!parent) return false;
  if (parent.type === 'MemberExpression' && key === 'object') return true;
  if (parent.type === 'BinaryExpression' && parent.operator === 'instanceof' && key === 'right') return true;
  return parent.type === 'UnaryExpression' && parent.operator === 'typeof';
}

/** True when the expression is a string or is built from one: `"alert(1)"`, `` `x${y}` ``, `"a" + b`. */
function isStringy(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (isStringy(node.left) || isStringy(node.right));
}

function calleeName(callee: Node): string | undefined {
  return callee.type === 'MemberExpression' ? memberName(callee) : identifierName(callee);
}

/** What an `eval` or `Function` reference amounts to, from where it stands. */
function evaluatorUse(name: string, parent: Node | undefined, key: string, grandparent: Node | undefined): string {
  if (parent?.type === 'CallExpression' && key === 'callee') return `${name}(…)`;
  if (parent?.type === 'NewExpression' && key === 'callee') return `new ${name}(…)`;
  // `(0, eval)(…)`: the indirect call minifiers and hand-written evasions both use.
  if (parent?.type === 'SequenceExpression' && grandparent?.type === 'CallExpression' && grandparent.callee === parent) return `(0,${name})(…)`;
  return `${name} as a value`;
}

function importUse(node: Node): string | undefined {
  const source = node.source as Node;
  const quasis = source.quasis as { value: { cooked: string | null } }[] | undefined;
  const literal =
    source.type === 'Literal' && typeof source.value === 'string'
      ? source.value
      : source.type === 'TemplateLiteral' && quasis?.length === 1
        ? (quasis[0]?.value.cooked ?? undefined)
        : undefined;
  if (literal === undefined) return 'import() of a computed specifier';
  return REMOTE_SPECIFIER.test(literal) ? `import("${literal.slice(0, 60)}")` : undefined;
}

function parseBundle(code: string): Node {
  const options = { ecmaVersion: 'latest', locations: true, allowHashBang: true } as const;
  try {
    return parse(code, { ...options, sourceType: 'module' }) as unknown as Node;
  } catch {
    // Content scripts are classic scripts (an IIFE), which module parsing can reject (sloppy-mode syntax).
    return parse(code, { ...options, sourceType: 'script' }) as unknown as Node;
  }
}

interface Visit {
  node: Node;
  parent: Node | undefined;
  key: string;
  grandparent: Node | undefined;
}

/**
 * Every place in `code` that evaluates a string as code or could: `eval` and `Function` called, constructed or
 * aliased (directly or through the global object), `setTimeout`/`setInterval` given a string, and `import()`
 * of a computed or remote specifier. Code that cannot be parsed is itself a finding: it cannot be vouched for.
 */
export function findStringCode(code: string): StringCodeFinding[] {
  let program: Node;
  try {
    program = parseBundle(code);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    return [{ construct: `code the check cannot parse (${error instanceof Error ? error.message : 'unknown'})`, line: loc?.line ?? 1, column: loc?.column ?? 0 }];
  }
  const findings: StringCodeFinding[] = [];
  const found = (node: Node, construct: string) => {
    findings.push({ construct, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 });
  };
  // Depth-first with an explicit stack: minified bundles nest deeply enough to strain recursion.
  const stack: Visit[] = [{ node: program, parent: undefined, key: '', grandparent: undefined }];
  while (stack.length > 0) {
    const { node, parent, key, grandparent } = stack.pop() as Visit;
    const name = identifierName(node);
    if (name !== undefined && EVALUATORS.has(name) && isReference(parent, key)) {
      if (!(name === 'Function' && isInertFunctionUse(parent, key))) found(node, evaluatorUse(name, parent, key, grandparent));
    } else if (node.type === 'MemberExpression') {
      const property = memberName(node);
      const object = identifierName(node.object);
      if (property !== undefined && EVALUATORS.has(property) && (node.computed === true || (object !== undefined && GLOBAL_OBJECTS.has(object)))) {
        found(node, `${object ?? '…'}${node.computed ? `["${property}"]` : `.${property}`}`);
      }
    } else if (node.type === 'CallExpression') {
      const timer = calleeName(node.callee as Node);
      const args = node.arguments as unknown[];
      if (timer !== undefined && TIMERS.has(timer) && isStringy(args[0])) found(node, `${timer}("…")`);
    } else if (node.type === 'ImportExpression') {
      const use = importUse(node);
      if (use) found(node, use);
    }
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'loc') continue;
      const children = Array.isArray(value) ? value : [value];
      for (let i = children.length - 1; i >= 0; i--) {
        const child: unknown = children[i];
        if (isNode(child)) stack.push({ node: child, parent: node, key: childKey, grandparent: parent });
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

async function scripts(dir: string, under = ''): Promise<string[]> {
  const entries = await readdir(join(dir, under), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = under ? `${under}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return scripts(dir, path);
      return /\.m?js$/.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat().sort();
}

/**
 * Checks every script under a built extension's folder and returns one line per finding,
 * `file:line:column: construct`; empty when no bundle runs a string as code.
 */
export async function stringCodeReport(dir: string): Promise<string[]> {
  const reports = await Promise.all(
    (await scripts(dir)).map(async (file) => findStringCode(await readFile(join(dir, file), 'utf8')).map((f) => `${file}:${f.line}:${f.column + 1}: ${f.construct}`)),
  );
  return reports.flat();
}
