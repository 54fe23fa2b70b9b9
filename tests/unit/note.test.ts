import { describe, expect, it } from 'vitest';
import type { Guidance } from '../../src/escalation/evaluate';
import { escapeHtml, writeNote } from '../../src/escalation/note';
import type { NoteInput } from '../../src/escalation/note';
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
  pathKind: 'functional',
  notify: 'the support duty manager',
  checklist: [{ text: 'Note what was exposed', from: 'rules', rule: 'security-breach' }],
  sla: { targetMinutes: 15, dueAt: '2026-11-20T10:15:00.000Z', remainingMinutes: 5, breached: false },
  warnings: [],
};

const input = (fields: Partial<NoteInput> = {}): NoteInput => ({
  ticket,
  guidance,
  articles: [{ id: 'breach-response', title: 'Responding to a suspected breach', url: 'https://kb.example.com/breach' }],
  matched: [
    { id: 'breach-response', title: 'Responding to a suspected breach' },
    { id: 'audit-log', title: 'Reading the audit log' },
  ],
  checklist: [
    { text: 'Note what was exposed', done: true },
    { text: 'Collect the affected accounts', done: false },
  ],
  triedSoFar: 'Checked the audit log: logins from an unknown IP',
  ask: 'Please confirm by 14:00 whether the export API was used.',
  now: new Date('2026-11-20T10:12:00Z'),
  ...fields,
});

