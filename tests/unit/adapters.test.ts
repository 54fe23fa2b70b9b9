// @vitest-environment happy-dom
import { freshdesk } from '../../src/adapters/freshdesk';
import { zendesk } from '../../src/adapters/zendesk';
import { describeAdapterKit } from './adapters.kit';

const subject = `Can't sign in with SSO: "SAML response is invalid"`;
const thread = [
  'Do we need to upload the new certificate',
  'Checked the IdP metadata',
  'Could you send us a SAML trace',
  'Since this morning none of our staff',
];
const arabic = {
  subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
  latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
  requesterName: 'ليلى حداد',
};

describeAdapterKit({
  adapter: zendesk,
  dir: 'zendesk',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '35120',
      subject,
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: thread,
    // The tab for ticket 35118 stays in the page behind the open one.
    absent: ['Invoice copy for February', 'February invoice', 'Omar', 'Remove', '×', 'Public reply', 'Submit as'],
  },
  noTicket: 'views.html',
  loading: 'loading.html',
  arabic: { file: 'arabic.html', id: '35122', ...arabic },
  priorityElements: '[data-test-id="ticket-fields-priority-select"]',
});

describeAdapterKit({
  adapter: freshdesk,
  dir: 'freshdesk',
  ticket: {
    file: 'ticket.html',
    expected: {
      id: '742',
      subject,
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      // Freshdesk prints local time without a zone, as the browser reads it.
      createdAt: new Date('Mon, 3 Mar 2025 9:12 AM').toISOString(),
      requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
    },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: thread,
    absent: ['Acme Support wrote', '✎', '×', 'Summarize', 'Send'],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  arabic: { file: 'arabic.html', id: '744', ...arabic },
  priorityElements: '[data-test-id="tkt-properties-priority"]',
});
