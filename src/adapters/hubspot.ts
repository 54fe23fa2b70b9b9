import { attrValue, isShown, matches, queryAll, queryFirst } from './dom';
import { earliestTime, emailIn, tagText } from './readers';
import { readText } from './text';
import type { Adapter, ComposerMode, MessageContext } from './types';

/*
 * HubSpot help desk, https://app.hubspot.com/help-desk/<portal>/view/<view>/ticket/<id>, and the ticket record,
 * https://app.hubspot.com/contacts/<portal>/record/0-5/<id>.
 *
 * Where each selector was seen (public code that reads the live app):
 *   [oolio]    StephenShawBepoz/browserscripts, hubspot/quick-actions.user.js and hubspot/status-prompt.user.js
 *              (2026): the ticket routes, `[data-selenium-test="highlightTitle"]`, the composer's
 *              `[data-test-id="composer-send-button"]` and `button[aria-label="Change channel"]` (its text names
 *              the channel: "Email", "Comment", ...), property fields as `label[id]` + `button[aria-labelledby]`.
 *   [guard]    svendvd/HubSpotSendProtector: the composer's channel is also in the URL hash (`#email`,
 *              `#live-chat`, `#comment`).
 *   [helper]   a ticket helper extension for the help desk in the public code index: `ticket-header-name-link`,
 *              `ticket-header-contact-detail-link [data-content="true"]`, `AgentThreadHistory`,
 *              `inbox-thread-loaded`, `[data-sidebar-key="Requester"]`, `contact-chicklet-email`, help-desk links
 *              `…/ticket/<id>/thread/<thread>`.
 *   [clockify] clockify/browser-extension, src/integrations/hubspot.js: `[data-application-name="svh-help-desk"]`,
 *              `[data-test-id="ticket-header-name-link"] span`, `[data-selenium-test="contact-chicklet-title-link"]`.
 *   [capture]  ticket capture extensions in the public code index: `[data-test-id="sender-name"]`,
 *              `[data-test-id="email-sender"] strong`, `[data-selenium-test="property-input-<property>"]`,
 *              `[data-test-id="highlight-property-display-subject"]`, app-eu1.hubspot.com record URLs.
 *   [props]    HubSpot's documented ticket properties: `hs_ticket_priority`, `hs_pipeline_stage`, `hs_tag_ids`,
 *              `createdate`.
 * The record is thin for the message markup inside the thread history: items are the history's entries that
 * name a sender, read without their header, and a message counts as the requester's when its sender is the
 * ticket's contact.
 */

const HISTORY = '[data-test-id="AgentThreadHistory"]';
const SENDER = '[data-test-id="sender-name"], [data-test-id="email-sender"]';
const CONTACT = '[data-test-id="ticket-header-contact-detail-link"]';
const COMPOSER_EDITABLE = '[contenteditable="true"]';

const CONTROL = 'button, [role="button"], [role="combobox"]';

/** A property's shown value: `[data-selenium-test="property-input-<name>"]` or the field its label names [oolio]. */
function property(label: RegExp): (el: Element) => string | null {
  return (el) => {
    if (el.localName !== 'label') {
      // The property's box also holds its label: the value is its control's.
      const control = matches(el, CONTROL) ? el : queryAll(el, CONTROL)[0];
      return control ? readText(control, 300) || null : null;
    }
    if (!label.test(readText(el, 100).replace(/\*$/, '').trim())) return null;
    const doc = el.ownerDocument;
    const id = el.getAttribute('id');
    const target = el.getAttribute('for');
    const control =
      (target ? doc.getElementById(target) : null) ?? (id ? queryAll(doc, `[aria-labelledby="${attrValue(id)}"]`)[0] : undefined);
    return control ? readText(control, 300) || null : null;
  };
}

