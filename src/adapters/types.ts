import type { PageTheme } from '../model/messages';
import type { HelpdeskId, TicketField } from '../model/ticket';

/**
 * One adapter per helpdesk, as data: selectors and a few small readers. The shared machinery in `page.ts`,
 * `read.ts` and `editor.ts` does the work, so a new helpdesk is one object and its fixtures.
 *
 * Every selector list is tried in order and the first that yields a value wins: `data-test-id` attributes
 * first (they survive restyling), then ARIA labels, then class names. A selector containing `>>>` also looks
 * inside open shadow roots and same-origin frames (dom.ts).
 */

/** Where one value sits inside the ticket view and how to read a matching element. */
export interface FieldSpec {
  readonly selectors: readonly string[];
  /** Turns a match into the value; `null` or blank moves on to the next match. Defaults to the text (or an input's value). */
  readonly read?: (el: Element) => string | null;
}

/** A list field such as tags: every element the first productive selector matches is one item. */
export interface ListSpec {
  readonly selectors: readonly string[];
  readonly read?: (el: Element) => string | null;
}

/** The ticket id agents see, when the page shows it and the URL does not (ServiceNow's Number, Salesforce's CaseNumber). */
export interface IdSpec extends FieldSpec {
  /** What an id looks like: a read value that does not match (a label, a placeholder) is no id. */
  readonly pattern: RegExp;
  /**
   * Captures the id from the URL path where only some links carry it (Help Scout's `/conversation/<id>/<number>`,
   * whose number links often leave out): the URL's, when it matches `pattern`, is taken before the page's.
   */
  readonly inPath?: RegExp;
}

/** What a message's author can be compared with, as read from the same ticket. */
export interface MessageContext {
  readonly requesterName?: string;
  readonly requesterEmail?: string;
}

export interface MessagesSpec {
  /** One element per message of the conversation; a selector list matches in page order. */
  readonly items: readonly string[];
  /** The message text inside an item; the whole item when none of these match. */
  readonly body: readonly string[];
  /** The page order when timestamps cannot tell (both helpdesks let agents flip it). */
  readonly order: 'oldest-first' | 'newest-first';
  /**
   * `true` written by the customer, `false` by an agent (reply or internal note), `null` when the page does not
   * say. Apps that mark a message only by its author's name compare it with the requester in `context`.
   */
  readonly fromCustomer: (item: Element, context: MessageContext) => boolean | null;
  /** When the message was written, as the page states it (ISO attribute or display text). */
  readonly time?: (item: Element) => string | null;
  /** Parts of a message that are not its text: quoted history, read receipts, action chips. Plain selectors. */
  readonly ignore?: readonly string[];
  /**
   * The customer's first message, where the app keeps it apart from the conversation (ServiceNow's Description,
   * the request description in Jira Service Management): read as the oldest message, from the customer.
   */
  readonly opening?: readonly string[];
}

/** Recognising the agent app and the open ticket from the URL and the page. */
export interface PageSpec {
  /** Host names: `example.com` exactly, `.example.com` for it and any subdomain. Any port, http or https. */
  readonly hosts: readonly string[];
  /** Paths of the agent app; the same hosts also serve help centres and customer portals. */
  readonly appPath: RegExp;
  /** Elements only the agent app renders: recognises it on hosts the user added (custom domains). */
  readonly signature: readonly string[];
  /**
   * Captures the open ticket from the URL path; no match (of this or `ticketUrl`) means no ticket is open. The
   * capture is the ticket id agents see, unless the adapter reads that from the page (`fields.id`): then it is
   * the URL's own key for the record (a `sys_id`, a record id), used only for `{id}` in root selectors.
   */
  readonly ticketPath: RegExp;
  /**
   * Like `ticketPath`, tried after it, over the percent-decoded path, query and fragment together, for apps that
   * name the open record in the query (`/incident.do?sys_id=…`, `/nav_to.do?uri=…`) or the fragment.
   */
  readonly ticketUrl?: RegExp;
}

/**
 * The element holding the open ticket's view. `{id}` in a selector stands for the URL's key of the ticket, so a
 * view kept in the page for another tab never matches; hidden matches are skipped as well.
 */
export interface RootSpec {
  readonly selectors: readonly string[];
  /**
   * Widens a match to this ancestor (across shadow roots and frames), when the fields sit beside the matched
   * element rather than inside it. Also names the views to choose from on pages that key none: the one shown
   * view holding a subject, the innermost when views nest. Prefix it with `>>>` when views sit in shadow
   * roots or frames.
   */
  readonly within?: string;
}

export interface EditorSpec {
  /** A contenteditable or textarea, or an element containing one. */
  readonly selectors: readonly string[];
  /** The editor handles `paste` itself (CKEditor 5, Froala): a synthetic paste goes through its own pipeline. */
  readonly handlesPaste?: boolean;
}

export type ComposerMode = 'public' | 'internal';

export interface Adapter {
  readonly id: HelpdeskId;
  readonly name: string;
  /** Manifest match patterns for the content script and host permissions. */
  readonly matches: readonly string[];
  readonly page: PageSpec;
  readonly root: RootSpec;
  readonly fields: {
    /** Read from the page instead of the URL; list `id` in `required` with it. */
    readonly id?: IdSpec;
    readonly subject: FieldSpec;
    readonly requesterName: FieldSpec;
    readonly requesterEmail: FieldSpec;
    readonly priority: FieldSpec;
    readonly status: FieldSpec;
    readonly tags: ListSpec;
    readonly createdAt: FieldSpec;
    readonly messages: MessagesSpec;
  };
  /** Fields without which the ticket is reported `unreadable` instead of `ready`. */
  readonly required: readonly TicketField[];
  /**
   * The signed-in agent's name, for `{{agent.name}}` in answers. Looked for in the whole page, not the ticket
   * view: apps show it in their header or profile menu.
   */
  readonly agent?: FieldSpec;
  /**
   * The theme the agent chose in the helpdesk, from the markup the app sets for it; `null` when the page does not
   * say. Without it, or when it says nothing, the page's own colours are looked at (src/adapters/theme.ts).
   */
  readonly theme?: (doc: Document) => PageTheme | null;
  readonly editors?: {
    readonly reply: EditorSpec;
    readonly note?: EditorSpec;
    /** What the composer is set to, when one composer serves both (Zendesk's channel switcher). */
    readonly mode?: (root: Element) => ComposerMode | null;
  };
}