describe('the escalation note', () => {
  it('has every field in its plain text, with the requester’s address masked', () => {
    expect(writeNote(input()).text).toBe(
      [
        'Escalation note',
        'Ticket: 35120',
        'Link: https://acme.zendesk.com/agent/tickets/35120',
        'Subject: Possible data breach',
        'Requester: Dana Levi <[hidden email]>',
        'Priority: High',
        'Status: open',
        'Created: 2026-11-20T10:00:00Z',
        'Tags: security, enterprise',
        'Severity: P1 (escalate)',
        'Target team: Security (security), functional escalation via helpdesk group "Security"',
        'Also inform: the support duty manager',
        'SLA: due in 3 minutes (2026-11-20T10:15:00.000Z; target 15 minutes)',
        'Reasons:',
        '- security-breach: "data breach" in subject',
        'Latest customer message:',
        'Our customer list was posted online.',
        'Checklist:',
        '- [x] Note what was exposed',
        '- [ ] Collect the affected accounts',
        'Tried so far:',
        'Checked the audit log: logins from an unknown IP',
        'Suggested articles:',
        '- audit-log: Reading the audit log',
        'Articles consulted:',
        '- breach-response: Responding to a suspected breach (https://kb.example.com/breach)',
        'Ask:',
        'Please confirm by 14:00 whether the export API was used.',
        'Written: 2026-11-20T10:12:00.000Z',
      ].join('\n'),
    );
  });

  it('states the SLA as of its own time', () => {
    expect(writeNote(input({ now: new Date('2026-11-20T10:40:00Z') })).text).toContain(
      'SLA: breached: was due 25 minutes ago (2026-11-20T10:15:00.000Z; target 15 minutes)',
    );
    expect(writeNote(input({ now: new Date('2026-11-23T10:40:00Z') })).text).toContain('was due 3 days ago');
    expect(writeNote(input({ ticket: { ...ticket, createdAt: undefined } })).text).toContain(
      'SLA: respond within 15 minutes (created time unknown)',
    );
  });

  it('says what is missing rather than leaving blanks', () => {
    const { text } = writeNote(
      input({
        ticket: { ...ticket, requester: undefined, priority: undefined, tags: [], url: '', latestMessage: undefined },
        guidance: { ...guidance, escalate: false, severity: 'P4', team: '', teamName: undefined, pathKind: undefined, notify: undefined, reasons: [] },
        articles: [],
        matched: undefined,
        checklist: undefined,
        triedSoFar: '  ',
        ask: undefined,
      }),
    );
    expect(text).toContain('Link: not shown');
    expect(text).toContain('Requester: not shown\nPriority: not shown');
    expect(text).toContain('Tags: none');
    expect(text).toContain('Severity: P4 (no escalation needed)\nTarget team: none\nSLA:');
    expect(text).toContain('Reasons: none');
    expect(text).toContain('Tried so far:\nnothing recorded');
    expect(text).toContain('Articles consulted: none');
    for (const absent of ['Ask:', 'Checklist:', 'Suggested articles:', 'Latest customer message:', 'Also inform:']) expect(text).not.toContain(absent);
  });

  it('names a hierarchical path and the customer tier', () => {
    const { text } = writeNote(
      input({ guidance: { ...guidance, team: 'account-management', teamName: 'Account Management', teamPath: undefined, pathKind: 'hierarchical', tier: { id: 'vip', name: 'VIP' } } }),
    );
    expect(text).toContain('Customer tier: VIP\nPriority: High');
    expect(text).toContain('Target team: Account Management (account-management), hierarchical escalation\n');
  });

  it('keeps Arabic and Hebrew text as written, without hidden direction marks', () => {
    const { text, html } = writeNote(input({ ticket: { ...ticket, subject: 'تسريب\u202e البيانات', requester: { name: 'דנה לוי' } } }));
    expect(text).toContain('Subject: تسريب البيانات');
    expect(text).toContain('Requester: דנה לוי');
    expect(html).toContain('<p dir="ltr"><strong>Subject:</strong> تسريب البيانات</p>');
  });

  it('cuts a long customer message to an excerpt', () => {
    const { text } = writeNote(input({ ticket: { ...ticket, latestMessage: 'word '.repeat(1_000) } }));
    const excerpt = text.split('Latest customer message:\n')[1]?.split('\n')[0] ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(1_501);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('the note in the ticket’s language', () => {
  it('writes Arabic right to left, with Arabic labels and masks', () => {
    const note = writeNote(input({ ticket: { ...ticket, language: 'ar', subject: 'تسريب البيانات' } }));
    expect(note).toMatchObject({ language: 'ar', dir: 'rtl' });
    expect(note.text.split('\n').slice(0, 4)).toEqual(['ملاحظة التصعيد', 'التذكرة: 35120', 'الرابط: https://acme.zendesk.com/agent/tickets/35120', 'الموضوع: تسريب البيانات']);
    expect(note.text).toContain('مقدم الطلب: Dana Levi <[مخفي: بريد إلكتروني]>');
    expect(note.text).toContain('درجة الخطورة: P1 (يلزم التصعيد)');
    expect(note.text).toContain('الموعد خلال 3 دقائق');
    expect(note.html).toContain('<p dir="rtl"><strong>الموضوع:</strong> تسريب البيانات</p>');
    expect(note.html).not.toContain('dir="ltr"');
  });

  it('writes Hebrew right to left', () => {
    const note = writeNote(input({ ticket: { ...ticket, language: 'he-IL' }, now: new Date('2026-11-20T10:40:00Z') }));
    expect(note).toMatchObject({ language: 'he', dir: 'rtl' });
    expect(note.text.startsWith('הערת הסלמה\nפנייה: 35120')).toBe(true);
    expect(note.text).toContain('הפונה: Dana Levi <[הוסתר: כתובת דוא"ל]>');
    expect(note.text).toContain('חריגה מהיעד: מועד התגובה היה לפני 25 דקות');
    expect(note.html).toContain('<p dir="rtl"><strong>נושא:</strong> Possible data breach</p>');
  });

  it('falls back to English where there is no template', () => {
    const note = writeNote(input({ ticket: { ...ticket, language: 'de' } }));
    expect(note).toMatchObject({ language: 'en', dir: 'ltr' });
    expect(note.text.startsWith('Escalation note\n')).toBe(true);
  });
});

describe('masking in the note', () => {
  const leaky = input({
    ticket: {
      ...ticket,
      subject: 'Card 4111 1111 1111 1111 charged twice',
      latestMessage: 'Call me on +44 20 7946 0958. Our key sk_live_51H8xYzAbCdEfGhIjKlMnOp leaked; IBAN DE89 3704 0044 0532 0130 00.',
      url: 'https://acme.zendesk.com/agent/tickets/35120?token=ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    },
    triedSoFar: 'Logged in as admin with password: hunter2',
    ask: 'Mail the result to dana.levi@example.com',
  });
  const secrets = ['4111 1111 1111 1111', '+44 20 7946 0958', 'sk_live_51H8xYzAbCdEfGhIjKlMnOp', 'DE89 3704 0044 0532 0130 00', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'hunter2', 'dana.levi@example.com', 'dana@example.com'];

  it('is on by default, in the text and the HTML, and counts what it hid', () => {
    const note = writeNote(leaky);
    for (const secret of secrets) {
      expect(note.text).not.toContain(secret);
      expect(note.html).not.toContain(secret);
    }
    expect(note.text).toContain('Subject: Card [hidden card number (…1111)] charged twice');
    expect(note.text).toContain('password: [hidden password]');
    expect(note.masked).toEqual({ email: 2, phone: 1, card: 1, iban: 1, token: 2, password: 1 });
    // The ticket link lost its token, so it is no longer a link.
    expect(note.html).not.toContain('href="https://acme.zendesk.com');
    expect(note.text).toContain('Ticket: 35120\n');
  });

  it('can be turned off', () => {
    const note = writeNote({ ...leaky, redact: false });
    for (const secret of secrets) expect(note.text).toContain(secret);
    expect(note.masked).toEqual({ email: 0, phone: 0, card: 0, iban: 0, token: 0, password: 0 });
  });

  it('leaves ids, dates and article links alone', () => {
    const { text } = writeNote(leaky);
    expect(text).toContain('Created: 2026-11-20T10:00:00Z');
    expect(text).toContain('Written: 2026-11-20T10:12:00.000Z');
    expect(text).toContain('(https://kb.example.com/breach)');
  });
});

describe('the note as HTML', () => {
  const xss = '<img src=x onerror="alert(1)"><script>alert(\'x\')</script>';

  it('escapes every field taken from the ticket, the agent and the articles', () => {
    const { html } = writeNote(
      input({
        ticket: { ...ticket, subject: xss, id: '<b>1</b>', tags: ['<i>t</i>'], requester: { name: xss }, priority: xss, createdAt: xss, latestMessage: xss },
        guidance: { ...guidance, reasons: [{ rule: 'r', detail: xss }] },
        articles: [{ id: 'a', title: xss, url: 'https://kb.example.com/?q="><script>' }],
        checklist: [{ text: xss, done: true }],
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

  it('links the ticket and the articles, and lets free text find its own direction', () => {
    const { html } = writeNote(input());
    expect(html).toContain('<strong>Ticket:</strong> <a href="https://acme.zendesk.com/agent/tickets/35120">35120</a>');
    expect(html).toContain('<li dir="auto"><a href="https://kb.example.com/breach">breach-response: Responding to a suspected breach (https://kb.example.com/breach)</a></li>');
    expect(html).toContain('<p dir="ltr"><strong>Tried so far:</strong></p><p dir="auto">Checked the audit log: logins from an unknown IP</p>');
  });
});
