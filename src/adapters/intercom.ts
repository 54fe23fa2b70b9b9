import { isShown, matches, queryAll, queryFirst } from './dom';
import { emailIn, tagText, timeText, valueAfterLabel } from './readers';
import type { Adapter, ComposerMode } from './types';

/*
 * Intercom Inbox (Ember), https://app.intercom.com/a/inbox/<app>/inbox/<folder…>/conversation/<id>.
 *
 * Where each selector was seen (public code that reads the live inbox):
 *   [copilot]  "Support Copilot for Intercom", content script and CHANGELOG (2026): the conversation stream
 *              (`[data-testid="conversation-stream-scroll-container"]`, `.inbox2__conversation-stream`), parts
 *              (`[data-part-group-id]` with `data-part-group-category` 1 customer, 3 teammate, 5 bot, 20 system;
 *              `data-author-type`; the `inbox-2__` renaming of `inbox2__`), part bodies (`.interblocks-html`,
 *              `.inbox2__break-words`, `.inbox2__user-email-content`), the title
 *              (`[data-inbox-conversation-header-title]`, `.inbox2__conversation-title`), and the ProseMirror reply
 *              composer (`[data-conversation-reply-composer]`, `.embercom-prosemirror-composer-editor`).
 *   [selenium] a Selenium bot for the inbox: `data-part-group-category="4"` marks a note.
 *   [toggl]    toggl/track-extension, src/content/intercom.js (2021): `[data-conversation-id]`,
 *              `[data-intercom-target="conversation-card-header"]`, `.conversation__card__title__text`.
 *   [layout]   layout userscripts: `.inbox2__conversation-page`, `.inbox2__conversation-details-sidebar`,
 *              `.inbox2__composer__container` (also [clockify] clockify/browser-extension).
 *   [urls]     conversation links in public code: `/a/inbox/<app>/inbox/conversation/<id>`,
 *              `/a/inbox/<app>/inbox/shared/all/conversation/<id>`, the older `/a/apps/<app>/inbox/…`.
 *   [help]     Intercom and agent guides: one composer switched between Reply and Note, notes shown in yellow.
 * The record is thin for the details sidebar (requester, priority, tags) and the composer's mode switch: those
 * have fallbacks, and a composer whose mode is unknown never receives a note.
 */

const COMPOSER = ':is(.inbox2__composer__container, .inbox-2__composer__container, [data-conversation-reply-composer])';
const EDITABLE = '.ProseMirror[contenteditable="true"]';
const DETAILS = ':is(.inbox2__conversation-details-sidebar, .inbox-2__conversation-details-sidebar)';

/** Who wrote a part group [copilot]; a note is 4 [selenium]. */
const CATEGORY: Readonly<Record<string, boolean>> = { '1': true, '3': false, '4': false, '5': false, '20': false };

function fromCustomer(item: Element): boolean | null {
  const category = item.getAttribute('data-part-group-category');
  if (category !== null && category in CATEGORY) return CATEGORY[category] ?? null;
  const author = (matches(item, '[data-author-type]') ? item : queryFirst(item, '[data-author-type]'))?.getAttribute('data-author-type');
  if (author) {
    if (/user|lead|contact|customer/i.test(author)) return true;
    if (/admin|teammate|bot|operator/i.test(author)) return false;
  }
  return null;
}

/** The composer's Reply / Note switch [help]: notes also turn the composer yellow, which the page marks by class. */
function composerMode(root: Element): ComposerMode | null {
  const composer = queryAll(root, COMPOSER).find(isShown);
  if (!composer) return null;
  const selected = queryAll(composer, '[role="tab"][aria-selected="true"], [aria-pressed="true"]').find(isShown);
  // A control's own label, not ticket text.
  const label = selected ? `${selected.getAttribute('data-composer-mode') ?? ''} ${selected.textContent ?? ''}` : '';
  if (/note/i.test(label)) return 'internal';
  if (/reply|chat|e-?mail|message/i.test(label)) return 'public';
  if (matches(composer, '[class*="o__note"]')) return 'internal';
  return null;
}

