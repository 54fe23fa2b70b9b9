import type { HelpdeskId, TicketField } from '../model/ticket';

/**
 * One adapter per helpdesk, as data: selectors and a few small readers. The shared machinery in `page.ts`,
 * `read.ts` and `editor.ts` does the work, so a new helpdesk is one object and its fixtures.
 *
 * Every selector list is tried in order and the first that yields a value wins: `data-test-id` attributes
 * first (they survive restyling), then ARIA labels, then class names.
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

export interface MessagesSpec {
  /** One element per message of the conversation; a selector list matches in page order. */
  readonly items: readonly string[];
  /** The message text inside an item; the whole item when none of these match. */
  readonly body: readonly string[];
  /** The page order when timestamps cannot tell (both helpdesks let agents flip it). */
  readonly order: 'oldest-first' | 'newest-first';
  /** `true` written by the customer, `false` by an agent (reply or internal note), `null` when the page does not say. */
  readonly fromCustomer: (item: Element) => boolean | null;
  /** When the message was written, as the page states it (ISO attribute or display text). */
  readonly time?: (item: Element) => string | null;
  /** Parts of a message that are not its text: quoted history, read receipts, action chips. */
  readonly ignore?: readonly string[];
}

/** Recognising the agent app and the open ticket from the URL and the page. */
export interface PageSpec {
  /** Host names: `example.com` exactly, `.example.com` for it and any subdomain. Any port, http or https. */
  readonly hosts: readonly string[];
  /** Paths of the agent app; the same hosts also serve help centres and customer portals. */
  readonly appPath: RegExp;
  /** Elements only the agent app renders: recognises it on hosts the user added (custom domains). */
  readonly signature: readonly string[];
  /** Captures the ticket id agents see from the URL path; no match means no ticket is open. */
  readonly ticketPath: RegExp;
}

/**
 * The element holding the open ticket's view. `{id}` in a selector stands for the ticket id, so a view kept
 * in the page for another tab never matches; hidden matches are skipped as well.
 */
export interface RootSpec {
  readonly selectors: readonly string[];
  /** Widens a match to this ancestor, when the fields sit beside the matched element rather than inside it. */
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
  readonly editors?: {
    readonly reply: EditorSpec;
    readonly note?: EditorSpec;
    /** What the composer is set to, when one composer serves both (Zendesk's channel switcher). */
    readonly mode?: (root: Element) => ComposerMode | null;
  };
}
