import { queryFirst } from './dom';
import { timeText, valueAfterLabel } from './readers';
import { readText } from './text';
import type { Adapter } from './types';

/*
 * osTicket (self-hosted, PHP), the staff panel at `/scp/tickets.php?id=<ticket id>`. Pages load in full or through
 * PJAX (links replace `#pjax-container` and push the new URL). The URL carries the ticket's internal id; agents
 * see its number ("Ticket #301744"), read from the page.
 *
 * Where each selector was seen (osTicket/osTicket, include/staff/):
 *   [header]   header.inc.php (`meta[http-equiv="x-pjax-version"]`, `#pjax-container`, `#content`)
 *   [view]     ticket-view.inc.php (`.sticky.bar h2 a` "Ticket #<number>", `.tixTitle h3` subject,
 *              `table.ticket_info` rows as `th` label + `td` value: Status, Priority, Create Date, User, Email;
 *              `span#user-<id>-name` / `-email`; `#ticketThread`; the reply and note forms `form#reply
 *              textarea#response`, `form#note`, tabs `#response-tabs` with `#post-reply-tab` / `#post-note-tab`)
 *   [thread]   templates/thread-entries.tmpl.php and thread-entry.tmpl.php (`#thread-items`, `.thread-entry`
 *              with `message` (the user), `response` (an agent), `note` (internal); `.header time[datetime]`,
 *              `.thread-body`)
 *   [queue]    templates/queue-tickets.tmpl.php (the ticket list, `form#tickets`)
 * osTicket has no tags of its own; the record is thin for plugins that add them.
 */

const INFO = 'table.ticket_info th';

export const osticket: Adapter = {
  id: 'osticket',
  name: 'osTicket',
  // Self-hosted: recognised by the page on hosts the user enables or the build names (EXTRA_HOSTS).
  matches: [],
  page: {
    hosts: [],
    // The staff control panel, under any installation folder.
    appPath: /(?:^|\/)scp\//,
    signature: ['meta[http-equiv="x-pjax-version"]', '#pjax-container #ticketThread', 'table.ticket_info'], // [header] [view]
    ticketPath: /(?!)/,
    // `tickets.php?id=19`, also after other arguments; not `?a=open` or a search [view].
    ticketUrl: /\/tickets\.php\?(?:[^#]*&)?id=(\d+)(?:[&#]|$)/,
  },
  root: {
    // One ticket per page; PJAX swaps the whole container [header].
    selectors: ['#pjax-container', '#content'],
  },
  fields: {
    id: {
      selectors: ['.sticky.bar .flush-left h2 a', '.sticky.bar h2'], // [view]
      read: (el) => /#\s*([A-Za-z0-9-]+)/.exec(readText(el, 200))?.[1] ?? null,
      pattern: /^[A-Za-z0-9-]{1,32}$/,
    },
    subject: {
      selectors: ['.tixTitle h3'], // [view]
    },
    requesterName: {
      selectors: ['table.ticket_info span[id^="user-"][id$="-name"]', INFO], // [view]
      read: (el) => (el.localName === 'th' ? valueAfterLabel(/^\s*user\s*:?\s*$/i)(el) : readText(el, 300)),
    },
    requesterEmail: {
      selectors: ['table.ticket_info span[id^="user-"][id$="-email"]', INFO], // [view]
      read: (el) => (el.localName === 'th' ? valueAfterLabel(/^\s*e-?mail\s*:?\s*$/i)(el) : readText(el, 300)),
    },
    priority: {
      selectors: [INFO],
      read: valueAfterLabel(/^\s*priority\s*:?\s*$/i), // [view]
    },
    status: {
      selectors: [INFO],
      read: valueAfterLabel(/^\s*status\s*:?\s*$/i), // [view]
    },
    tags: {
      // Thin record: a tags plugin's chips beside the subject.
      selectors: ['.tixTitle .tag'],
    },
    createdAt: {
      selectors: [INFO],
      read: valueAfterLabel(/^\s*create\s*date\s*:?\s*$/i), // [view]
    },
    messages: {
      // Messages, responses and notes; system entries are osTicket's own [thread].
      items: ['#thread-items .thread-entry:not(.system)', '.thread-entry:not(.system)'],
      body: ['.thread-body > div:first-child', '.thread-body'],
      // Agents choose the order in their preferences; the entries' times tell which [thread].
      order: 'oldest-first',
      fromCustomer: (item) => {
        if (item.classList.contains('message')) return true;
        if (item.classList.contains('response') || item.classList.contains('note') || item.classList.contains('system')) return false;
        return null;
      },
      time: (item) => {
        const time = queryFirst(item, '.header time[datetime], time[datetime]');
        return time ? timeText(time) : null;
      },
      ignore: ['.attachments', 'blockquote'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    // Separate forms for the reply and the internal note; Redactor's editable sits beside each textarea [view].
    // Redactor cleans pasted markup itself.
    reply: { selectors: ['form#reply .redactor-in', 'form#reply .redactor-editor', 'form#reply textarea#response'], handlesPaste: true },
    note: { selectors: ['form#note .redactor-in', 'form#note .redactor-editor', 'form#note textarea#internal_note'], handlesPaste: true },
  },
};