function normalName(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** HubSpot marks no direction on a message: it is the requester's when its sender is the ticket's contact [helper]. */
function fromCustomer(item: Element, context: MessageContext): boolean | null {
  // Comments are the team's own; their entries are marked by name (unconfirmed markup).
  if (matches(item, '[data-test-id*="comment"]') || queryFirst(item, '[data-test-id*="comment"]')) return false;
  const sender = queryFirst(item, SENDER);
  if (!sender || !context.requesterName) return null;
  const from = normalName(readText(sender, 200));
  return from !== '' && from === normalName(context.requesterName);
}

const CHANNELS_PUBLIC = /^(e-?mail|live[- ]?chat|chat|whats ?app|facebook|messenger|form|sms)$/i;

/** One composer, switched between channels; "Comment" is the internal one [oolio] [guard]. */
function composerMode(root: Element): ComposerMode | null {
  const channel = queryAll(root, 'button[aria-label="Change channel"]').find(isShown);
  const name = (channel?.textContent ?? '').trim();
  const hash = (root.ownerDocument.defaultView?.location.hash ?? '').replace(/^#/, '');
  for (const value of [name, hash]) {
    if (/^comment/i.test(value)) return 'internal';
    if (CHANNELS_PUBLIC.test(value)) return 'public';
  }
  return null;
}

const composer = {
  // The editable in the box that holds the composer's channel button and its send button [oolio]; the ticket
  // view has no other editable.
  selectors: [`div:has(button[aria-label="Change channel"]):has([data-test-id="composer-send-button"]) ${COMPOSER_EDITABLE}`],
  handlesPaste: true,
} as const;

export const hubspot: Adapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: ['*://app.hubspot.com/*', '*://app-eu1.hubspot.com/*'],
  page: {
    hosts: ['app.hubspot.com', 'app-eu1.hubspot.com'],
    appPath: /^\/(help-desk|contacts)\//,
    signature: ['[data-application-name="svh-help-desk"]', HISTORY],
    // Help desk views (`…/ticket/<id>` and `…/ticket/<id>/thread/<thread>`) and ticket records [oolio] [helper].
    ticketPath: /^\/(?:help-desk\/\d+\/(?:.*\/)?ticket|contacts\/\d+\/(?:ticket|record\/0-5))\/(\d+)(?:\/|$)/,
  },
  root: {
    // One ticket at a time; the requester card and the properties sit beside the thread, so the view is the app.
    selectors: ['[data-application-name="svh-help-desk"]', '[data-test-id="inbox-thread-loaded"]'], // [clockify] [helper]
    within: 'body',
  },
  fields: {
    subject: {
      selectors: [
        '[data-test-id="ticket-header-name-link"] span', // [clockify]
        '[data-test-id="ticket-header-name-link"]', // [helper]
        '[data-selenium-test="highlightTitle"]', // [oolio] record page
        '[data-test-id="highlight-property-display-subject"]', // [capture]
      ],
    },
    requesterName: {
      selectors: [
        `${CONTACT} [data-content="true"]`, // [helper]
        `[data-sidebar-key="Requester"] [data-selenium-test="contact-chicklet-title-link"]`, // [helper] [clockify]
        '[data-selenium-test="contact-chicklet-title-link"]', // [clockify]
        '[data-test-id="contact-chicklet-title-link"]', // [capture]
      ],
    },
    requesterEmail: {
      selectors: [
        '[data-sidebar-key="Requester"] a[data-test-id="contact-chicklet-email"]', // [helper]
        'a[data-test-id="contact-chicklet-email"]',
        'a[data-selenium-test="contact-chicklet-email"]',
      ],
      read: emailIn,
    },
    priority: {
      selectors: ['[data-selenium-test="property-input-hs_ticket_priority"]', 'label[id]'], // [capture] [props] [oolio]
      read: property(/^priority$/i),
    },
    status: {
      selectors: ['[data-selenium-test="property-input-hs_pipeline_stage"]', 'label[id]'], // [capture] [props] [oolio]
      read: property(/^ticket status$/i),
    },
    tags: {
      selectors: ['[data-selenium-test="property-input-hs_tag_ids"] [data-component-name="UITag"]'], // [capture] [props] [helper]
      read: tagText,
    },
    createdAt: {
      selectors: ['[data-selenium-test="property-input-createdate"] time[datetime]', HISTORY],
      read: (el) => (matches(el, HISTORY) ? earliestTime(el) : el.getAttribute('datetime')),
    },
    messages: {
      items: [`${HISTORY} > :has(${SENDER})`, `${HISTORY} [role="article"]`],
      body: ['[data-test-id="message-body"]'], // by analogy with the other thread markers; unconfirmed
      order: 'oldest-first',
      fromCustomer,
      time: (item) => queryFirst(item, 'time[datetime]')?.getAttribute('datetime') ?? null,
      // The entry's header (sender, time, channel) is not the message.
      ignore: [SENDER, 'time', '.gmail_quote', 'blockquote[type="cite"]'],
    },
  },
  required: ['subject', 'latestMessage'],
  editors: {
    reply: composer,
    note: composer,
    mode: composerMode,
  },
};
