import { isShown, matches, queryAll, queryFirst } from './dom';
import { emailIn, headingText, tagText, timeText, valueAfterLabel } from './readers';
import { readText } from './text';
import type { Adapter, ComposerMode } from './types';

/*
 * Freshdesk agent UI (Ember), https://<sub>.freshdesk.com/a/tickets/<number>.
 *
 * Where each selector was seen (public code that reads the live agent UI):
 *   [toggl]    toggl/track-extension, src/content/freshdesk.js ("Freshdesk mint", late 2018)
 *   [tmetric]  DevartSoftware/tmetric-plugins, src/in-page-scripts/integrations/freshdesk.ts
 *   [mwr]      ivanovichko/MWR_New_Booking_Server, "frontend/MWR Booking Tools.user.js" (conversation wrappers,
 *              reply bar, composer, Froala editable)
 *   [kcgthb]   kcgthb/tampermonkey-userscripts, freshdesk-external-reply-color.user.js and README
 *   [nav]      roelvanduijnhoven/freshdesk-mint-navigator, snipplet.js (`data-album` per conversation item)
 *   [eps]      cibernox/ember-power-select (the dropdown component Freshdesk's property form renders)
 *   [index]    userscripts in the public code index whose repository is not named there: a context bridge
 *              (`tkt-properties-<field>` dropdowns, `user-name`, requester widget), a helper that reads
 *              `.requestor-wrap[data-album="ticket_<id>"]`, `.created-time .timeago-units` and the contact
 *              details labels, clockify and bookmarklet scripts (`.ticket-details__item__content`).
 * The record is thin for the tag field of the current UI and for telling the reply editor from the note
 * editor: those have several fallbacks, and an editor whose mode is unknown never receives a note.
 */

const EDITABLE = '.fr-element[contenteditable="true"]';
const NOTE_EDITOR = '[data-test-id="note-editor"], .ticket-editor--note';
const REPLY_EDITOR = '[data-test-id="reply-editor"], .ticket-editor--reply';

/**
 * Freshdesk opens one composer at a time from the reply bar: "Reply" (public, sent to the requester) or
 * "Add note" (private by default). The reply composer's footer holds the Send button `.reply-btn` [mwr].
 */
function composerMode(root: Element): ComposerMode | null {
  const editor = queryAll(root, '.ticket-editor, [data-test-id="reply-editor"], [data-test-id="note-editor"]').find(isShown);
  if (!editor) return null;
  if (matches(editor, NOTE_EDITOR)) return 'internal';
  if (matches(editor, REPLY_EDITOR)) return 'public';
  const submit = queryAll(editor, '.ticket-editor__footer button, button[type="submit"]').find(isShown);
  const label = submit ? readText(submit, 100) || (submit.textContent ?? '') : '';
  if (/note/i.test(label)) return 'internal';
  if (submit && matches(submit, '.reply-btn')) return 'public';
  return /send|reply/i.test(label) ? 'public' : null;
}

function fromCustomer(item: Element): boolean {
  // The requester's messages carry `ticket-details__requestor`, also when shown as a note [kcgthb]; the
  // description is the requester's first message [index helper].
  return matches(item, '.ticket-details__requestor, .requestor-wrap, .requester-wrap, [data-test-id="ticket-description"]');
}

