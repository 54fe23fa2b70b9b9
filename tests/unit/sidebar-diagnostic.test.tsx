// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageState, Ticket } from '../../src/model/ticket';
import { ErrorBoundary } from '../../src/sidebar/App';
import { renderDiagnostic } from '../../src/sidebar/diagnostic';

const SECRET = 'Jane Roe, card 4111 1111 1111 1111, lives at 12 Elm St';

const ticket: Ticket = {
  id: '48213',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/48213?search=jane%20roe#comment-99',
  subject: SECRET,
  latestMessage: SECRET,
  thread: SECRET,
  tags: [],
};
const ready: PageState = { state: 'ready', ticket, missing: [] };

function thrown(message: string, stack: string, name = 'TypeError'): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = stack;
  return error;
}

describe('renderDiagnostic', () => {
  it('names the error, where it was thrown, the helpdesk and the masked route', () => {
    const error = thrown(`Cannot read properties of undefined (reading '${SECRET}')`, [
      `TypeError: Cannot read properties of undefined (reading '${SECRET}')`,
      '    at Zt (chrome-extension://abcdefgh/chunks/sidebar-CiWOpTTJ.js:1:23456)',
      '    at chrome-extension://abcdefgh/chunks/jsxRuntime-Ctr2Jw-m.js:1:999',
    ].join('\n'));
    expect(renderDiagnostic(error, ready)).toBe(
      ['sidebar error: TypeError', 'at: sidebar-CiWOpTTJ.js:1:23456', 'helpdesk: zendesk', 'path: /agent/tickets/:id?search=:id#:id', 'page state: ready'].join('\n'),
    );
  });

  it('never quotes ticket text, ids or the extension id, whatever the message and stack hold', () => {
    // A message over several lines that looks like frames, as a parser quoting the ticket could write it.
    const message = `${SECRET}\n    at evil (https://attacker.test/${SECRET}.js:1:2)\nfoo@bar/${SECRET}:3:4`;
    const error = thrown(message, `SyntaxError: ${message}\n    at JSON.parse (<anonymous>)\n    at Ra (moz-extension://id/chunks/sidebar-x.js:2:3)`, 'SyntaxError');
    const diagnostic = renderDiagnostic(error, ready);
    for (const text of [SECRET, 'Jane', '4111', '48213', 'attacker', 'abcdefgh', 'moz-extension://id']) expect(diagnostic).not.toContain(text);
    expect(diagnostic).toContain('at: sidebar-x.js:2:3');
  });

  it('reads Firefox stacks and survives errors without a stack or an honest name', () => {
    const firefox = thrown('x', 'Zt@moz-extension://0c1d/chunks/sidebar-abc.js:4:56\n@moz-extension://0c1d/chunks/sidebar-abc.js:1:2');
    expect(renderDiagnostic(firefox, { state: 'no-ticket', helpdesk: 'jira' })).toBe(
      ['sidebar error: TypeError', 'at: sidebar-abc.js:4:56', 'helpdesk: jira', 'page state: no-ticket'].join('\n'),
    );
    const noStack = thrown('x', '', `Error for ${SECRET}`);
    expect(renderDiagnostic(noStack, { state: 'loading' })).toBe('sidebar error: Error\npage state: loading');
    expect(renderDiagnostic(SECRET, { state: 'loading' })).toBe('sidebar error: thrown string\npage state: loading');
    expect(renderDiagnostic(null, { state: 'loading' })).toBe('sidebar error: thrown null\npage state: loading');
  });
});

describe('the error boundary', () => {
  const copied: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
  afterEach(() => render(null, document.body));

  function Broken(): never {
    throw new TypeError(`Cannot read '${SECRET}'`);
  }

  it('shows the error state and copies a diagnostic without ticket text', async () => {
    await act(() =>
      render(
        <ErrorBoundary resetKey="ticket:48213" page={ready}>
          <Broken />
        </ErrorBoundary>,
        document.body,
      ),
    );
    expect(document.querySelector('[data-testid="aa-sidebar"]')?.getAttribute('data-state')).toBe('error');
    await act(() => document.querySelector<HTMLButtonElement>('.status button')!.click());
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^sidebar error: TypeError\nat: sidebar-diagnostic\.test\.tsx:\d+:\d+\nhelpdesk: zendesk\npath: \/agent\/tickets\/:id/);
    expect(copied[0]).not.toContain('Jane');
    expect(copied[0]).not.toContain('48213');
  });
});
