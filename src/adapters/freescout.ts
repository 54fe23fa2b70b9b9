import { isShown, queryAll, queryFirst } from './dom';
import { valueAfterLabel } from './readers';
import { readText } from './text';
import type { Adapter, ComposerMode } from './types';

/*
 * FreeScout (self-hosted, Laravel), `/conversation/<conversation id>`: a page per conversation. The URL carries
 * the conversation's id; agents see its number ("# 388"), read from the page.
 *
 * Where each selector was seen (freescout-help-desk/freescout, resources/views/):
 *   [view]     conversations/view.blade.php (`body[data-conversation_id]`, `#conv-layout`, `#conv-subject
 *              .conv-subjtext`, `.conv-numnav strong` with the number, `#conv-status` / `.conv-status` and
 *              `.conv-info-val`, the reply form `.form-reply` with `textarea#body` and the hidden `is_note`)
 *   [thread]   conversations/partials/thread.blade.php (`.thread.thread-type-customer` / `-message` / `-note` /
 *              `-lineitem` / `-draft`, `.thread-body`, `.thread-date` with the full date in its title)
 *   [customer] customers/profile_snippet.blade.php (`.customer-name`, `.customer-email .contact-main`)
 *   [table]    conversations/conversations_table.blade.php (`table.table-conversations`, `tr.conv-row`)
 *   [editor]   modules that hook the reply form (`.note-toolbar`, `.form-reply input[name="is_note"]` "1" for a note)
 * FreeScout has no priority or tags of its own: modules add them (a Priority custom field, the Tags module
 * beside the subject). The record is thin for their markup: they are read by label and by class, and optional.
 */

const CONVERSATION = '#conv-layout-main';

/** FreeScout prints full dates in the title of each thread's relative date [thread]. */
function threadDate(el: Element): string | null {
  return el.getAttribute('title') || readText(el, 100) || null;
}

/** The oldest thread's date: FreeScout lists threads newest first and has no creation date of its own. */
function oldestThreadDate(el: Element): string | null {
  const dates = queryAll(el, '.thread:not(.thread-type-lineitem) .thread-date');
  const last = dates[dates.length - 1];
  return last ? threadDate(last) : null;
}

/** One reply form serves both; the hidden `is_note` is "1" while it writes a note [view] [editor]. */
function composerMode(root: Element): ComposerMode | null {
  const form = queryAll(root, '.conv-reply-block form.form-reply').find((el) => isShown(el));
  const flag = form ? queryAll(form, 'input[name="is_note"]')[0] : undefined;
  if (!flag) return null;
  return ((flag as HTMLInputElement).value ?? flag.getAttribute('value')) === '1' ? 'internal' : 'public';
}

const replyForm = {
  // Summernote's editable area beside the form's textarea; the bare textarea where the editor is off [editor].
  selectors: ['.conv-reply-block .note-editable[contenteditable="true"]', '.conv-reply-block textarea#body'],
  // A paste the editor does not take is written through the editing command instead.
  handlesPaste: true,
} as const;

export const freescout: Adapter = {
  id: 'freescout',
  name: 'FreeScout',
  // Self-hosted: recognised by the page on hosts the user enables or the build names (EXTRA_HOSTS).
  matches: [],
  page: {
    hosts: [],
    // Also under a sub-folder (`/helpdesk/conversation/512`).
    appPath: /(?:^|\/)(?:conversation|mailbox|search|customers)(?:\/|$)/,
    signature: ['#conv-layout', 'table.table-conversations', 'tr.conv-row[data-conversation_id]'], // [view] [table]
    ticketPath: /\/conversation\/(\d+)(?:\/|$)/, // the conversation id [view]
  },
  root: {
    // The body names the conversation it shows [view].
    selectors: ['body[data-conversation_id="{id}"]'],
  },
  fields: {
    id: {
      selectors: ['#conv-subject .conv-numnav strong'], // [view]
      pattern: /^\d+$/,
    },
    subject: {
      selectors: ['#conv-subject .conv-subjtext > span', '#conv-subject .conv-subjtext'], // [view]
    },
    requesterName: {
      selectors: ['#conv-layout-customer .customer-snippet .customer-name'], // [customer]
    },
    requesterEmail: {
      selectors: ['#conv-layout-customer .customer-email .contact-main', '#conv-layout-customer .customer-email'], // [customer]
    },
    priority: {
      // A custom field named Priority, shown as a labelled value in the conversation header.
      selectors: ['#conv-layout-header label', '#conv-layout-header .control-label'],
      read: valueAfterLabel(/^\s*priority\s*:?\s*$/i),
    },
    status: {
      selectors: ['#conv-status .conv-info-val > span:first-child', '.conv-info .conv-status li.active a'], // [view]
    },
    tags: {
      selectors: ['#conv-subject .conv-tags .tag-name', '#conv-subject .conv-tags .tag'],
    },
    createdAt: {
      selectors: [CONVERSATION],
      read: oldestThreadDate,
    },
    messages: {
      // Status changes and assignments carry no thread id, drafts are the agent's own unsent text [thread].
      items: [`${CONVERSATION} .thread[data-thread_id]:not(.thread-type-draft)`],
      body: ['.thread-body'],
      order: 'newest-first', // [thread] ("To the First Message" scrolls down)
      fromCustomer: (item) => {
        if (item.classList.contains('thread-type-customer')) return true;
        if (item.classList.contains('thread-type-message') || item.classList.contains('thread-type-note')) return false;
        return null;
      },
      time: (item) => {
        const date = queryFirst(item, '.thread-date');
        return date ? threadDate(date) : null;
      },
      // Quoted history, the "Customer viewed" line, attachments and send-status alerts [thread].
      ignore: ['blockquote', '.thread-opened-at', '.thread-attachments', '.alert'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    reply: replyForm,
    note: replyForm,
    mode: composerMode,
  },
};
