import { isShown, matches, queryAll, queryFirst } from './dom';
import { emailIn, tagText, timeText } from './readers';
import type { Adapter, ComposerMode } from './types';

/*
 * Gorgias helpdesk, https://<account>.gorgias.com/app/ticket/<id> or /app/views/<view>/<id>.
 *
 * Where each selector was seen:
 *   [web]   Gorgias's own helpdesk front end as published in the public code index (React, Less modules named after
 *           the component, a Draft.js reply editor): `isSpecificTicketPath` (the two ticket routes), TicketHeader
 *           (`<h2>` subject, "ID: <id>", TicketTags, TicketStatus), TicketMessage (one container per message, with
 *           an `internal` modifier for messages that are not public and `ai` for the AI agent's),
 *           TicketDetailContainer, ReplyArea/TicketReplyArea, ReplyArea/ChannelSelect and ReplyMessageChannel (the
 *           reply area's channel picker, `isNewMessagePublic`), TicketFields, TicketPriority.
 *   [sofa]  a photo-import extension for Gorgias whose tests use `/app/ticket/<id>` and `/app/views/<view>/<id>`.
 *   [draft] Draft.js, whose editable is always `.public-DraftEditor-content[contenteditable="true"]`.
 * Module class names keep the component and class name and change their hash suffix on deploys, so they are
 * matched by prefix (`[class*="TicketMessage__container"]`). The record is thin for the customer panel and the
 * priority field: those have fallbacks and are optional.
 */

const EDITABLE = '.public-DraftEditor-content[contenteditable="true"]';
const REPLY_AREA = '[class*="TicketReplyArea__"]';
const CHANNEL_PICKER = '[class*="ChannelSelect"], [class*="ReplyMessageChannel"]';

/** The reply area's channel picker reads "Email", "Chat", ... or "Internal note" [web ChannelSelect]. */
function composerMode(root: Element): ComposerMode | null {
  const area = queryAll(root, REPLY_AREA).find(isShown);
  if (!area) return null;
  const picker = queryAll(area, CHANNEL_PICKER).find(isShown);
  if (!picker) return null;
  // A control's own label, not ticket text.
  const label = `${picker.getAttribute('aria-label') ?? ''} ${picker.textContent ?? ''}`;
  if (/internal|note/i.test(label)) return 'internal';
  if (/e-?mail|chat|messenger|sms|whats ?app|facebook|instagram|phone|reply/i.test(label)) return 'public';
  return null;
}

function fromCustomer(item: Element): boolean | null {
  // Internal notes and the AI agent's answers carry a modifier class [web TicketMessage].
  if (matches(item, '[class*="TicketMessage__internal"], [class*="TicketMessage__ai"]')) return false;
  const label = queryFirst(item, '[class*="AgentLabel"], [class*="CustomerLabel"]');
  if (!label) return null;
  return /CustomerLabel/.test(label.getAttribute('class') ?? '');
}

export const gorgias: Adapter = {
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['*://*.gorgias.com/*'],
  page: {
    hosts: ['.gorgias.com'],
    // The account host serves the helpdesk under /app, its API under /api.
    appPath: /^\/app(\/|$)/,
    signature: ['[class*="TicketDetailContainer__"]', '[class*="TicketHeader__container"]'],
    ticketPath: /^\/app\/(?:ticket|views\/\d+)\/(\d+)(?:\/|$)/, // [web] [sofa]
  },
  root: {
    // One ticket at a time, and no element carries its id (the header says "ID: <id>" in text). The customer
    // panel sits beside the detail container, so the view is the whole app.
    selectors: ['[class*="TicketDetailContainer"]'], // [web]
    within: 'body',
  },
  fields: {
    subject: {
      selectors: [
        '[class*="TicketHeader__subject"] input', // editable subject
        '[class*="TicketHeader__subject"]', // [web TicketHeader] <h2>
        '[class*="TicketTitle"] input',
      ],
    },
    requesterName: {
      selectors: ['[class*="CustomerInfo"] [class*="__name"]', '[class*="TicketMessage__container"] [class*="CustomerLabel"]'],
    },
    requesterEmail: {
      selectors: ['[class*="CustomerInfo"] a[href^="mailto:"]', '[class*="CustomerInfo"] [class*="__email"]'],
      read: emailIn,
    },
    priority: {
      selectors: ['[class*="TicketPriority"] [class*="__label"]', '[class*="TicketPriority"]'], // [web TicketPriority]
    },
    status: {
      selectors: ['[class*="TicketStatus__"]'], // [web TicketHeader]
    },
    tags: {
      selectors: ['[class*="TicketTags__tag"]', '[class*="TicketTags"] [class*="Tag__"]'], // [web TicketTags]
      read: tagText,
    },
    createdAt: {
      selectors: ['[class*="TicketMessage__container"] time[datetime]'],
      read: timeText,
    },
    messages: {
      items: ['[class*="TicketMessage__container"]'], // [web TicketMessage]
      body: ['[class*="MessageContent__"]', '[class*="TicketMessageBody"]', '[class*="MessageBody__"]'], // [web]
      order: 'oldest-first',
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, 'time[datetime]');
        return time ? timeText(time) : null;
      },
      // Quoted e-mail history repeats earlier messages.
      ignore: ['.gmail_quote', 'blockquote[type="cite"]'],
    },
  },
  required: ['subject', 'latestMessage'],
  editors: {
    // One reply area; its channel picker makes it a public reply or an internal note [web].
    reply: { selectors: [`${REPLY_AREA} ${EDITABLE}`], handlesPaste: true },
    note: { selectors: [`${REPLY_AREA} ${EDITABLE}`], handlesPaste: true },
    mode: composerMode,
  },
};
