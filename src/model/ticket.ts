import * as z from 'zod/mini';
import { LIMITS } from './limits';

export { LIMITS };

/** Adapter ids, as fixed by shared/contracts.md section 1 (`data-helpdesk`). */
export const HELPDESK_IDS = [
  'zendesk',
  'freshdesk',
  'servicenow',
  'jira',
  'salesforce',
  'hubspot',
  'intercom',
  'helpscout',
  'front',
  'gorgias',
  'zammad',
  'freescout',
  'osticket',
  'rt',
] as const;
export const HelpdeskId = z.enum(HELPDESK_IDS);
export type HelpdeskId = z.infer<typeof HelpdeskId>;


export const Requester = z.object({
  name: z.optional(z.string().check(z.maxLength(LIMITS.short))),
  email: z.optional(z.string().check(z.maxLength(LIMITS.short))),
});
export type Requester = z.infer<typeof Requester>;

/**
 * The ticket as read from a helpdesk page. One schema for the content script, the sidebar and the CLI.
 * `latestMessage` is the newest message from the customer; `thread` is the whole conversation as text, newest first.
 */
export const Ticket = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(LIMITS.id)),
  helpdesk: HelpdeskId,
  url: z.string().check(z.maxLength(2_000)),
  subject: z.string().check(z.maxLength(LIMITS.subject)),
  latestMessage: z.string().check(z.maxLength(LIMITS.latestMessage)),
  thread: z.string().check(z.maxLength(LIMITS.thread)),
  requester: z.optional(Requester),
  /** The agent signed in to the helpdesk, where its page shows who that is: fills `{{agent.name}}` in answers. */
  agent: z.optional(z.object({ name: z.string().check(z.minLength(1), z.maxLength(LIMITS.short)) })),
  priority: z.optional(z.string().check(z.maxLength(LIMITS.short))),
  status: z.optional(z.string().check(z.maxLength(LIMITS.short))),
  tags: z.array(z.string().check(z.maxLength(LIMITS.tag))).check(z.maxLength(LIMITS.tags)),
  /** ISO 8601 */
  createdAt: z.optional(z.string().check(z.maxLength(LIMITS.short))),
  /** BCP 47 primary subtag guessed from the text: `en`, `ar`, `he`, ... */
  language: z.optional(z.string().check(z.maxLength(16))),
  /** How often the ticket was reopened, where the helpdesk shows it. */
  reopens: z.optional(z.number().check(z.minimum(0))),
  /** Messages from the customer on this ticket, where the adapter can count them. */
  contacts: z.optional(z.number().check(z.minimum(0))),
  /** What the agent has typed in the reply editor so far, if the adapter can see it. */
  draft: z.optional(z.string().check(z.maxLength(LIMITS.latestMessage))),
});
export type Ticket = z.infer<typeof Ticket>;

/** Field names an adapter reports as read or missing. */
export const TICKET_FIELDS = [
  'id',
  'subject',
  'latestMessage',
  'thread',
  'requester',
  'priority',
  'status',
  'tags',
  'createdAt',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** What the content script knows about the page: the sidebar's `data-state` follows from it. */
export const PageState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('loading'), helpdesk: z.optional(HelpdeskId) }),
  z.object({ state: z.literal('no-ticket'), helpdesk: HelpdeskId }),
  z.object({
    state: z.literal('unreadable'),
    helpdesk: HelpdeskId,
    /** The id when it could be read from the URL, so the agent sees which ticket failed. */
    id: z.optional(z.string().check(z.maxLength(LIMITS.id))),
    missing: z.array(z.string().check(z.maxLength(100))),
    /** Selectors tried for the missing fields: for a bug report, never ticket text. */
    diagnostic: z.string().check(z.maxLength(4_000)),
  }),
  z.object({ state: z.literal('ready'), ticket: Ticket, missing: z.array(z.string().check(z.maxLength(100))) }),
  /** The reader itself failed (a bug, or a page hostile enough to break it); the next page change tries again. */
  z.object({
    state: z.literal('error'),
    helpdesk: HelpdeskId,
    /** Where it failed, for a bug report: never ticket text. */
    diagnostic: z.string().check(z.maxLength(4_000)),
  }),
]);
export type PageState = z.infer<typeof PageState>;
