import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStringCode, stringCodeReport } from '../../src/build/string-code';

const constructs = (code: string) => findStringCode(code).map((finding) => finding.construct);

describe('findStringCode', () => {
  it.each([
    ['eval("1")', 'eval(…)'],
    ['eval?.(x)', 'eval(…)'],
    ['(0,eval)(x)', '(0,eval)(…)'],
    ['(0, eval)("2")', '(0,eval)(…)'],
    ['var e = eval; e(x)', 'eval as a value'],
    ['f(eval)', 'eval as a value'],
    ['window.eval(x)', 'window.eval'],
    ['globalThis["eval"](x)', 'globalThis["eval"]'],
    ['a[`eval`](x)', 'a["eval"]'],
    ['new Function("return 1")', 'new Function(…)'],
    ['Function("a", "return a")(1)', 'Function(…)'],
    ['const F = Function; new F("")', 'Function as a value'],
    ['Reflect.construct(Function, ["x"])', 'Function as a value'],
    ['new self.Function(code)', 'self.Function'],
    ['x = {F: Function}', 'Function as a value'],
    ['setTimeout("alert(1)", 10)', 'setTimeout("…")'],
    ['window.setInterval(`tick()`, 10)', 'setInterval("…")'],
    ['setTimeout("go(" + n + ")")', 'setTimeout("…")'],
    ['import(url)', 'import() of a computed specifier'],
    ['import(`./chunks/${name}.js`)', 'import() of a computed specifier'],
    ['import("https://cdn.example.test/x.js")', 'import("https://cdn.example.test/x.js")'],
    ['import("//cdn.example.test/x.js")', 'import("//cdn.example.test/x.js")'],
    ['import("data:text/javascript,alert(1)")', 'import("data:text/javascript,alert(1)")'],
  ])('finds %s', (code, construct) => {
    expect(constructs(code)).toEqual([construct]);
  });

  it.each([
    // The webextension polyfill's metadata and the WXT context's own timer methods, as they appear in the bundles.
    'x = {devtools:{inspectedWindow:{eval:{minArgs:1,maxArgs:2}}}}',
    'c = Function.call.bind(Object.prototype.hasOwnProperty)',
    'if (v instanceof Function) v()',
    'typeof Function',
    'class C { eval(x) { return x } setTimeout(f, t) { return setTimeout(() => f(), t) } }',
    'api.devtools.inspectedWindow.eval(code)',
    'setTimeout(() => flush(), 10); setInterval(tick, 5)',
    'import("./chunks/sidebar-abc.js"); import(`/chunks/x.js`)',
    'const text = "eval(1) new Function() setTimeout(\\"x\\")"; // eval(2)\n/* new Function("x") */',
    'const re = /eval\\(|new Function/; label: for (;;) break label',
  ])('leaves %s alone', (code) => {
    expect(constructs(code)).toEqual([]);
  });

  it('gives the line and column of each finding', () => {
    expect(findStringCode('ok();\n  let f = x => eval(x);\nnew Function("y")')).toEqual([
      { construct: 'eval(…)', line: 2, column: 15 },
      { construct: 'new Function(…)', line: 3, column: 4 },
    ]);
  });

  it('reads a classic script as well as a module', () => {
    expect(constructs('with (scope) { eval(code) }')).toEqual(['eval(…)']);
  });

  it('reports code it cannot parse rather than passing it', () => {
    const [finding] = findStringCode('let = = ;');
    expect(finding?.construct).toMatch(/^code the check cannot parse/);
  });
});

describe('stringCodeReport', () => {
  it('checks every script of the folder, naming the file, the place and the construct', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskmate-string-code-'));
    try {
      await mkdir(join(dir, 'chunks'));
      await writeFile(join(dir, 'clean.js'), 'console.log(1)');
      await writeFile(join(dir, 'chunks', 'dirty.js'), 'a();\n(0,eval)("b")');
      await writeFile(join(dir, 'notes.txt'), 'eval(x)');
      expect(await stringCodeReport(dir)).toEqual(['chunks/dirty.js:2:4: (0,eval)(…)']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
