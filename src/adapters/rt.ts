import { attrValue, perPass, queryAll, queryFirst } from './dom';
import { authoredByRequester, emailIn } from './readers';
import { readText } from './text';
import type { Adapter, ComposerMode, EditorSpec, MessageContext } from './types';

/*
 * Request Tracker 5 (self-hosted), `<WebPath>/Ticket/Display.html?id=<id>`: a page per ticket, no in-app
 * navigation. The ticket's boxes (basics, people, dates) come with the page; the history is loaded after it
 * from /Helpers/TicketHistory into `#delayed_ticket_history` (ShowHistory "delay", the default). Replies and
 * comments are written on a page of their own, `Ticket/Update.html?Action=Respond|Comment&id=<id>`, which
 * shows the form and no history: there the ticket is read as far as the form shows it, for its editor.
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
 *   [update]   share/html/Ticket/Update.html and Elements/MessageBox (`body#comp-Ticket-Update`, heading "Update
 *              ticket #<id>: <subject>", `form[name="TicketUpdate"]` with the ticket's `input[name="id"]`, the
 *              "Update Type" `select#UpdateType` (`private`: comment, `response`: reply, switchable on the page),
 *              `textarea#UpdateContent`, which CKEditor 4 hides and replaces by `#cke_UpdateContent` with the
 *              editable body in a same-origin frame when rich text is on, RT's default)
 * All but [update] checked against the pages of a running RT 5.0.3 (tests/browser/rt.test.ts starts one);
 * [update] is read from RT 5.0.3's templates.
 */

const REQUESTOR = '.ticket-info-people .requestors .value .user';

const byAuthor = authoredByRequester(['.metadata .description .user']);

/** The page's requestors box, looked up once per read rather than once per message. */
const requestorsOf = perPass((doc: Document) => queryFirst(doc, '.ticket-info-people .requestors .value'));

/**
 * The requestors write to RT by e-mail (or the self-service pages), so a message is theirs when its creator is
 * one of them: by user id, or by name or address where the page shows no ids. Comments are the staff's.
 */
function fromCustomer(item: Element, context: MessageContext): boolean | null {
  const creator = queryFirst(item, '.metadata .description .user[data-user-id]')?.getAttribute('data-user-id');
  const requestors = requestorsOf(item.ownerDocument);
  if (creator && requestors) return queryAll(requestors, `.user[data-user-id="${attrValue(creator)}"]`).length > 0;
  return byAuthor(item, context);
}

/** `#123: Subject` in the page heading [display]; `Update ticket #123: Subject`, or its translation, [update]. */
function subjectFromHeading(el: Element): string | null {
  return readText(el, 1_100).replace(/^[^#]*#\d+\s*:\s*/, '') || null;
}

/** `123` in the basics box, `#123: …` or `Update ticket #123: …` in the heading, or the update form's id field. */
function idOf(el: Element): string | null {
  if (el.localName === 'input') return (el as HTMLInputElement).value;
  return /^[^#\d]*#?(\d+)\b/.exec(readText(el, 100))?.[1] ?? null;
}

const UPDATE_TYPES: Readonly<Record<string, ComposerMode>> = { private: 'internal', response: 'public' };

/**
 * Comment or reply, as the update form's "Update Type" stands now: the agent may switch it on the page. The
 * message box's `action-private` / `action-response` class, which RT keeps in step with it, stands in where
 * the select cannot be read [update].
 */
function updateType(root: Element): ComposerMode | null {
  const select = queryFirst(root, 'form[name="TicketUpdate"] select[name="UpdateType"]') as HTMLSelectElement | null;
  if (select) return UPDATE_TYPES[select.value] ?? null;
  const box = queryFirst(root, 'form[name="TicketUpdate"] .messagebox-container');
  const type = Object.keys(UPDATE_TYPES).find((name) => box?.classList.contains(`action-${name}`));
  return type === undefined ? null : (UPDATE_TYPES[type] ?? null);
}

/** One message box serves both: `updateType` says whether it is a reply or a comment [update]. */
const UPDATE_CONTENT: EditorSpec = {
  selectors: ['form[name="TicketUpdate"] #cke_UpdateContent >>> body.cke_editable', 'form[name="TicketUpdate"] textarea#UpdateContent'],
  // CKEditor 4 takes pastes through its own clipboard pipeline and content filter.
  handlesPaste: true,
};

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
    // `?id=123`, also after other arguments (`?ForceShowHistory=1;id=123`, `&results=…`) [display] [update]
    ticketUrl: /\/Ticket\/(?:Display|Update)\.html\?(?:[^#]*[;&])?id=(\d+)(?:[;&#]|$)/,
  },
  root: {
    // One ticket per page; the history arrives later inside the same body.
    selectors: ['body#comp-Ticket-Display', 'body#comp-Ticket-Update'],
  },
  fields: {
    id: {
      selectors: ['.ticket-info-basics .id .value', 'form[name="TicketUpdate"] input[name="id"]', '#header h1'], // [basics] [update] [display]
      read: idOf,
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
        const date = queryFirst(item, '.metadata .date');
        return date ? readText(date, 100) : null;
      },
      ignore: ['.message-stanza.closed', '.message-stanza-folder', '.downloadattachment', '.message-header-key'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: { reply: UPDATE_CONTENT, note: UPDATE_CONTENT, mode: updateType },
};
