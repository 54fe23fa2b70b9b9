// @vitest-environment happy-dom
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/escalation/evaluate';
import { defaultRulesFile, loadRules, loadRulesFile, RulesError } from '../../src/escalation/rules';
import type { Rules } from '../../src/escalation/rules';
import { parseRulesJson, readRulesJson } from '../../src/escalation/schema';
import { compileRulesJson } from '../../src/knowledge/compile';
import { DEFAULT_LAYOUT } from '../../src/model/messages';
import type { Ticket } from '../../src/model/ticket';
import { buildIndex, serializeIndex } from '../../src/search/engine';
import { App } from '../../src/sidebar/App';
import { loadKnowledge } from '../../src/sidebar/knowledge';
import type { Knowledge } from '../../src/sidebar/knowledge';

const NOW = new Date('2026-11-20T10:10:00Z');
const breach: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'Data breach',
  latestMessage: 'Our customer list was posted online.',
  thread: 'Our customer list was posted online.',
  tags: [],
};

let defaults: Rules;
beforeAll(async () => {
  defaults = await loadRulesFile(defaultRulesFile());
});

/** A knowledge folder as `KNOWLEDGE_DIR` names it, holding only `escalation.yaml`. */
async function folderWith(rules: { fixture: string } | { text: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deskmate-rules-'));
  const file = join(dir, 'escalation.yaml');
  if ('fixture' in rules) await copyFile(`tests/fixtures/escalation/${rules.fixture}`, file);
  else await writeFile(file, rules.text);
  return dir;
}

describe('the build with a broken escalation.yaml', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it.each([
    ['bad-team.yaml', /escalation\.yaml:11: triggers\[1\]\.team: unknown team "biling"/],
    ['syntax-error.yaml', /escalation\.yaml:5: /],
  ])('%s: warns with file and line and ships the default rules with the warning', async (fixture, fault) => {
    const dir = await folderWith({ fixture });
    dirs.push(dir);
    const warn = vi.fn();
    const json = await compileRulesJson(dir, warn);

    const lines = warn.mock.calls.map(([line]) => String(line));
    expect(lines[0]).toBe(`${join(dir, 'escalation.yaml')} was not used: the last good rules apply.`);
    expect(lines.slice(1).some((line) => fault.test(line))).toBe(true);

    const shipped = parseRulesJson(json, 'kb/rules.json');
    const { warnings, ...rules } = shipped;
    expect(rules).toEqual(defaults);
    expect(warnings).toEqual(lines);
    expect(evaluate(shipped, breach, { now: NOW })).toMatchObject({ severity: 'P1', team: 'security', warnings: lines });
  });

  it('ships a good folder’s rules without warnings', async () => {
    const dir = await folderWith({ text: 'checklist: [Ask for the order number]' });
    dirs.push(dir);
    const warn = vi.fn();
    const shipped = parseRulesJson(await compileRulesJson(dir, warn), 'kb/rules.json');
    expect(warn).not.toHaveBeenCalled();
    expect(shipped.warnings).toBeUndefined();
    expect(shipped.checklist).toEqual(['Ask for the order number']);
  });

  it('leaves the CLI strict: the same folder fails loudly there', async () => {
    const dir = await folderWith({ fixture: 'bad-team.yaml' });
    dirs.push(dir);
    await expect(loadRules(dir)).rejects.toBeInstanceOf(RulesError);
  });
});

describe('the sidebar with rules.json it cannot use', () => {
  it.each([
    ['invalid JSON', '{', /^kb\/rules\.json: invalid JSON: /],
    ['failing the schema', JSON.stringify({ ...defaults, teams: [] }), /^kb\/rules\.json: teams: needs at least 1$/],
    ['with a warning that is not text', JSON.stringify({ ...defaults, warnings: [3] }), /^kb\/rules\.json: warnings\[0\]: expected a string, got 3$/],
  ])('%s: no rules, and warnings that say why', (_case, json, fault) => {
    const { rules, warnings } = readRulesJson(json, 'kb/rules.json');
    expect(rules).toBeNull();
    expect(warnings?.[0]).toBe('kb/rules.json could not be used: no escalation guidance until the extension is rebuilt.');
    expect(warnings?.slice(1).some((line) => fault.test(line))).toBe(true);
  });

  it('loads the knowledge base all the same', async () => {
    const assets: Record<string, string> = {
      '/kb/articles.json': '[]',
      '/kb/index.json': serializeIndex(buildIndex([])),
      '/kb/rules.json': '{"teams": []}',
    };
    vi.stubGlobal('fetch', async (url: string) => new Response(assets[new URL(url).pathname] ?? '', { status: assets[new URL(url).pathname] ? 200 : 404 }));
    try {
      const knowledge = await loadKnowledge();
      expect(knowledge.rules).toBeNull();
      expect(knowledge.rulesWarnings?.[0]).toMatch(/^kb\/rules\.json could not be used/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the escalation panel shows the warnings', () => {
  const host = document.createElement('div');
  document.body.append(host);
  afterEach(() => render(null, host));

  const show = (rules: Rules | null, rulesWarnings?: readonly string[]) => {
    const knowledge: Knowledge = { index: buildIndex([]), articles: new Map(), rules, ...(rulesWarnings && { rulesWarnings }) };
    return act(() => {
      render(
        <App
          page={{ state: 'ready', ticket: breach, missing: [] }}
          knowledge={knowledge}
          failure={null}
          connection={null}
          layout={DEFAULT_LAYOUT}
          onLayout={() => undefined}
        />,
        host,
      );
    });
  };
  const warning = () => host.querySelector('[data-testid="aa-escalation-warning"]')?.textContent;

  it('with the last good rules, next to their guidance', async () => {
    await show({ ...defaults, warnings: ['x/escalation.yaml was not used: the last good rules apply.'] });
    expect(host.querySelector('[data-testid="aa-escalation"]')?.getAttribute('data-team')).toBe('security');
    expect(warning()).toBe('x/escalation.yaml was not used: the last good rules apply.');
  });

  it('without rules, in place of the guidance', async () => {
    await show(null, ['kb/rules.json could not be used', 'kb/rules.json: teams: needs at least 1']);
    expect(host.querySelector('[data-testid="aa-escalation"] h2')?.textContent).toBe('No escalation guidance');
    expect(warning()).toBe('kb/rules.json could not be usedkb/rules.json: teams: needs at least 1');
    expect(host.querySelector('[data-testid="aa-copy-note"]')).toBeNull();
  });

  it('not at all with good rules', async () => {
    await show(defaults);
    expect(warning()).toBeUndefined();
  });
});
