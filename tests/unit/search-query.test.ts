import { describe, expect, it } from 'vitest';
import { cleanMessage, cleanSubject, cleanThread, PART_WEIGHTS, ticketQuery } from '../../src/search/query';

describe('cleanMessage', () => {
  it('drops greetings, signatures, device footers and quoted replies, keeps codes', () => {
    const message = [
      'Hi team,',
      '',
      "I can't sign in with SAML: error E-1021 since the 2FA change (HTTP 429 too).",
      'Hope you are well.',
      '> an older line quoted',
      'Thanks,',
      'Bob Smith',
      'ACME Corp | +1 555 0100',
      '',
      'Sent from my iPhone',
      '',
      'On Mon, Jan 6, 2025 at 10:00 AM Support <support@example.test> wrote:',
      '> What is the problem?',
    ].join('\n');
    expect(cleanMessage(message)).toBe("i can't sign in with saml: error e-1021 since the 2fa change (http 429 too).");
  });

  it('strips a greeting at the start of a line but keeps a one-line message', () => {
    expect(cleanMessage('Hello! My card is blocked')).toBe('my card is blocked');
    expect(cleanMessage('Hi Bob, I lost my card')).toBe('i lost my card');
    expect(cleanMessage('Hi, my card')).toBe('my card');
    expect(cleanMessage('Highway toll charged twice')).toBe('highway toll charged twice');
  });

  it('cuts at forwarded headers and disclaimers', () => {
    expect(cleanMessage('Refund please\nFrom: Jane Doe\nSent: Monday\nOld text')).toBe('refund please');
    expect(cleanMessage('Refund please\n-----Original Message-----\nOld text')).toBe('refund please');
    expect(cleanMessage('Refund please\nThis email and any attachments are confidential and intended only for the addressee.')).toBe('refund please');
    expect(cleanMessage('Refund please\n--\nJane')).toBe('refund please');
  });

  it('keeps a "thanks" line that is followed by more of the message', () => {
    const message = ['Thanks', 'The export fails with code X-77 every night at 2am when the job runs for the main workspace', 'and again the next morning when we retry it by hand'].join('\n');
    expect(cleanMessage(message)).toContain('x-77');
  });

  it('removes e-mail addresses and link hosts', () => {
    expect(cleanMessage('Write to bob@example.test about https://app.example.test/billing/invoices')).toBe('write to about /billing/invoices');
  });

  it('handles Arabic greetings and sign-offs', () => {
    expect(cleanMessage('مرحباً،\nلم تصل بطاقتي بعد\nشكراً\nأحمد')).toBe('لم تصل بطاقتي بعد');
  });
});

describe('cleanSubject and cleanThread', () => {
  it('drops reply and forward prefixes', () => {
    expect(cleanSubject('RE: Fwd: Card blocked')).toBe('card blocked');
  });

  it('keeps every message of a thread but drops the boilerplate lines', () => {
    expect(cleanThread('Agent: we reset it\n> quoted\nSent from my iPhone\nCustomer: still failing')).toBe('agent: we reset it\ncustomer: still failing');
  });
});

describe('ticketQuery', () => {
  it('weights subject above latest message above older thread', () => {
    const parts = ticketQuery({
      subject: 'Re: Charged twice',
      latestMessage: 'Hi,\nI see two charges for May.\nThanks,\nAnn',
      thread: 'Hi,\nI see two charges for May.\nThanks,\nAnn\n\nAgent: could you send the invoice numbers?',
    });
    expect(parts).toEqual([
      { text: 'charged twice', weight: PART_WEIGHTS.subject },
      { text: 'i see two charges for may.', weight: PART_WEIGHTS.latest },
      { text: 'agent: could you send the invoice numbers?', weight: PART_WEIGHTS.thread },
    ]);
    expect(PART_WEIGHTS.subject).toBeGreaterThan(PART_WEIGHTS.latest);
    expect(PART_WEIGHTS.latest).toBeGreaterThan(PART_WEIGHTS.thread);
  });

  it('leaves out empty parts', () => {
    expect(ticketQuery({ subject: '', latestMessage: 'card lost', thread: 'card lost' })).toEqual([{ text: 'card lost', weight: PART_WEIGHTS.latest }]);
  });

  // A super-linear step would run for minutes and hit the timeout; the cost itself is measured by `npm run bench`.
  it('finishes on a very long thread', { timeout: 10_000 }, () => {
    const thread = '> quoted line\n'.repeat(5_000) + 'Thanks\n'.repeat(5_000);
    const parts = ticketQuery({ subject: 'x', latestMessage: thread.slice(0, 19_000), thread: thread.slice(0, 59_000) });
    expect(parts.length).toBeGreaterThan(0);
  });
});
