import { describe, expect, it } from 'vitest';
import { parseLabelledTickets, parseTicketFile } from '../../src/escalation/ticket-file';

const parse = (data: unknown) => parseTicketFile(JSON.stringify(data), 'ticket.json');

describe('ticket files', () => {
  it('read `body` as the latest message and the thread', () => {
    expect(parse({ id: 742, subject: 'Export', body: 'How do I export?', priority: 2, tags: ['billing'], language: 'en' })).toEqual({
      id: '742',
      helpdesk: undefined,
      url: '',
      subject: 'Export',
      latestMessage: 'How do I export?',
      thread: 'How do I export?',
      tags: ['billing'],
      requester: undefined,
      priority: '2',
      status: undefined,
      createdAt: undefined,
      language: 'en',
    });
  });

  it('take the Ticket model’s own fields and a known helpdesk', () => {
    const ticket = parse({ id: 'INC0012001', helpdesk: 'servicenow', subject: 'S', latestMessage: 'new', thread: 'new\nold', url: 'https://x.service-now.com/1' });
    expect(ticket).toMatchObject({ helpdesk: 'servicenow', latestMessage: 'new', thread: 'new\nold', url: 'https://x.service-now.com/1' });
    expect(parse({ id: 1, helpdesk: 'kayako', subject: 'S' }).helpdesk).toBeUndefined();
  });

  it.each([
    ['Dana Levi <dana@example.com>', { name: 'Dana Levi', email: 'dana@example.com' }],
    ['dana@example.com', { email: 'dana@example.com' }],
    ['Dana Levi', { name: 'Dana Levi' }],
    [{ name: 'Dana', email: null }, { name: 'Dana', email: undefined }],
    ['  ', undefined],
  ])('read the requester %j', (requester, expected) => {
    expect(parse({ id: 1, subject: 'S', requester }).requester).toEqual(expected);
  });

  it('read tags given as one string, and nulls as absent', () => {
    expect(parse({ id: 1, subject: 'S', tags: 'vip, refund  outage', priority: null, body: null })).toMatchObject({
      tags: ['vip', 'refund', 'outage'],
      priority: undefined,
      latestMessage: '',
    });
  });

  it('name the file, the field and the JSON line at fault', () => {
    expect(() => parseTicketFile('{\n  "id": 1,\n  "subject": "S",\n}', 'ticket.json')).toThrow(/^ticket\.json:4: invalid JSON: /);
    expect(() => parse({ subject: 'S' })).toThrow('ticket.json: id: missing');
    expect(() => parse({ id: 1, subject: ['S'] })).toThrow('ticket.json: subject: expected a string, got a list');
    expect(() => parse({ id: 1, subject: 'S', requester: 5 })).toThrow('ticket.json: requester: expected a string or a mapping, got 5');
    expect(() => parse({ id: 1, subject: 'S', tags: [{}] })).toThrow('ticket.json: tags[0]: expected a string or a number, got a mapping');
    expect(() => parse({ id: ' ', subject: 'S' })).toThrow('ticket.json: id: must be 1 to 64 characters');
    expect(() => parse({ id: 1 })).toThrow('ticket.json: the ticket has neither a subject nor a body');
  });

  it('read the reopen and contact counts some helpdesks show', () => {
    expect(parse({ id: 1, subject: 'S', reopens: 2, contacts: 5 })).toMatchObject({ reopens: 2, contacts: 5 });
    expect(parse({ id: 1, subject: 'S' })).not.toHaveProperty('reopens');
    expect(() => parse({ id: 1, subject: 'S', reopens: -1 })).toThrow(/^ticket\.json: reopens: /);
  });
});

describe('labelled ticket files, one ticket a line', () => {
  const lines = (...rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n');

  it('read the label, the queue and the line of each ticket, skipping blank lines', () => {
    const tickets = parseLabelledTickets(
      `${lines({ id: 1, subject: 'A', escalate: true, queue: 'Billing' }, { id: 2, subject: 'B', escalate: 'no', group: 'Tier 1' })}\n\n${lines({ id: 3, subject: 'C', escalate: 1 })}\n`,
      'tickets.jsonl',
    );
    expect(tickets.map(({ ticket, label, queue, line }) => [ticket.id, label, queue, line])).toEqual([
      ['1', true, 'Billing', 1],
      ['2', false, 'Tier 1', 2],
      ['3', true, undefined, 4],
    ]);
  });

  it('name the file and the line at fault', () => {
    expect(() => parseLabelledTickets(`${lines({ id: 1, subject: 'A', escalate: true })}\n{`, 'tickets.jsonl')).toThrow(/^tickets\.jsonl:2: invalid JSON: /);
    expect(() => parseLabelledTickets(lines({ id: 1, subject: 'A', escalate: true }, { subject: 'B', escalate: true }), 'tickets.jsonl')).toThrow(
      'tickets.jsonl:2: id: missing',
    );
    expect(() => parseLabelledTickets(lines({ id: 1, subject: 'A', risky: true }), 'tickets.jsonl', 'risky')).not.toThrow();
  });
});
