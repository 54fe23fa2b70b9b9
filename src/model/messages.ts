import * as z from 'zod/mini';
import { DEFAULT_LAYOUT as LAYOUT_DEFAULT, INSERT_LIMITS, LAYOUT_WIDTH } from './limits';
import { PageState } from './ticket';

export { SIDEBAR_PORT } from './limits';

/**
 * The sidebar (an extension page in an iframe) and the content script of the same tab talk over one
 * runtime port that the sidebar opens with `tabs.connect`. Page scripts cannot reach that channel;
 * every message is still validated on arrival, because a bug on either side must not become a crash.
 */
export const InsertTarget = z.enum(['reply', 'note']);
export type InsertTarget = z.infer<typeof InsertTarget>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-editor', 'wrong-mode', 'error']) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

export const Layout = z.object({
  collapsed: z.boolean(),
  width: z.number().check(z.minimum(LAYOUT_WIDTH.min), z.maximum(LAYOUT_WIDTH.max)),
});
export type Layout = z.infer<typeof Layout>;
export const DEFAULT_LAYOUT: Layout = LAYOUT_DEFAULT;

/** The keyboard commands (src/commands/keys.ts) that the sidebar itself carries out. */
export const SidebarCommandName = z.enum(['focus-search', 'copy-note']);
export type SidebarCommandName = z.infer<typeof SidebarCommandName>;

/** The helpdesk's own colour theme, where its page says; `null` when it does not, and the system's is followed. */
export const PageTheme = z.enum(['dark', 'light']);
export type PageTheme = z.infer<typeof PageTheme>;

/** Content script -> sidebar. */
export const ToSidebar = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), page: PageState }),
  z.object({ type: z.literal('layout'), layout: Layout }),
  z.object({ type: z.literal('theme'), theme: z.nullable(PageTheme) }),
  z.object({ type: z.literal('inserted'), requestId: z.number(), result: InsertResult }),
  // A keyboard command the content script relays once it has opened the sidebar and given its frame focus.
  z.object({ type: z.literal('command'), command: SidebarCommandName }),
]);
export type ToSidebar = z.infer<typeof ToSidebar>;

/** Sidebar -> content script. */
export const ToContent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('insert'),
    requestId: z.number(),
    target: InsertTarget,
    text: z.string().check(z.maxLength(INSERT_LIMITS.text)),
    html: z.optional(z.string().check(z.maxLength(INSERT_LIMITS.html))),
  }),
  z.object({ type: z.literal('layout'), layout: Layout }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** Popup or background -> content script: the toolbar popup's button, or the toggle-sidebar keyboard command. */
export const ToggleSidebar = z.object({ type: z.literal('toggle-sidebar') });
export type ToggleSidebar = z.infer<typeof ToggleSidebar>;

/** Background -> content script: a keyboard command (src/commands/keys.ts) for the sidebar to carry out. */
export const SidebarCommand = z.object({ type: z.literal('sidebar-command'), command: SidebarCommandName });
export type SidebarCommand = z.infer<typeof SidebarCommand>;
