import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRulesFile, loadRules, loadRulesFile, parseRules, parseRulesJson, type Rules, RulesError } from '../../src/escalation/rules';

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
    expect(() => parseRules(text, 'x.yaml', defaults)).toThrow(/^x\.yaml:6: triggers\[0\]\.impact: expected one of low, medium, high, got "huge"$/);
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
    ].join('\n');
    expect(() => parseRules(text, 'x.yaml', defaults)).toThrow(
      [
        'x.yaml:5: triggers[1].id: duplicate trigger id "a"',
        'x.yaml:3: triggers[0].phrases.en[0]: "!!!" has no letters or digits',
        'x.yaml:5: triggers[1]: changes nothing: give impact, urgency, team or escalate',
        'x.yaml:7: triggers[2]: has no condition: give priority, status, tags or phrases',
      ].join('\n'),
    );
  });

  it('JSON rules without lines', () => {
    expect(() => parseRulesJson('{', 'kb/rules.json')).toThrow(/^kb\/rules\.json: invalid JSON: /);
    expect(() => parseRulesJson('{"teams": []}', 'kb/rules.json')).toThrow(/^kb\/rules\.json: teams: needs at least 1$/m);
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
