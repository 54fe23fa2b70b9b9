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
    expect(result.note).toContain('SLA: due in 5 minutes (2026-11-20T09:15:00.000Z; target 15 minutes)');
    expect(result.note).toContain('Requester: Dana Levi <[hidden email]>');
    expect(result).toMatchObject({ pathKind: 'functional', notify: 'the support duty manager', tier: { id: 'enterprise', name: 'Enterprise' } });
    expect(result.checklist).toContainEqual({ text: 'Note what was exposed, when it was noticed and how', from: 'rules', rule: 'security-breach' });
  });

  it('accepts the command name in front and uses the default rules without --rules', async () => {
    const { code, out } = await kb('escalate', '--ticket', `${FIXTURES}/howto-en.json`, '--json', '--now', '2026-11-20T09:10:00Z');
    expect(code).toBe(0);
    expect(JSON.parse(lastLine(out))).toMatchObject({ escalate: false, severity: 'P4', team: '', reasons: [] });
    // Days later it has missed its target, and still does not escalate.
    const later = await kb('escalate', '--ticket', `${FIXTURES}/howto-en.json`, '--json', '--now', '2026-11-23T09:10:00Z');
    expect(JSON.parse(lastLine(later.out))).toMatchObject({ escalate: false, severity: 'P3', reasons: [{ rule: 'sla-missed' }] });
  });

  it('writes for people without --json', async () => {
    const { code, out } = await kb('--ticket', `${FIXTURES}/security-en.json`, '--now', '2026-11-20T09:10:00Z', '--tried', 'Checked the audit log');
    expect(code).toBe(0);
    expect(out).toMatch(/^P1: escalate to Security \(security\), functional\nSLA: 5 min left of 15\nAlso inform: the support duty manager\nReasons:\n {2}- security-breach: /);
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
    expect(await kb('--json')).toMatchObject({ code: 2, err: expect.stringContaining('--ticket or --eval is required') });
    expect(await kb('--eval', 'x.jsonl', '--ignore-field', 'subject')).toMatchObject({
      code: 2,
      err: 'escalate: --ignore-field "subject" is not one of priority, status, tags, requester, createdAt',
    });
    expect(await kb('--ticket', 'x.json', '--verbose')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--verbose'") });
    expect(await kb('--ticket', 'x.json', '--now', 'soon')).toMatchObject({ code: 2, err: 'escalate: --now "soon" is not a date and time' });
  });

  describe('--eval', () => {
    it('scores "escalate" against the file’s labels, overall, per language and per queue', async () => {
      const { code, out, err } = await kb('--eval', `${FIXTURES}/labelled.jsonl`, '--json', '--now', '2026-11-20T09:10:00Z');
      expect({ code, err }).toEqual({ code: 0, err: '' });
      const report = JSON.parse(lastLine(out)) as Record<string, unknown> & { byLanguage: Record<string, unknown>; byQueue: Record<string, unknown> };
      expect(report).toMatchObject({ n: 9, positives: 6, predicted: 5, tp: 5, fp: 0, fn: 1, tn: 3, precision: 1, recall: 0.8333, f1: 0.9091, ignored: [] });
      expect(Object.keys(report.byLanguage)).toEqual(['ar', 'en', 'he']);
      expect(report.byLanguage.en).toMatchObject({ n: 5, tp: 3, fn: 1, recall: 0.75 });
      expect(report.byQueue.Outages).toMatchObject({ n: 2, tp: 1, fn: 1, precision: 1, recall: 0.5, f1: 0.6667 });
    });

    it('can hide a field the labels were made from', async () => {
      const { out } = await kb('--eval', `${FIXTURES}/labelled.jsonl`, '--json', '--ignore-field', 'priority');
      expect(JSON.parse(lastLine(out))).toMatchObject({ n: 9, ignored: ['priority'] });
    });

    it('prints a table for people', async () => {
      const { code, out } = await kb('--eval', `${FIXTURES}/labelled.jsonl`);
      expect(code).toBe(0);
      expect(out.split('\n')[0]).toMatch(/^ +n +labelled +escalated +precision +recall +F1$/);
      expect(out).toMatch(/\nall +9 +6 +5 +1\.000 +0\.833 +0\.909\n/);
      expect(out).toMatch(/\nSecurity +2 +2 +2 +1\.000 +1\.000 +1\.000/);
    });

    it('names the file and line of a ticket without a label', async () => {
      expect(await kb('--eval', `${FIXTURES}/labelled-bad.jsonl`)).toMatchObject({
        code: 1,
        err: `${FIXTURES}/labelled-bad.jsonl:2: escalate: expected true or false`,
      });
      expect(await kb('--eval', `${FIXTURES}/labelled.jsonl`, '--label', 'urgent')).toMatchObject({
        code: 1,
        err: `${FIXTURES}/labelled.jsonl:1: urgent: expected true or false`,
      });
    });
  });
});
