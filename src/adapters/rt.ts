import { attrValue, queryAll } from './dom';
import { authoredByRequester, emailIn } from './readers';
import { readText } from './text';
import type { Adapter, MessageContext } from './types';

/*
 * Request Tracker 5 (self-hosted), `<WebPath>/Ticket/Display.html?id=<id>`: a page per ticket, no in-app
 * navigation. The ticket's boxes (basics, people, dates) come with the page; the history is loaded after it
 * from /Helpers/TicketHistory into `#delayed_ticket_history` (ShowHistory "delay", the default).
 *
 * Where each selector was seen:
 *   [display]  share/html/Ticket/Display.html and share/html/Elements/Header of RT 5.0.3 as served by Debian's
 *              request-tracker5 (`body#comp-Ticket-Display`, `#rt-header-container`, `#header h1` "#<id>: <subject>")
 *   [basics]   share/html/Ticket/Elements/ShowBasics, ShowPriority, ShowPeople, ShowDates (`.ticket-info-basics`
 *              rows `.id`, `.status`, `.priority` with `.Priority` / `.FinalPriority`, `.ticket-info-people
 *              .requestors .user[data-user-id]`, `.ticket-info-dates .date.created`)
 *   [history]  share/html/Elements/ShowTransaction and ShowTransactionAttachments (`.transaction.message` for
 *              Create, Correspond and Comment, `.metadata .date`, `.description .user`, `.messagebody`,
 *              folded quotes `.message-stanza.closed` behind `.message-stanza-folder`)
 *   [cfs]      share/html/Elements/ShowCustomFields (`.custom-field.custom-field-<Name>` rows, one `li` per value)
 * All of it checked against the pages of a running RT 5.0.3 (tests/browser/rt.test.ts starts one).
 */

const REQUESTOR = '.ticket-info-people .requestors .value .user';

const byAuthor = authoredByRequester(['.metadata .description .user']);

/** The first match, or `null`; the people box comes before the history, so this stops early. */
function first(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

/**
 * The requestors write to RT by e-mail (or the self-service pages), so a message is theirs when its creator is
 * one of them: by user id, or by name or address where the page shows no ids. Comments are the staff's.
 */
function fromCustomer(item: Element, context: MessageContext): boolean | null {
  const creator = first(item, '.metadata .description .user[data-user-id]')?.getAttribute('data-user-id');
  const requestors = first(item.ownerDocument, '.ticket-info-people .requestors .value');
  if (creator && requestors) return queryAll(requestors, `.user[data-user-id="${attrValue(creator)}"]`).length > 0;
  return byAuthor(item, context);
}

/** `#123: Subject` in the page heading [display]. */
function subjectFromHeading(el: Element): string | null {
  return readText(el, 1_100).replace(/^#\d+:\s*/, '') || null;
}

export const rt: Adapter = {
  id: 'rt',
  name: 'Request Tracker',
  // Self-hosted: recognised by the page on hosts the user enables or the build names (EXTRA_HOSTS).
  matches: [],
  page: {
    hosts: [],
    // RT may live under any WebPath (`/rt`, `/tracker`): the page itself says whether it is RT.
    appPath: /^\//,
    signature: ['#rt-header-container', 'body#comp-Ticket-Display', '.ticket-info-basics'], // [display] [basics]
    // The path never names the ticket: the query does.
    ticketPath: /(?!)/,
    // `?id=123`, also after other arguments (`?ForceShowHistory=1;id=123`, `&results=…`) [display]
    ticketUrl: /\/Ticket\/Display\.html\?(?:[^#]*[;&])?id=(\d+)(?:[;&#]|$)/,
  },
  root: {
    // One ticket per page; the history arrives later inside the same body.
    selectors: ['body#comp-Ticket-Display'],
  },
  fields: {
    id: {
      selectors: ['.ticket-info-basics .id .value', '#header h1'], // [basics] [display]
      read: (el) => /^#?(\d+)\b/.exec(readText(el, 100))?.[1] ?? null,
      pattern: /^\d+$/,
    },
    subject: {
      selectors: ['#header h1', '.ticket-info-basics input[name="Subject"]'], // [display] inline edit form
      read: (el) => (el.localName === 'input' ? (el as HTMLInputElement).value : subjectFromHeading(el)),
    },
    requesterName: {
      // "Dana Levi <dana@example.com>" for unprivileged users [basics]; the reader drops the address.
      selectors: [REQUESTOR],
    },
    requesterEmail: {
      selectors: [REQUESTOR, '.ticket-info-requestor .user'],
      read: emailIn,
    },
    priority: {
      // "Medium" with PriorityAsString (RT 5's default), the number otherwise; not the final priority [basics].
      selectors: ['.ticket-info-basics .priority .current-value .Priority', '.ticket-info-basics .priority .current-value'],
    },
    status: {
      selectors: ['.ticket-info-basics .status .current-value'], // [basics]
    },
    tags: {
      // RT has no tags of its own; sites keep them in a custom field named Tags, whose rows carry its name [cfs].
      selectors: ['.custom-field-Tags li', '.custom-field-Tags:not(.unset-field) .current-value'],
    },
    createdAt: {
      selectors: ['.ticket-info-dates .date.created .current-value'], // [basics]
    },
    messages: {
      items: ['.transaction.message'], // [history]
      body: ['.messagebody', '.content'],
      // RT lists the oldest first unless the user asked otherwise; the dates tell when they can.
      order: 'oldest-first',
      fromCustomer,
      time: (item) => {
        const date = queryAll(item, '.metadata .date')[0];
        return date ? readText(date, 100) : null;
      },
      ignore: ['.message-stanza.closed', '.message-stanza-folder', '.downloadattachment', '.message-header-key'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
};
