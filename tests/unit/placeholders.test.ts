import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/model/ticket';
import { fillPlaceholders } from '../../src/sidebar/placeholders';

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'Refund',
  latestMessage: '',
  thread: '',
  tags: [],
  requester: { name: 'Dana <b>Levi</b>', email: 'dana@example.com' },
};

describe('fillPlaceholders', () => {
  it('fills the requester and ticket from the open ticket', () => {
    expect(fillPlaceholders('Hi {{requester.first_name}}, ticket {{ ticket.id }}.', { ticket })).toBe('Hi Dana, ticket 35120.');
  });

  it('fills the agent from the name given', () => {
    expect(fillPlaceholders('Best, {{agent.name}} ({{ agent.first_name }})', { ticket, agentName: ' Sam Carter ' })).toBe('Best, Sam Carter (Sam)');
    expect(fillPlaceholders('Best, {{agent.name}}', { ticket: null, agentName: 'Noa' })).toBe('Best, Noa');
  });

  it('drops a placeholder without a value and the space before it', () => {
    expect(fillPlaceholders('Hi {{requester.first_name}},', { ticket: null })).toBe('Hi,');
    expect(fillPlaceholders('Hi {{agent.name}}, thanks', { ticket })).toBe('Hi, thanks');
    expect(fillPlaceholders('Hi {{agent.name}}, thanks', { ticket, agentName: '  ' })).toBe('Hi, thanks');
  });

  it('escapes values that go into HTML', () => {
    expect(fillPlaceholders('<p>Dear {{requester.name}}</p>', { ticket }, true)).toBe('<p>Dear Dana &lt;b&gt;Levi&lt;/b&gt;</p>');
    expect(fillPlaceholders('<p>{{agent.name}}</p>', { ticket, agentName: 'Sam & <i>Co</i>' }, true)).toBe('<p>Sam &amp; &lt;i&gt;Co&lt;/i&gt;</p>');
  });
});
