import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.2 AA contrast of every page's palette in both colour schemes, computed from the stylesheets' own custom
 * properties, so a colour changed for looks cannot quietly drop below: 4.5:1 for text (1.4.3), 3:1 for what
 * shows a control, its focus or its state (1.4.11).
 */

type Palette = Record<string, string>;

const TEXT = 4.5;
const NON_TEXT = 3;

/** The body of the block opened by the `{` at `open`. */
function block(css: string, open: number): string {
  let depth = 0;
  for (let at = open; at < css.length; at += 1) {
    if (css[at] === '{') depth += 1;
    else if (css[at] === '}' && --depth === 0) return css.slice(open + 1, at);
  }
  throw new Error('unbalanced braces');
}

function declarations(body: string): Array<[string, string]> {
  return [...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]);
}

/** The custom properties of `:root` as the light and the dark scheme resolve them. */
function palettes(file: string): { light: Palette; dark: Palette } {
  let css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const light: Palette = {};
  const dark: Palette = {};
  const media = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/.exec(css);
  if (media) {
    const body = block(css, media.index + media[0].length - 1);
    for (const root of body.matchAll(/:root\s*\{/g)) for (const [name, value] of declarations(block(body, root.index + root[0].length - 1))) dark[name] = value;
    css = css.slice(0, media.index) + css.slice(media.index + media[0].length + body.length + 1);
  }
  for (const root of css.matchAll(/:root\s*\{/g)) {
    for (const [name, value] of declarations(block(css, root.index + root[0].length - 1))) {
      const both = /^light-dark\(\s*(#[\da-f]+)\s*,\s*(#[\da-f]+)\s*\)$/i.exec(value);
      light[name] = both ? both[1]! : value;
      dark[name] ??= both ? both[2]! : value;
    }
  }
  return { light, dark };
}

function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const c = parseInt(digits.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** [foreground, background, minimum, what it is]. */
type Pair = [string, string, number, string];

const SHARED: Pair[] = [
  ['--text', '--bg', TEXT, 'text on the page'],
  ['--text', '--card', TEXT, 'text on a card'],
  ['--text', '--warn-bg', TEXT, 'text on an escalation card'],
  ['--muted', '--bg', TEXT, 'secondary text on the page'],
  ['--muted', '--card', TEXT, 'secondary text on a card'],
  ['--muted', '--warn-bg', TEXT, 'secondary text on an escalation card'],
  ['--accent', '--bg', TEXT, 'links on the page'],
  ['--accent', '--card', TEXT, 'links and answer titles on a card'],
  ['--accent-text', '--accent', TEXT, 'primary buttons and pressed toggles'],
  ['--warn', '--card', TEXT, 'a missed response target'],
  ['--warn', '--warn-bg', TEXT, 'a missed response target on an escalation card'],
  ['--control', '--bg', NON_TEXT, 'input and button edges on the page'],
  ['--control', '--card', NON_TEXT, 'input and button edges on a card'],
  ['--control', '--warn-bg', NON_TEXT, 'input and button edges on an escalation card'],
  ['--focus', '--bg', NON_TEXT, 'the focus ring on the page'],
  ['--focus', '--card', NON_TEXT, 'the focus ring on a card'],
  ['--focus', '--warn-bg', NON_TEXT, 'the focus ring on an escalation card'],
  ['--accent', '--card', NON_TEXT, 'a pressed toggle against an unpressed one'],
];

const POPUP: Pair[] = [
  ['--text', '--bg', TEXT, 'text'],
  ['--muted', '--bg', TEXT, 'secondary text'],
  ['--accent-text', '--accent', TEXT, 'the primary button'],
  ['--focus', '--bg', NON_TEXT, 'the focus ring'],
];

const SHEETS: Array<[string, Pair[]]> = [
  ['src/ui/theme.css', SHARED],
  ['src/popup/popup.css', POPUP],
];

describe.each(SHEETS)('%s', (file, pairs) => {
  const schemes = palettes(file);

  it.each(['light', 'dark'] as const)('meets WCAG 2.2 AA contrast in the %s scheme', (scheme) => {
    const palette = schemes[scheme];
    const failures: string[] = [];
    for (const [fg, bg, minimum, what] of pairs) {
      const [a, b] = [palette[fg], palette[bg]];
      expect(a, `${fg} in ${scheme}`).toMatch(/^#[\da-f]{3,6}$/i);
      expect(b, `${bg} in ${scheme}`).toMatch(/^#[\da-f]{3,6}$/i);
      const measured = ratio(a!, b!);
      if (measured < minimum) failures.push(`${what}: ${fg} ${a} on ${bg} ${b} is ${measured.toFixed(2)}:1, needs ${minimum}:1`);
    }
    expect(failures).toEqual([]);
  });

  it('has a dark palette that differs from the light one', () => {
    expect(schemes.dark['--bg']).not.toBe(schemes.light['--bg']);
    expect(schemes.dark['--text']).not.toBe(schemes.light['--text']);
  });
});

describe('the helpdesk’s own theme', () => {
  it('overrides the system’s through data-theme on the root', () => {
    const css = readFileSync('src/ui/theme.css', 'utf8');
    expect(css).toMatch(/:root\[data-theme='light'\]\s*\{\s*color-scheme:\s*light;\s*\}/);
    expect(css).toMatch(/:root\[data-theme='dark'\]\s*\{\s*color-scheme:\s*dark;\s*\}/);
  });

  it('is the palette of the sidebar and of the options page', () => {
    for (const sheet of ['src/sidebar/sidebar.css', 'src/options/options.css']) {
      expect(readFileSync(sheet, 'utf8')).toMatch(/^@import '..\/ui\/theme.css';/);
    }
  });
});

