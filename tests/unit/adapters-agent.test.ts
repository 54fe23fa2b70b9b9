// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertIntoEditor } from '../../src/adapters/editor';
import { freshdesk } from '../../src/adapters/freshdesk';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { zendesk } from '../../src/adapters/zendesk';
import { PageState } from '../../src/model/ticket';
import { loadFixture, openRoot } from './adapters.kit';

function ticketOf(adapter: Adapter, dir: string, file: string) {
  const url = loadFixture(dir, file);
  const state = readPage(adapter, document, url);
  expect(PageState.safeParse(state).success).toBe(true);
  if (state.state !== 'ready') throw new Error(`expected ready, got ${state.state}`);
  return state.ticket;
}

describe('the agent’s name, for {{agent.name}}', () => {
  it('Zendesk: the signed-in agent in the header’s profile menu', () => {
    expect(ticketOf(zendesk, 'zendesk', 'ticket.html').agent).toEqual({ name: 'Sam Carter' });
  });

  it('Freshdesk: the agent the ticket is assigned to', () => {
    expect(ticketOf(freshdesk, 'freshdesk', 'ticket.html').agent).toEqual({ name: 'Sam Carter' });
  });

  it('is left out where the page does not show it, or shows a placeholder', () => {
    expect(ticketOf(zendesk, 'zendesk', 'arabic.html').agent).toBeUndefined();
    const url = loadFixture('freshdesk', 'ticket.html');
    document.querySelector('[data-test-id="Agent"] .ember-power-select-selected-item')!.textContent = '--';
    const state = readPage(freshdesk, document, url);
    expect(state.state === 'ready' && state.ticket.agent).toBeFalsy();
  });
});

describe('inserting an answer into a rich editor that takes no pastes itself', () => {
  const commands: Array<{ command: string; value: string }> = [];
  const editing = (editor: HTMLElement) =>
    vi.fn((command: string, _ui: boolean, value: string) => {
      commands.push({ command, value });
      if (command === 'insertHTML') editor.insertAdjacentHTML('beforeend', value);
      else editor.append(value);
      return true;
    });

  afterEach(() => {
    commands.length = 0;
    Reflect.deleteProperty(document, 'execCommand');
  });

  function setUp(contenteditable: string) {
    const url = loadFixture('zendesk', 'ticket.html');
    const root = openRoot(zendesk, url)!;
    const editor = document.createElement('div');
    editor.className = 'rich-composer';
    editor.setAttribute('contenteditable', contenteditable);
    root.append(editor);
    const adapter: Adapter = { ...zendesk, editors: { reply: { selectors: ['.rich-composer'] } } };
    Object.defineProperty(document, 'execCommand', { value: editing(editor), configurable: true });
    return { adapter, editor };
  }

  it('goes in as HTML, keeping the answer’s direction, lists and links', () => {
    const { adapter, editor } = setUp('true');
    const html = '<div dir="rtl" lang="ar"><ul><li>الخطوة</li></ul><p><a href="https://help.example.com/a">رابط</a></p></div>';
    expect(insertIntoEditor(adapter, document, 'reply', { text: '- الخطوة', html })).toEqual({ ok: true });
    expect(commands).toEqual([{ command: 'insertHTML', value: html }]);
    expect(editor.querySelector('div[dir="rtl"] li')?.textContent).toBe('الخطوة');
  });

  it('goes in as text where the editable takes plain text only', () => {
    const { adapter, editor } = setUp('plaintext-only');
    expect(insertIntoEditor(adapter, document, 'reply', { text: 'Plain', html: '<p>Rich</p>' })).toEqual({ ok: true });
    expect(commands.map(({ command }) => command)).toEqual(['insertText']);
    expect(editor.textContent).toBe('Plain');
  });
});
