import { describe, expect, it } from 'vitest';
import { isLayout, isSidebarCommand, isToContent, isToggleSidebar } from '../../src/content/inbound';
import { Layout, SidebarCommand, ToContent, ToggleSidebar } from '../../src/model/messages';

const samples: unknown[] = [
  null,
  undefined,
  42,
  'insert',
  [],
  {},
  { type: 'layout', layout: { collapsed: true, width: 300 } },
  { type: 'layout', layout: { collapsed: 'yes', width: 300 } },
  { type: 'layout', layout: { collapsed: false, width: 100 } },
  { type: 'layout', layout: { collapsed: false, width: 901 } },
  { type: 'layout' },
  { type: 'insert', requestId: 1, target: 'reply', text: 'Hello' },
  { type: 'insert', requestId: 1, target: 'note', text: 'Hello', html: '<p>Hello</p>' },
  { type: 'insert', requestId: 1, target: 'public', text: 'Hello' },
  { type: 'insert', requestId: '1', target: 'reply', text: 'Hello' },
  { type: 'insert', requestId: 1, target: 'reply', text: 5 },
  { type: 'insert', requestId: 1, target: 'reply', text: 'x', html: 7 },
  { type: 'insert', requestId: 1, target: 'reply', text: 'x'.repeat(200_001) },
  { type: 'insert', requestId: 1, target: 'reply', text: 'x', html: 'y'.repeat(400_001) },
  { type: 'toggle-sidebar' },
  { type: 'toggle-sidebar', extra: true },
  { type: 'page', page: { state: 'loading' } },
  { type: 'sidebar-command', command: 'focus-search' },
  { type: 'sidebar-command', command: 'copy-note' },
  { type: 'sidebar-command', command: 'toggle-sidebar' },
  { type: 'sidebar-command', command: 'Copy-Note' },
  { type: 'sidebar-command' },
  { type: 'sidebar-command', command: ['copy-note'] },
  { type: 'command', command: 'copy-note' },
];

describe('content script guards agree with the zod contract', () => {
  it.each(samples.map((sample, i) => [i, sample]))('sample %i', (_i, sample) => {
    expect(isToContent(sample)).toBe(ToContent.safeParse(sample).success);
    expect(isToggleSidebar(sample)).toBe(ToggleSidebar.safeParse(sample).success);
    expect(isSidebarCommand(sample)).toBe(SidebarCommand.safeParse(sample).success);
    const layout = (sample as { layout?: unknown } | null)?.layout;
    expect(isLayout(layout)).toBe(Layout.safeParse(layout).success);
  });
});
