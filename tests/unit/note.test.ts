import { describe, expect, it } from 'vitest';
import type { Guidance } from '../../src/escalation/evaluate';
import { escapeHtml, writeNote, type NoteInput } from '../../src/escalation/note';
import type { Ticket } from '../../src/model/ticket';

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'Possible data breach',
  latestMessage: 'Our customer list was posted online.',
  thread: 'Our customer list was posted online.',
  requester: { name: 'Dana Levi', email: 'dana@example.com' },
  priority: 'High',
  status: 'open',
  tags: ['security', 'enterprise'],
  createdAt: '2026-11-20T10:00:00Z',
};

const guidance: Guidance = {
  escalate: true,
  severity: 'P1',
  team: 'security',
  teamName: 'Security',
  teamPath: 'helpdesk group "Security"',
  reasons: [{ rule: 'security-breach', detail: '"data breach" in subject' }],
  checklist: ['Note what was exposed'],
  sla: { targetMinutes: 15, dueAt: '2026-11-20T10:15:00.000Z', remainingMinutes: 5, breached: false },
};

const input = (fields: Partial<NoteInput> = {}): NoteInput => ({
  ticket,
  guidance,
  articles: [{ id: 'breach-response', title: 'Responding to a suspected breach', url: 'https://kb.example.com/breach' }],
  triedSoFar: '- [x] Note what was exposed\nChecked the audit log: logins from an unknown IP',
  ask: 'Please confirm whether the export API was used.',
  now: new Date('2026-11-20T10:12:00Z'),
  ...fields,
});

describe('the escalation note', () => {
  it('has every field in its plain text', () => {
    expect(writeNote(input()).text).toBe(
      [
        'Escalation note',
        'Ticket: 35120',
        'Link: https://acme.zendesk.com/agent/tickets/35120',
        'Subject: Possible data breach',
        'Requester: Dana Levi <dana@example.com>',
        'Priority: High',
        'Status: open',
        'Created: 2026-11-20T10:00:00Z',
        'Tags: security, enterprise',
        'Severity: P1 (escalate)',
        'Target team: Security (security) via helpdesk group "Security"',
        'SLA: 3 min left of 15 (due 2026-11-20T10:15:00.000Z)',
        'Reasons:',
        '- security-breach: "data breach" in subject',
        'Tried so far:',
        '- [x] Note what was exposed',
        'Checked the audit log: logins from an unknown IP',
        'Articles consulted:',
        '- breach-response: Responding to a suspected breach (https://kb.example.com/breach)',
        'Ask:',
        'Please confirm whether the export API was used.',
        'Written: 2026-11-20T10:12:00.000Z',
      ].join('\n'),
    );
  });

  it('states the SLA as of its own time', () => {
    expect(writeNote(input({ now: new Date('2026-11-20T10:40:00Z') })).text).toContain(
      'SLA: breached 25 min ago (target 15 min, due 2026-11-20T10:15:00.000Z)',
    );
    expect(writeNote(input({ ticket: { ...ticket, createdAt: undefined } })).text).toContain(
      'SLA: respond within 15 min (created time unknown)',
    );
  });

  it('says what is missing rather than leaving blanks', () => {
    const { text } = writeNote(
      input({
        ticket: { ...ticket, requester: undefined, priority: undefined, tags: [], url: '' },
        guidance: { ...guidance, escalate: false, severity: 'P4', team: '', teamName: undefined, reasons: [] },
        articles: [],
        triedSoFar: '  ',
        ask: undefined,
      }),
    );
    expect(text).toContain('Requester: not shown\nPriority: not shown');
    expect(text).toContain('Tags: none');
    expect(text).toContain('Severity: P4 (no escalation needed)\nTarget team: none');
    expect(text).toContain('Reasons: none');
    expect(text).toContain('Tried so far:\nnothing recorded');
    expect(text).toContain('Articles consulted: none');
    expect(text).not.toContain('Ask:');
  });

  it('keeps Arabic and Hebrew text as written, without hidden direction marks', () => {
    const { text, html } = writeNote(input({ ticket: { ...ticket, subject: 'تسريب\u202e البيانات', requester: { name: 'דנה לוי' } } }));
    expect(text).toContain('Subject: تسريب البيانات');
    expect(text).toContain('Requester: דנה לוי');
    expect(html).toContain('<p dir="auto"><strong>Subject:</strong> تسريب البيانات</p>');
  });
});

describe('the note as HTML', () => {
  const xss = '<img src=x onerror="alert(1)"><script>alert(\'x\')</script>';

  it('escapes every field taken from the ticket, the agent and the articles', () => {
    const { html } = writeNote(
      input({
        ticket: { ...ticket, subject: xss, id: '<b>1</b>', tags: ['<i>t</i>'], requester: { name: xss }, priority: xss, createdAt: xss },
        guidance: { ...guidance, reasons: [{ rule: 'r', detail: xss }] },
        articles: [{ id: 'a', title: xss, url: 'https://kb.example.com/?q="><script>' }],
        triedSoFar: xss,
        ask: xss,
      }),
    );
    expect(html).not.toMatch(/<(img|script|b|i)[\s>]/);
    expect(html).toContain(`<strong>Subject:</strong> ${escapeHtml(xss)}`);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('href="https://kb.example.com/?q=&quot;&gt;&lt;script&gt;"');
  });

  it('links only web addresses', () => {
    const { html, text } = writeNote(input({ ticket: { ...ticket, url: 'javascript:alert(1)' }, articles: [{ id: 'a', title: 'A', url: 'data:text/html,x' }] }));
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="data:');
    expect(html).toContain('<strong>Ticket:</strong> 35120</p>');
    expect(text).toContain('- a: A\n');
  });

  it('links the ticket and the articles', () => {
    const { html } = writeNote(input());
    expect(html).toContain('<strong>Ticket:</strong> <a href="https://acme.zendesk.com/agent/tickets/35120">35120</a>');
    expect(html).toContain('<li dir="auto"><a href="https://kb.example.com/breach">breach-response: Responding to a suspected breach (https://kb.example.com/breach)</a></li>');
    expect(html).toContain('<p dir="auto">- [x] Note what was exposed<br>Checked the audit log: logins from an unknown IP</p>');
  });
});
