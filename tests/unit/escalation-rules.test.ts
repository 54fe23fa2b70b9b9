import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRulesFile, loadRules, loadRulesFile, parseRules, parseRulesJson, parseRulesStrict, RulesError } from '../../src/escalation/rules';
import type { Rules } from '../../src/escalation/rules';

const FIXTURES = 'tests/fixtures/escalation';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const TEAMS = 'tier2-support, security, billing, sre-oncall, legal, account-management';

let defaults: Rules;
beforeAll(async () => {
  defaults = await loadRulesFile(defaultRulesFile());
});

async function failure(promise: Promise<unknown>): Promise<RulesError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RulesError);
  return error as RulesError;
}

describe('the default rules', () => {
  it('parse and name the teams the guidance routes to', () => {
    expect(defaults.teams.map((team) => team.id).join(', ')).toBe(TEAMS);
    expect(defaults.matrix.high.high).toBe('P1');
    expect(defaults.severities.P1.escalate).toBe(true);
    expect(defaults.severities.P4.escalate).toBe(false);
  });

  it('survive the JSON round trip the build makes for the sidebar', () => {
    expect(parseRulesJson(JSON.stringify(defaults), 'kb/rules.json')).toEqual(defaults);
  });
});

describe('rules errors name the file and the line', () => {
  it('a team id with a typo', async () => {
    const error = await failure(loadRulesFile(`${FIXTURES}/bad-team.yaml`));
    expect(error.message).toBe(`${FIXTURES}/bad-team.yaml:11: triggers[1].team: unknown team "biling" (teams: ${TEAMS})`);
    expect(error.problems).toEqual([expect.objectContaining({ line: 11, path: ['triggers', 1, 'team'] })]);
  });

  it('a severity that does not exist', async () => {
    const error = await failure(loadRulesFile(`${FIXTURES}/bad-severity.yaml`));
    expect(error.message).toBe(`${FIXTURES}/bad-severity.yaml:3: matrix.medium.medium: expected one of P1, P2, P3, P4, got "P5"`);
  });

  it('a YAML syntax error', async () => {
    const error = await failure(loadRulesFile(`${FIXTURES}/syntax-error.yaml`));
    expect(error.message).toMatch(new RegExp(`^${FIXTURES}/syntax-error\\.yaml:5: `));
    expect(error.message).not.toContain('column');
  });

  it('a misspelt field', async () => {
    const error = await failure(loadRulesFile(`${FIXTURES}/unknown-field.yaml`));
    expect(error.message).toBe(`${FIXTURES}/unknown-field.yaml:3: triggers[0].phrasse: unknown field`);
  });

  it('a file that is missing a matrix cell and has no fallback', async () => {
    const text = ['teams: [{ id: a, name: A }]', 'severities: {}', 'matrix:', '  high: { high: P1, medium: P2 }'].join('\n');
    const error = await failure(Promise.resolve().then(() => parseRules(text, 'rules.yaml')));
    expect(error.message.split('\n')).toEqual(
      expect.arrayContaining([
        'rules.yaml:4: matrix.high.low: missing',
        'rules.yaml:3: matrix.medium: missing',
        'rules.yaml:2: severities.P1: missing',
        'rules.yaml: priorities: missing',
      ]),
    );
  });

  it('an impact that is not a level', () => {
    const text = fixture('bad-team.yaml').replace('impact: medium\n    team: billing', 'impact: huge\n    team: billing');
    expect(() => parseRulesStrict(text, 'x.yaml', defaults)).toThrow(/^x\.yaml:6: triggers\[0\]\.impact: expected one of low, medium, high, got "huge"$/);
  });

  it('cross-checks: duplicate ids, conditions that cannot match, triggers that change nothing', () => {
    const text = [
      'triggers:',
      '  - id: a',
      '    phrases: { en: ["!!!"] }',
      '    team: legal',
      '  - id: a',
      '    tags: [x]',
      '  - id: b',
      '    impact: high',
      '  - id: c',
      '    tier: [vipp]',
      '    urgency: high',
      'tiers:',
      '  - id: vip',
      '    name: VIP',
    ].join('\n');
    expect(() => parseRulesStrict(text, 'x.yaml', defaults)).toThrow(
      [
        'x.yaml:13: tiers[0]: matches nobody: give tags or requesters',
        'x.yaml:5: triggers[1].id: duplicate trigger id "a"',
        'x.yaml:3: triggers[0].phrases.en[0]: "!!!" has no letters or digits',
        'x.yaml:5: triggers[1]: changes nothing: give impact, urgency, team or escalate',
        'x.yaml:7: triggers[2]: has no condition: give priority, status, tags, phrases, tier, slaElapsed, minReopens or minContacts',
        'x.yaml:10: triggers[3].tier[0]: unknown tier "vipp" (tiers: vip)',
      ].join('\n'),
    );
  });

  it('new conditions and fields are checked too', () => {
    const text = [
      'tiers:',
      '  - id: vip',
      '    name: VIP',
      '    requesters: [ceo-at-big.example]',
      'triggers:',
      '  - id: old',
      '    slaElapsed: 0',
      '    minReopens: 1.5',
      '    urgency: high',
    ].join('\n');
    expect(() => parseRulesStrict(text, 'x.yaml', defaults)).toThrow(/x\.yaml:4: tiers\[0\]\.requesters\[0\]: requesters are e-mail addresses or @domains, got "ceo-at-big\.example"/);
    expect(() => parseRulesStrict(text, 'x.yaml', defaults)).toThrow(/x\.yaml:7: triggers\[0\]\.slaElapsed: must be more than 0, got 0/);
    expect(() => parseRulesStrict(text, 'x.yaml', defaults)).toThrow(/x\.yaml:8: triggers\[0\]\.minReopens: /);
    expect(() => parseRulesStrict('questions: { en: ["how do", "?"] }', 'x.yaml', defaults)).toThrow('x.yaml:1: questions.en[1]: "?" has no letters or digits');
    expect(() => parseRulesStrict('reports:\n  he: ["היה", "-"]', 'x.yaml', defaults)).toThrow('x.yaml:2: reports.he[1]: "-" has no letters or digits');
  });

  it('JSON rules without lines', () => {
    expect(() => parseRulesJson('{', 'kb/rules.json')).toThrow(/^kb\/rules\.json: invalid JSON: /);
    expect(() => parseRulesJson('{"teams": []}', 'kb/rules.json')).toThrow(/^kb\/rules\.json: teams: needs at least 1$/m);
  });
});

