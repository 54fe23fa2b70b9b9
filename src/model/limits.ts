/**
 * Constants shared by the content script and the schemas. This module has no zod in it on purpose: the
 * content script imports it and must stay small.
 */

/** Upper bounds on what is read from a page, so a 5 MB thread stays cheap everywhere downstream. */
export const LIMITS = {
  id: 64,
  subject: 1_000,
  latestMessage: 20_000,
  thread: 60_000,
  /** Messages a read looks at, newest first: whose they are is counted among these, and the text read from them. */
  messages: 200,
  tag: 100,
  tags: 50,
  short: 300,
} as const;

export const SIDEBAR_PORT = 'deskmate-sidebar';

export const LAYOUT_WIDTH = { min: 240, max: 900 } as const;
export const DEFAULT_LAYOUT = { collapsed: false, width: 360 } as const;

/** Limits on what the sidebar may ask the content script to insert. */
export const INSERT_LIMITS = { text: 200_000, html: 400_000 } as const;
