import { isShown, queryAll, queryFirst } from './dom';
import { earliestTime, emailIn, tagText, timeText } from './readers';
import type { Adapter, ComposerMode } from './types';

/*
 * Zendesk Agent Workspace, https://<sub>.zendesk.com/agent/tickets/<number>.
 *
 * Where each selector was seen (public code that reads the live agent UI):
 *   [liferay]  holatuwol/liferay-zendesk-userscript, src/main.ts, src/reply.ts, src/internal.ts, src/sidebar.ts,
 *              src/priority.ts, src/style.ts
 *   [toggl]    toggl/track-extension, src/content/zendesk.js (2021, 2023 and Sept 2023 UI blocks)
 *   [tmetric]  DevartSoftware/tmetric-plugins, src/in-page-scripts/integrations/zendesk.ts
 *   [timer]    Hefestos-F/cc-result-monk, EmTeste/TimerChat.user.js
 *   [palette]  danielk-am/components, command-palette/command-palette-zendesk-editor-utils.js
 *   [copilot]  joaoaguiar264/Automacoes-ALT, "Zendesk - ALT Copilot.user.js"
 *   [index]    userscripts and test suites in the public code index whose repository is not named there: a
 *              transcript exporter (message `type` attribute, internal-note tag), a WebMCP tool sample
 *              (priority and tag field markup), a client-mismatch checker ("Zendesk keeps all open tickets'
 *              panels in the DOM", scoped by `data-ticket-id`), Selenium and Cypress suites (submit button,
 *              channel switcher menu items), an agent-tools userscript (the signed-in agent's name in the
 *              header's profile menu button).
 * The record is thin for the status field, the requester's e-mail and the created time: those have several
 * fallbacks and are optional.
 */

const COMBOBOX_VALUE = '[data-garden-id="dropdowns.combobox.value"]';
const SWITCHER = '[data-test-id="omnichannel-channel-switcher-button"]';

const PUBLIC_CHANNELS = /^(web|email|mail|public|chat|messaging|native_messaging|sms|whatsapp|facebook|twitter|instagram|voice|api)$/i;

/**
 * One composer serves the public reply and the internal note; the channel switcher says which. `data-channel`
 * is `web` for a public reply [liferay internal.ts]; anything not clearly public or clearly internal is unknown,
 * so an internal note is never taken for a public reply.
 */
function composerMode(root: Element): ComposerMode | null {
  const switcher = queryAll(root, SWITCHER).find(isShown);
  if (!switcher) return null;
  const channel = switcher.getAttribute('data-channel') ?? '';
  if (/internal|note|private/i.test(channel)) return 'internal';
  if (PUBLIC_CHANNELS.test(channel)) return 'public';
  const label = `${switcher.getAttribute('aria-label') ?? ''} ${switcher.textContent ?? ''}`;
  if (/internal|note/i.test(label)) return 'internal';
  if (/public|reply|e-?mail|chat|messag|sms|whatsapp/i.test(label)) return 'public';
  return null;
}

function fromCustomer(item: Element): boolean | null {
  // Internal notes carry this tag [index transcript exporter, liferay internal.ts].
  if (queryFirst(item, '[data-test-id="omni-log-internal-note-tag"]')) return false;
  // The message element's `type` is `end-user`, `agent` or `internal` [index transcript exporter, liferay style.ts].
  const type = queryFirst(item, '[data-test-id="omni-log-item-message"]')?.getAttribute('type');
  if (type === 'end-user') return true;
  if (type === 'agent' || type === 'internal') return false;
  return null;
}

const composer = {
  selectors: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]', // [liferay reply.ts] [index Cypress suite] CKEditor 5 editable
    '[data-test-id="omnicomposer-plain-text-ckeditor"]', // [copilot] messaging channels
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]', // [copilot] [liferay reply.ts]
    '[data-test-id="editor-view"] [contenteditable="true"]', // [liferay internal.ts]
    '.zendesk-editor--rich-text-container [contenteditable="true"]', // [copilot] [liferay reply.ts] older UI
  ],
  handlesPaste: true,
} as const;