describe('a broken file with a fallback', () => {
  it('gives the last good rules and says why', () => {
    const rules = parseRules(fixture('bad-team.yaml'), 'imported.yaml', defaults);
    const { warnings, ...plain } = rules;
    expect(plain).toEqual(defaults);
    expect(warnings).toEqual([
      'imported.yaml was not used: the last good rules apply.',
      `imported.yaml:11: triggers[1].team: unknown team "biling" (teams: ${TEAMS})`,
    ]);
  });

  it('keeps earlier warnings while the rules still stand in, and drops them once a good file comes', () => {
    const first = parseRules('teams: [', 'a.yaml', defaults);
    const second = parseRules('matrix: 3', 'b.yaml', first);
    expect(second.warnings?.filter((line) => line.endsWith('the last good rules apply.'))).toEqual([
      'a.yaml was not used: the last good rules apply.',
      'b.yaml was not used: the last good rules apply.',
    ]);
    const good = parseRules('checklist: [Ask for the order number]', 'c.yaml', second);
    expect(good.warnings).toBeUndefined();
    expect(good.checklist).toEqual(['Ask for the order number']);
    expect(good.teams).toEqual(defaults.teams);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '- a list', 'teams: *unknown', '{', 'severities: { P1: 1 }']) {
      expect(() => parseRules(text, 'x.yaml', defaults)).not.toThrow();
    }
  });
});

describe('loadRules for a knowledge folder', () => {
  it('takes the project defaults when the folder has no escalation.yaml', async () => {
    expect(await loadRules(FIXTURES)).toEqual(defaults);
  });

  it('takes the sections the folder gives and the defaults for the rest', async () => {
    const own = await loadRules(`${FIXTURES}/custom-kb`);
    expect(own.teams.map((team) => team.id)).toEqual(['helpdesk-l2']);
    expect(own.triggers.map((trigger) => trigger.id)).toEqual(['printer-fire']);
    expect(own.matrix).toEqual(defaults.matrix);
    expect(own.severities).toEqual(defaults.severities);
    expect(own.checklist).toEqual(defaults.checklist);
  });

  it('reads unquoted numbers in word lists as words', () => {
    const rules = parseRules('priorities: { high: [1, urgent], medium: [2], low: [3] }', 'x.yaml', defaults);
    expect(rules.priorities.high).toEqual(['1', 'urgent']);
  });
});
