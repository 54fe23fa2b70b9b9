// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMANDS, manifestCommands } from '../../src/commands/keys';
import { runCommand } from '../../src/commands/run';
import type { Guidance } from '../../src/escalation/evaluate';
import { DEFAULT_LAYOUT, SidebarCommandName } from '../../src/model/messages';
import { App, type CommandRequest } from '../../src/sidebar/App';
import { EscalationPanel } from '../../src/sidebar/EscalationPanel';
import { Shortcuts } from '../../src/sidebar/Shortcuts';

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;

describe('the manifest commands', () => {
  const english = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;

  it('suggest distinct keys, no more than Chrome honours, each described in the browser language', () => {
    const commands = manifestCommands();
    const keys = Object.values(commands).map((command) => command.suggested_key.default);
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^Alt\+Shift\+[A-Z]$/);
    for (const { description } of Object.values(commands)) expect(english).toHaveProperty(description.replace(/^__MSG_(\w+)__$/, '$1'));
  });

  it('are toggling plus the commands the sidebar carries out itself', () => {
    expect(COMMANDS.map(({ name }) => name)).toEqual(['toggle-sidebar', ...SidebarCommandName.options]);
  });
});

describe('the command handler', () => {
  const sent: unknown[] = [];
  const answer = (handled: boolean | Error) =>
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: unknown) => {
      sent.push(message);
      if (handled instanceof Error) throw handled;
      return handled ? true : undefined;
    }) as typeof fakeBrowser.tabs.sendMessage);

  beforeEach(() => {
    sent.length = 0;
  });

  it('toggles the sidebar of the tab the keys were pressed in', async () => {
    answer(true);
    expect(await runCommand('toggle-sidebar', { id: 4 })).toBe('sidebar');
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'toggle-sidebar' }, { frameId: 0 });
  });

  it('takes the active tab when the browser names none', async () => {
    answer(true);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: 9 }] as Browser.tabs.Tab[]);
    expect(await runCommand('copy-note')).toBe('sidebar');
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(9, { type: 'sidebar-command', command: 'copy-note' }, { frameId: 0 });
  });

  it('opens the popup for quick lookup where no sidebar answers', async () => {
    answer(new Error('Could not establish connection. Receiving end does not exist.'));
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
    expect(await runCommand('focus-search', { id: 4 })).toBe('popup');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(sent).toEqual([{ type: 'sidebar-command', command: 'focus-search' }]);
  });

  it('does nothing where there is no sidebar for the note, or the popup is refused', async () => {
    answer(false);
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('no user gesture'));
    expect(await runCommand('copy-note', { id: 4 })).toBe('none');
    expect(await runCommand('focus-search', { id: 4 })).toBe('none');
    expect(await runCommand('toggle-sidebar', { id: 4 })).toBe('none');
    expect(fakeBrowser.action.openPopup).toHaveBeenCalledOnce();
  });

  it('ignores commands it does not know', async () => {
    answer(true);
    expect(await runCommand('_execute_action', { id: 4 })).toBe('none');
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });
});

describe('the cheat sheet', () => {
  it('lists the keys the browser assigned, and says which have none', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation(async () => [
      { name: '_execute_action', shortcut: '' },
      { name: 'toggle-sidebar', shortcut: 'Ctrl+Shift+Y' },
      { name: 'focus-search', shortcut: 'Alt+Shift+L' },
      { name: 'copy-note', shortcut: '' },
    ]);
    await act(async () => {
      render(<Shortcuts onClose={() => undefined} />, host);
    });
    await vi.waitFor(() => expect($('[data-testid="aa-shortcuts-commands"]')).not.toBeNull());
    const rows = Array.from(host.querySelectorAll('[data-testid="aa-shortcuts-commands"] > div')).map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector('dd')!.textContent,
    ]);
    expect(rows).toEqual([
      ['Ctrl+Shift+Y', 'Open or close the Deskmate sidebar'],
      ['Alt+Shift+L', 'Quick lookup: search the knowledge base'],
      ['not set', 'Copy the escalation note'],
    ]);
  });

  it('takes the focus, keeps Tab inside, and gives the focus back when it closes', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation(async () => []);
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    await act(async () => {
      render(<Shortcuts onClose={() => undefined} />, host);
    });
    const dialog = $('[role="dialog"]');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(dialog);
    const close = $<HTMLButtonElement>('button');
    close.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    close.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(close);
    await act(() => render(null, host));
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

const guidance: Guidance = {
  escalate: true,
  severity: 'P2',
  team: 'billing',
  teamName: 'Billing',
  reasons: [],
  checklist: [],
  sla: { targetMinutes: 60, remainingMinutes: null, breached: false },
  warnings: [],
} as unknown as Guidance;

describe('the copy-note command in the sidebar', () => {
  const panel = (copyRequest: number, onCopyNote: () => Promise<void>) =>
    act(() => render(<EscalationPanel guidance={guidance} onCopyNote={onCopyNote} onInsertNote={async () => ({ ok: true })} copyRequest={copyRequest} />, host));

  it('copies the note once for each press, not when the panel first shows', async () => {
    const copy = vi.fn(async () => undefined);
    await panel(3, copy);
    expect(copy).not.toHaveBeenCalled();
    await panel(4, copy);
    await vi.waitFor(() => expect($('[role="status"]').textContent).toBe('Escalation note copied.'));
    expect(copy).toHaveBeenCalledOnce();
  });

  it('puts the focus on the copy button and says so when the browser refuses the clipboard', async () => {
    const refused = vi.fn(() => Promise.reject(new Error('NotAllowedError')));
    await panel(0, refused);
    await panel(1, refused);
    await vi.waitFor(() => expect($('[role="status"]').textContent).toBe('The browser did not let the shortcut copy: press Enter to copy the note.'));
    expect(document.activeElement).toBe($('[data-testid="aa-copy-note"]'));
  });
});

describe('commands arriving in the sidebar', () => {
  const app = (command: CommandRequest | null) =>
    act(() =>
      render(
        <App page={{ state: 'no-ticket', helpdesk: 'zendesk' }} knowledge={null} failure={null} connection={null} layout={DEFAULT_LAYOUT} onLayout={() => undefined} command={command} />,
        host,
      ),
    );

  it('focus the search box, and say there is no note without a ticket', async () => {
    await app(null);
    await app({ name: 'focus-search', seq: 1 });
    expect(document.activeElement).toBe($('[data-testid="aa-search"]'));
    await app({ name: 'copy-note', seq: 2 });
    expect($('.notice').textContent).toBe('No escalation note here: open a ticket first.');
  });
});
