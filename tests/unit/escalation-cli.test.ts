import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/escalate';

const FIXTURES = 'tests/fixtures/escalation';

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const lastLine = (text: string) => text.split('\n').at(-1) ?? '';

describe('kb escalate', () => {
  it('prints the guidance and the note as one JSON line', async () => {
    const { code, out, err } = await kb('--rules', 'knowledge/escalation.yaml', '--ticket', `${FIXTURES}/security-en.json`, '--json', '--now', '2026-11-20T09:10:00Z');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(lastLine(out)) as Record<string, unknown>;
    expect(result).toMatchObject({ escalate: true, severity: 'P1', team: 'security' });
    expect(result.reasons).toContainEqual({ rule: 'security-breach', detail: '"data breach" in subject; "unauthorized access to our" in latest message' });
    expect(result.note).toContain('Ticket: 35120');
    expect(result.note).toContain('Subject: Possible data breach: customer list posted online');
    expect(result.note).toContain('Requester: Dana Levi <dana@example.com>');
    expect(result.note).toContain('SLA: 5 min left of 15 (due 2026-11-20T09:15:00.000Z)');
  });

  it('accepts the command name in front and uses the default rules without --rules', async () => {
    const { code, out } = await kb('escalate', '--ticket', `${FIXTURES}/howto-en.json`, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(lastLine(out))).toMatchObject({ escalate: false, severity: 'P4', team: '', reasons: [] });
  });

  it('writes for people without --json', async () => {
    const { code, out } = await kb('--ticket', `${FIXTURES}/security-en.json`, '--now', '2026-11-20T09:10:00Z', '--tried', 'Checked the audit log');
    expect(code).toBe(0);
    expect(out).toMatch(/^P1: escalate to Security \(security\)\nSLA: 5 min left of 15\nReasons:\n {2}- security-breach: /);
    expect(out).toContain('Tried so far:\nChecked the audit log');
  });

  it('names the rules file and line at fault', async () => {
    const { code, out, err } = await kb('--rules', `${FIXTURES}/bad-team.yaml`, '--ticket', `${FIXTURES}/howto-en.json`, '--json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^${FIXTURES}/bad-team\\.yaml:11: triggers\\[1\\]\\.team: unknown team "biling"`));
  });

  it('names the ticket file at fault', async () => {
    expect(await kb('--ticket', `${FIXTURES}/broken.json`)).toMatchObject({ code: 1, err: expect.stringMatching(new RegExp(`^${FIXTURES}/broken\\.json:5: invalid JSON`)) });
    expect(await kb('--ticket', `${FIXTURES}/missing.json`)).toMatchObject({ code: 1, err: `${FIXTURES}/missing.json: no such file` });
  });

  it('explains its usage', async () => {
    expect(await kb('--json')).toMatchObject({ code: 2, err: expect.stringContaining('--ticket is required') });
    expect(await kb('--ticket', 'x.json', '--verbose')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--verbose'") });
    expect(await kb('--ticket', 'x.json', '--now', 'soon')).toMatchObject({ code: 2, err: 'escalate: --now "soon" is not a date and time' });
  });
});