export const freshdesk: Adapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['*://*.freshdesk.com/*'],
  page: {
    hosts: ['.freshdesk.com'],
    // The same hosts serve the customer portal under /support: only /a is the agent app.
    appPath: /^\/a(\/|$)/,
    signature: [
      'body.ember-application [data-test-id="ticket-description"]', // [mwr] [index helper]
      'body.ember-application .ticket-subject-heading', // [toggl]
      'body.ember-application .page-actions__left', // [toggl] [tmetric]
    ],
    ticketPath: /^\/a\/tickets\/(\d+)(?:\/|$)/, // [tmetric]
  },
  root: {
    // The description of the ticket in the URL [index helper]; Freshdesk shows one ticket at a time, and the
    // properties form and contact panel sit beside the conversation, so the view is the whole app.
    selectors: ['[data-album="ticket_{id}"]'],
    within: 'body',
  },
  fields: {
    subject: {
      selectors: [
        '.ticket-subject-heading', // [toggl] [tmetric] [index context bridge, clockify]
        '.description-subject', // [tmetric] 2019 UI
      ],
      // The heading also holds badges and buttons [toggl strips its children].
      read: headingText,
    },
    requesterName: {
      selectors: [
        '[data-test-id="ticket-description"] .sender-info [data-test-id="user-name"]', // [mwr] [index context bridge]
        '.requestor-wrap [data-test-id="user-name"]', // [index helper]
        '.requester-wrap [data-test-id="user-name"]', // [index context bridge]
        '.widget-requestor-info [data-test-id="user-name"]', // [index context bridge]
      ],
    },
    requesterEmail: {
      selectors: [
        '[data-test-id="requester-info-contact-email"] .info-details-content', // requester-info-contact-<field> [index context bridge]
        '.info-details-widget .text__infotext', // "Email" label, value beside it [index helper]
        '.widget-requestor-info a[href^="mailto:"]', // [index context bridge]
      ],
      read: (el) => (matches(el, '.text__infotext') ? valueAfterLabel(/^e-?mail$/i)(el) : emailIn(el)),
    },
    priority: {
      selectors: [
        '[data-test-id="tkt-properties-priority"] .ember-power-select-selected-item', // [index context bridge] [eps]
        '[data-test-id="priority"] .ember-power-select-selected-item', // [index context bridge]
        '[data-test-id="ticket-priority"]', // [index context bridge]
      ],
    },
    status: {
      selectors: [
        '[data-test-id="tkt-properties-status"] .ember-power-select-selected-item', // [index context bridge] [eps]
        '[data-test-id="ticket-status"]', // [index context bridge]
      ],
    },
    tags: {
      selectors: [
        // The tags field follows the tkt-properties-<field> naming; its chips are ember-power-select's [eps].
        '[data-test-id="tkt-properties-tags"] .ember-power-select-multiple-option',
        '.ticket-tags li .tag-options', // [toggl] 2018 UI
      ],
      read: tagText,
    },
    createdAt: {
      selectors: [
        '[data-test-id="ticket-description"] .created-time .timeago-units', // "(Mon, 3 Mar 2025 at 9:12 AM)" [index helper]
        '.requestor-wrap .created-time .timeago-units', // [index helper]
        '[data-test-id="ticket-description"] time[datetime]',
      ],
      read: timeText,
    },
    messages: {
      items: [
        '[data-test-id="ticket-description"], [data-test-id="conversation-wrapper"]', // [mwr] [index helper]
        '.ticket-details__item', // [nav] [kcgthb]
        '[data-album]', // [nav]
      ],
      body: [
        '[data-test-conversation="conversation-text"]', // [mwr]
        '#ticket_original_request', // [mwr] [index helper]
        '.ticket_note', // [mwr]
        '[data-test-id="conversation-content-wrapper"]', // [mwr]
        '.ticket-details__item__content', // [mwr] [index bookmarklet]
        '.text-content-wrapper', // [mwr]
      ],
      order: 'oldest-first', // [mwr] keeps "the last two conversations" open as the newest
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, '.created-time .timeago-units, time[datetime]'); // [index helper]
        return time ? timeText(time) : null;
      },
      // Quoted e-mail history repeats older messages [index helper "clear quotes"].
      ignore: ['.freshdesk_quote', '.x_freshdesk_quote', '.gmail_quote', '.quoted-text'],
    },
  },
  required: ['subject', 'latestMessage'],
  agent: {
    // The header shows who is signed in only as an avatar; the agent the ticket is assigned to, the one answering
    // it, stands in [index context bridge `getDropdown("Agent")`]. The placeholder "--" reads as no one.
    selectors: ['[data-test-id="Agent"] .ember-power-select-selected-item'],
  },
  editors: {
    reply: {
      selectors: [
        `[data-test-id="reply-editor"] ${EDITABLE}`,
        `.ticket-editor--reply ${EDITABLE}`,
        `.ticket-editor .fr-element.fr-view[contenteditable="true"]`, // [mwr]
      ],
      handlesPaste: true,
    },
    note: {
      selectors: [
        `[data-test-id="note-editor"] ${EDITABLE}`,
        `.ticket-editor--note ${EDITABLE}`,
        `.ticket-editor .fr-element.fr-view[contenteditable="true"]`, // [mwr]
      ],
      handlesPaste: true,
    },
    mode: composerMode,
  },
};