const DETAIL_LABEL = `${DETAILS} dt`;

const composerEditor = {
  selectors: [
    `[data-conversation-reply-composer] ${EDITABLE}`, // [copilot]
    `.inbox2__composer__container ${EDITABLE}`, // [layout]
    `.inbox-2__composer__container ${EDITABLE}`,
    '.embercom-prosemirror-composer-editor[contenteditable="true"]', // [copilot]
  ],
  // ProseMirror runs pasted content through its own parser.
  handlesPaste: true,
} as const;

export const intercom: Adapter = {
  id: 'intercom',
  name: 'Intercom',
  // Intercom's EU and Australian workspaces run the same inbox on their own hosts.
  matches: ['*://app.intercom.com/*', '*://app.eu.intercom.com/*', '*://app.au.intercom.com/*'],
  page: {
    hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'],
    appPath: /^\/a\//,
    signature: ['.inbox2__conversation-stream', '[data-testid="conversation-stream-scroll-container"]'],
    ticketPath: /^\/a\/(?:inbox|apps)\/[^/]+\/(?:.*\/)?conversations?\/(\d+)(?:\/|$)/, // [urls]
  },
  root: {
    // The open conversation's card carries its id [toggl]; the details sidebar sits beside it in the page.
    selectors: ['[data-conversation-id="{id}"]'],
    within: '.inbox2__conversation-page, .inbox-2__conversation-page',
  },
  fields: {
    subject: {
      selectors: [
        '[data-inbox-conversation-header-title]', // [copilot]
        '.inbox2__conversation-title', // [copilot]
        '.inbox-2__conversation-title', // [copilot] after the renaming
        '.conversation__card__title__text input', // [toggl] custom title
        '.conversation__card__title__text', // [toggl]
      ],
    },
    requesterName: {
      selectors: [DETAIL_LABEL],
      read: valueAfterLabel(/^name$/i),
    },
    requesterEmail: {
      selectors: [DETAIL_LABEL, `${DETAILS} a[href^="mailto:"]`],
      read: (el) => (el.localName === 'dt' ? valueAfterLabel(/^e-?mail$/i)(el) : emailIn(el)),
    },
    priority: {
      selectors: [DETAIL_LABEL],
      read: valueAfterLabel(/^priority$/i),
    },
    status: {
      selectors: [DETAIL_LABEL, '[data-conversation-state]'],
      read: (el) => (el.localName === 'dt' ? valueAfterLabel(/^(state|status)$/i)(el) : el.getAttribute('data-conversation-state')),
    },
    tags: {
      selectors: [`${DETAILS} [data-tag-name]`, `${DETAILS} .inbox2__tag`],
      read: (el) => el.getAttribute('data-tag-name') ?? tagText(el),
    },
    createdAt: {
      selectors: ['[data-part-group-id] time[datetime]', '.inbox2__conversation-part time[datetime]'],
      read: timeText,
    },
    messages: {
      items: [
        '[data-part-group-id]', // [copilot] legacy, carries the author category
        '.inbox2__conversation-part', // [copilot]
        '.inbox-2__conversation-part', // [copilot]
        '[class*="group/content-part"]', // [copilot] 2026 Tailwind markup
      ],
      body: [
        '.interblocks-html', // [copilot]
        '.inbox2__user-email-content', // [copilot] e-mail parts
        '.inbox-2__user-email-content',
        '.inbox2__break-words', // [copilot]
        '.inbox-2__break-words',
        '.inbox2__renderable-part',
      ],
      order: 'oldest-first',
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, 'time[datetime]');
        return time ? timeText(time) : null;
      },
      // Quoted e-mail history repeats earlier parts.
      ignore: ['.gmail_quote', 'blockquote[type="cite"]'],
    },
  },
  required: ['subject', 'latestMessage'],
  editors: {
    // One composer for replies and notes [help]; the mode decides which.
    reply: composerEditor,
    note: composerEditor,
    mode: composerMode,
  },
};
