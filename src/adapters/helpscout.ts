import { isShown, matches, queryAll, queryFirst } from './dom';
import { emailIn, tagText, timeText } from './readers';
import type { Adapter, ComposerMode } from './types';

/*
 * Help Scout, https://secure.helpscout.net/conversation/<conversation id>/<number>. Agents know a conversation by
 * its number, the second segment; the first is Help Scout's internal id. Links built from the API's id alone
 * (`/conversation/<id>`, `/conversation/<id>/`) leave the number out: then it is read from the header ("#9051").
 *
 * Where each selector was seen (public code that reads the live app):
 *   [toggl]  toggl/track-extension, src/content/helpscout.js: `[data-cy="ConversationHeader.Actions"]`, the number
 *            as the header's first `[data-cy="Text"]`, the subject in `[data-cy="EditableTextarea"]`.
 *   [hsds]   helpscout/hsds-react, Help Scout's published component library: components mark themselves with
 *            `data-cy` (`EditableTextarea`, `TagList`, `Tag`, `Text`).
 *   [hider]  trentslutzky/helpscout-thread-hider: threads are `article.thread` (`customer` for the customer's,
 *            `id="thread-<id>"`), with `section.js-thread-content > section.messageBodyWrap > section.message` holding
 *            `section.threadHeader` and `section.messageBody`.
 *   [c2c]    Maxr1998/userscripts, helpscout_click_to_copy.user.js: `#js-wrap`, `#tkContent`, `section.messageBody`.
 *   [urls]   conversation links in public code: `/conversation/<id>/<number>?folderId=<folder>`, and
 *            `/conversation/<id>` where only the API's id was at hand.
 *   [api]    Help Scout's Mailbox API: thread types `customer`, `message` (a reply), `note`, `lineitem`, `chat`,
 *            `phone`; statuses active, pending, closed; no priority field.
 * The record is thin for the customer panel and the reply editor: those have fallbacks, and an editor whose mode
 * is unknown never receives a note.
 */

const THREAD = 'article.thread';
const EDITABLE = '[contenteditable="true"]';
/** Unconfirmed: named after HSDS's `data-cy` convention. */
const EDITOR = '[data-cy="ReplyEditor"]';

const replyEditor = {
  selectors: [`${EDITOR} ${EDITABLE}`],
  handlesPaste: true,
} as const;

/** The customer's threads are `customer` [hider]; replies, notes and line items are the team's [api]. */
function fromCustomer(item: Element): boolean | null {
  if (matches(item, '.customer')) return true;
  if (matches(item, '.message, .note, .lineitem')) return false;
  return null;
}

/** "Reply" and "Note" open the same editor; a note is marked as such (yellow in the app). */
function composerMode(root: Element): ComposerMode | null {
  const editor = queryAll(root, EDITOR).find(isShown);
  if (!editor) return null;
  if (matches(editor, '.is-note, [data-mode="note"]')) return 'internal';
  if (matches(editor, '.is-reply, [data-mode="reply"]')) return 'public';
  const heading = queryAll(editor, '[role="tab"][aria-selected="true"], [aria-pressed="true"]').find(isShown);
  const label = heading?.textContent ?? '';
  if (/note/i.test(label)) return 'internal';
  if (/reply|forward/i.test(label)) return 'public';
  return null;
}

export const helpscout: Adapter = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['*://secure.helpscout.net/*'],
  page: {
    hosts: ['secure.helpscout.net'],
    appPath: /^\/(conversation|conversations|mailbox|inboxes|search|dashboard|customers?)(\/|$)/,
    signature: ['#tkContent article.thread', '[data-cy="ConversationHeader.Actions"]'],
    // The conversation id keys the open conversation; the number is the id shown (fields.id) [urls].
    ticketPath: /^\/(?:.*\/)?conversation\/(\d+)(?:\/|$)/,
  },
  root: {
    // One conversation at a time; the customer panel sits beside the threads in the app wrapper [c2c].
    selectors: ['#tkContent'],
    within: '#js-wrap',
  },
  fields: {
    id: {
      // The number as the header's first `Text` shows it, "#9051" [toggl]; the URL's second segment when there [urls].
      selectors: ['[data-cy="ConversationHeader"] [data-cy="Text"]', '[data-cy="Text"]'],
      read: (el) => /^#(\d+)$/.exec((el.textContent ?? '').trim())?.[1] ?? null,
      pattern: /^\d+$/,
      inPath: /^\/(?:.*\/)?conversation\/\d+\/(\d+)(?:\/|$)/,
    },
    subject: {
      selectors: [
        '[data-cy="ConversationHeader"] [data-cy="EditableTextarea"] textarea', // [toggl] [hsds]
        '[data-cy="ConversationHeader"] [data-cy="EditableTextarea"]',
        '[data-cy="EditableTextarea"] textarea',
      ],
    },
    // Unconfirmed: the customer panel's name and address, then the customer thread's sender line [hider].
    requesterName: {
      selectors: ['[data-cy="CustomerProfile"] [data-cy="CustomerName"]', `${THREAD}.customer section.threadHeader .from`],
    },
    requesterEmail: {
      selectors: ['[data-cy="CustomerProfile"] a[href^="mailto:"]', `${THREAD}.customer section.threadHeader .from`],
      read: emailIn,
    },
    // Help Scout has no priority field [api]: teams use tags for it.
    priority: { selectors: [] },
    status: {
      // Unconfirmed, after HSDS's `data-cy` convention.
      selectors: ['[data-cy="ConversationHeader"] [data-cy="StatusButton"]', '[data-cy="StatusButton"]'],
    },
    tags: {
      selectors: ['[data-cy="ConversationHeader"] [data-cy="TagList"] [data-cy="Tag"]', '[data-cy="TagList"] [data-cy="Tag"]'], // [hsds]
      read: tagText,
    },
    createdAt: {
      // Threads list newest first, so the last thread's time is the conversation's start.
      selectors: [`${THREAD}:last-of-type section.threadHeader time[datetime]`],
      read: timeText,
    },
    messages: {
      items: [`#tkContent ${THREAD}`, THREAD], // [hider] [c2c]
      body: ['section.messageBody'], // [hider] [c2c]
      order: 'newest-first',
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, 'section.threadHeader time[datetime], time[datetime]');
        return time ? timeText(time) : null;
      },
      // Quoted e-mail history repeats earlier threads.
      ignore: ['.gmail_quote', 'blockquote[type="cite"]', '.quoted'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    // "Reply" and "Note" open the same editor.
    reply: replyEditor,
    note: replyEditor,
    mode: composerMode,
  },
};
