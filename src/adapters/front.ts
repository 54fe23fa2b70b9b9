import { matches, queryFirst } from './dom';
import { emailIn, tagText } from './readers';
import { readText } from './text';
import type { Adapter, MessageContext } from './types';

/*
 * Front, https://app.frontapp.com/inboxes/…/open/<conversation>. Agents know a conversation by its ticket ID,
 * `PREFIX-number`, shown at the top of the conversation when ticket IDs are enabled for the inbox; the URL holds
 * Front's own conversation id (numeric, or `cnv_…` in base 36), which is only the key of the open view.
 *
 * Where each selector was seen:
 *   [central]  a "Link to Central" content script for app.frontapp.com ("Front's actual DOM as of Feb 2026":
 *              styled-components class names keep their component prefix, the hash suffix changes on deploys):
 *              `conversationHeader__StyledContainer`, `inboxesTopbarActions__StyledWrapperDiv`,
 *              `[data-searchable-subject="true"] span`, `viewer__StyledViewerDiv` with `data-testid="viewer-<id>"`,
 *              messages `messageViewerBase__StyledMessageDiv` / `[role="article"]`, the sender in
 *              `messageViewerRecipient__StyledDetailsWrapperDiv` and `…__StyledHandleSpan` ("Name <address>"),
 *              `messageViewerDate__StyledDateDiv`, bodies `messageHtml__StyledHtmlDiv`,
 *              `messageViewerEmailBody__StyledEmailDiv`, `messageViewerCollapsed__StyledBlurbDiv`.
 *   [help]     Front's help centre: ticket IDs are `<prefix>-<number>`, listed at the top of each conversation, a
 *              click copies them; ticket statuses are Open, Waiting and Resolved; comments are the team's own.
 *   [urls]     Front links in public code: `/inboxes/teams/views/<view>/open/<id>`, `/inboxes/shared/<inbox>/open/<id>`,
 *              `/inboxes/teammates/<id>/inbox/all/<id>`, `/inboxes/teams/<team>/inbox/<inbox>/cnv_…`, `/open/cnv_…`.
 * The record is thin for the ticket ID's own markup, the tags and status chips and the composers: the ID is read
 * from whatever control in the header holds exactly `PREFIX-number`, and the others are optional.
 */

const HEADER = '[class*="conversationHeader__StyledContainer"]';
const VIEWER = '[class*="viewer__StyledViewerDiv"]';
const MESSAGE = '[class*="messageViewerBase__StyledMessageDiv"]';
const SENDER = '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"] > div:first-child';
const HANDLE = '[class*="messageViewerRecipient__StyledHandleSpan"]';
const TICKET_ID = /^[A-Za-z0-9]+-\d+$/;

/** Folders a conversation opens from in the URL [urls]; `0` and other short numbers there are list positions. */
const FOLDERS = 'open|all|unassigned|assigned|archived|snoozed|waiting|resolved|sent|spam|trash';

function normal(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Front marks no direction on a message: it is the requester's when its sender is. Comments are the team's [help]. */
function fromCustomer(item: Element, context: MessageContext): boolean | null {
  if (matches(item, '[class*="conversationComment__"]')) return false;
  const handle = queryFirst(item, HANDLE);
  const address = handle ? emailIn(handle) : null;
  if (address && context.requesterEmail) return normal(address) === normal(context.requesterEmail);
  const sender = queryFirst(item, SENDER);
  if (sender && context.requesterName) return normal(readText(sender, 200)) === normal(context.requesterName);
  return null;
}

export const front: Adapter = {
  id: 'front',
  name: 'Front',
  matches: ['*://app.frontapp.com/*'],
  page: {
    hosts: ['app.frontapp.com'],
    appPath: /^\/(inboxes|open|conversations|search)(\/|$)/,
    signature: [HEADER, VIEWER],
    // The open conversation's key: `cnv_…` anywhere, or a numeric id after the folder it opened from [urls].
    ticketPath: new RegExp(`((?<=\\/)cnv_[0-9a-z]+|(?<=\\/(?:${FOLDERS})\\/)[1-9]\\d{3,})(?=\\/|$)`, 'i'),
  },
  root: {
    // One conversation at a time; the contact panel sits beside the viewer [central].
    selectors: [VIEWER],
    within: 'body',
  },
  fields: {
    id: {
      selectors: [
        `${HEADER} [class*="icketId"]`, // by the styled-components naming; unconfirmed
        `${HEADER} :is(button, [role="button"])`, // [help] a click copies it
        `${HEADER} :is(span, a)`,
        // The open conversation's viewer holds no other conversation's ID, unlike the list beside it.
        `${VIEWER} :is(button, [role="button"])`,
      ],
      read: (el) => readText(el, 80).replace(/^#\s*/, '').trim() || null,
      pattern: TICKET_ID,
    },
    subject: {
      selectors: [`[data-searchable-subject="true"] span`, '[data-searchable-subject="true"]', `${HEADER} h1`], // [central]
    },
    // The conversation's first message comes from the requester [central].
    requesterName: {
      selectors: [`${MESSAGE} ${SENDER}`, `[role="article"] ${SENDER}`],
    },
    requesterEmail: {
      selectors: [`${MESSAGE} ${HANDLE}`, `[role="article"] ${HANDLE}`],
      read: emailIn,
    },
    // Front has no priority field [help]: teams use tags for it.
    priority: { selectors: [] },
    status: {
      selectors: [`${HEADER} [class*="ticketStatus"]`], // [help] Open / Waiting / Resolved; unconfirmed markup
    },
    tags: {
      selectors: [`${HEADER} [class*="conversationTag__"]`], // unconfirmed markup
      read: tagText,
    },
    createdAt: {
      selectors: [`${MESSAGE} time[datetime]`, `${MESSAGE} [class*="messageViewerDate__StyledDateDiv"]`], // [central]
      read: (el) => el.getAttribute('datetime') ?? el.getAttribute('title') ?? readText(el, 100),
    },
    messages: {
      // Messages and the team's comments, in page order [central] [help].
      items: [`${MESSAGE}, [class*="conversationComment__"]`, '[role="article"]'],
      body: [
        '[class*="messageHtml__StyledHtmlDiv"]', // [central]
        '[class*="messageViewerEmailBody__StyledEmailDiv"]',
        '[class*="messageViewerCollapsed__StyledBlurbDiv"]', // a collapsed older message shows its first lines
      ],
      order: 'oldest-first',
      fromCustomer,
      time: (item) => {
        const date = queryFirst(item, 'time[datetime], [class*="messageViewerDate__StyledDateDiv"]');
        return date ? (date.getAttribute('datetime') ?? date.getAttribute('title') ?? readText(date, 100)) : null;
      },
      ignore: ['.gmail_quote', 'blockquote[type="cite"]', '[class*="messageQuote"]'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    // A reply draft and the comment box are separate editors (comments are the team's own) [help]; unconfirmed markup.
    reply: { selectors: ['[class*="replyComposer"] [contenteditable="true"]', '[class*="draftEditor"] [contenteditable="true"]'], handlesPaste: true },
    note: { selectors: ['[class*="commentComposer"] [contenteditable="true"]'], handlesPaste: true },
  },
};