export const zendesk: Adapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['*://*.zendesk.com/*'],
  page: {
    hosts: ['.zendesk.com'],
    // The same hosts serve the Help Center under /hc: only /agent is the agent app.
    appPath: /^\/agent(\/|$)/,
    signature: ['[data-test-id="header-tablist"]', '[data-test-id="omni-log-container"]'], // [timer] [liferay main.ts]
    ticketPath: /^\/agent\/tickets\/(\d+)(?:\/|$)/, // [tmetric] including /agent/tickets/<n>/events
  },
  root: {
    // Every open ticket tab keeps its view in the page; each is keyed by the ticket number.
    selectors: [
      '[data-ticket-id="{id}"]', // [timer] [index client-mismatch checker]
      '[data-side-conversations-anchor-id="{id}"]', // [liferay main.ts] [toggl]
      '[data-test-id="ticket-{id}-custom-layout"]', // [palette]
    ],
    // Tabs not in front are `.workspace` elements with `display: none` [liferay sidebar.ts, view_columns.ts].
    within: '.workspace',
  },
  fields: {
    subject: {
      selectors: [
        'input[data-test-id="omni-header-subject"]', // [toggl] [liferay priority.ts] [tmetric]
        '[data-test-id="omni-header-subject"]', // [index WebMCP sample]
        'input[data-test-id="ticket-pane-subject"]', // [tmetric] [liferay description.ts] older UI
        'input[aria-label="Subject"]', // [toggl]
        '.editable input[name="subject"]', // [tmetric] pre-2021 UI
      ],
    },
    requesterName: {
      selectors: [
        `[data-test-id="ticket-system-field-requester-select"] ${COMBOBOX_VALUE}`, // field [index Selenium suite], value markup as priority
        '[data-test-id="ticket-system-field-requester-select"]', // [index WebMCP sample]
        '[aria-label="Requester"]',
      ],
    },
    requesterEmail: {
      // Thin record: the e-mail shows in the requester field's tooltip or the customer context panel.
      selectors: [
        '[data-test-id="ticket-system-field-requester-select"]',
        // The customer context panel beside its tab navigation [toggl]; not the whole view, whose messages
        // quote other people's addresses.
        '[data-test-id="customer-context-tab-navigation"] ~ * a[href^="mailto:"]',
      ],
      read: emailIn,
    },
    priority: {
      selectors: [
        `[data-test-id="ticket-fields-priority-select"] ${COMBOBOX_VALUE}`, // [index WebMCP sample and a userscript]
        '[data-test-id="ticket-fields-priority-select"]',
        '[aria-label="Priority"]',
      ],
    },
    status: {
      selectors: [
        `[data-test-id="ticket-fields-status-select"] ${COMBOBOX_VALUE}`, // by analogy with priority and type; unconfirmed
        '[data-test-id="ticket-fields-status-view"]', // [index WebMCP sample]
        '[data-test-id="submit_button-button"] strong', // "Submit as <strong>Open</strong>" [index Selenium suite]
        '[data-cy-test-id="status-badge-state"]', // [liferay style.ts]
      ],
    },
    tags: {
      selectors: [
        '[data-test-id="ticket-fields-tags"] [data-test-id="ticket-system-field-tags-item-selected"]', // [index WebMCP sample]
        '[data-test-id="ticket-fields-tags"] .garden-tag-item', // [tmetric]
        '[data-test-id="ticket-fields-tags"] .zd-tag-item a', // [index userscript] older UI
      ],
      read: tagText,
    },
    createdAt: {
      // Thin record: the oldest timestamp in the conversation log stands in for the creation time.
      selectors: ['[data-test-id="omni-log-container"]'],
      read: earliestTime,
    },
    messages: {
      items: [
        '[data-test-id="omni-log-container"] article[data-test-id="omni-log-comment-item"]', // [timer] [copilot]
        '[data-test-id="omni-log-comment-item"]',
      ],
      body: [
        '[data-test-id="omni-log-message-content"]', // [copilot] [index WebMCP sample]
        '[data-test-id="omni-log-item-message"]', // [index transcript exporter]
      ],
      order: 'oldest-first', // [timer] scans from the last item for the newest message
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, 'time[datetime]'); // timestamp-relative / timestamp-absolute [timer]
        return time ? timeText(time) : null;
      },
      ignore: [
        '[data-test-id="convo-log-item-read-indicator"]', // [index transcript exporter]
        '[data-test-id="convo-log-item-delivered-indicator"]',
      ],
    },
  },
  required: ['subject', 'latestMessage'],
  agent: {
    selectors: ['[data-test-id="header-profile-menu-button"] [data-garden-id="typography.ellipsis"]'], // [index agent-tools]
  },
  editors: {
    reply: composer,
    note: composer,
    mode: composerMode,
  },
};
