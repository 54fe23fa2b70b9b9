import { INSERT_LIMITS, LAYOUT_WIDTH } from '../model/limits';
import type { Layout, SidebarCommand, ToContent, ToggleSidebar } from '../model/messages';

/*
 * What the content script accepts, checked without zod: zod alone would double the size of the script that
 * runs in every helpdesk page. tests/unit/content-inbound.test.ts holds these guards to the zod schemas in
 * src/model/messages.ts, which stay the contract.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isLayout(value: unknown): value is Layout {
  return (
    isRecord(value) &&
    typeof value.collapsed === 'boolean' &&
    typeof value.width === 'number' &&
    value.width >= LAYOUT_WIDTH.min &&
    value.width <= LAYOUT_WIDTH.max
  );
}

export function isToContent(value: unknown): value is ToContent {
  if (!isRecord(value)) return false;
  if (value.type === 'layout') return isLayout(value.layout);
  return (
    value.type === 'insert' &&
    typeof value.requestId === 'number' &&
    (value.target === 'reply' || value.target === 'note') &&
    typeof value.text === 'string' &&
    value.text.length <= INSERT_LIMITS.text &&
    (value.html === undefined || (typeof value.html === 'string' && value.html.length <= INSERT_LIMITS.html))
  );
}

export function isToggleSidebar(value: unknown): value is ToggleSidebar {
  return isRecord(value) && value.type === 'toggle-sidebar';
}

export function isSidebarCommand(value: unknown): value is SidebarCommand {
  return isRecord(value) && value.type === 'sidebar-command' && (value.command === 'focus-search' || value.command === 'copy-note');
}
