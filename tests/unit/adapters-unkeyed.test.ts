// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshdesk } from '../../src/adapters/freshdesk';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { zendesk } from '../../src/adapters/zendesk';

/**
 * Pages that key no ticket view by id (older UIs, saved pages, other renderings of the same app) are read
 * from their one shown view; as soon as any view is keyed, only the keyed view of the open ticket counts.
 */
const KEYS = /\s(data-ticket-id|data-side-conversations-anchor-id|data-album)="[^"]*"|\sdata-test-id="ticket-\d+-custom-layout"/g;

function load(dir: string, file: string, transform: (html: string) => string = (html) => html) {
  document.documentElement.innerHTML = transform(readFileSync(`tests/fixtures/${dir}/${file}`, 'utf8'));
}

const cases: [Adapter, string, string][] = [
  [zendesk, 'zendesk', 'https://acme.zendesk.com/agent/tickets/35120'],
  [freshdesk, 'freshdesk', 'https://acme.freshdesk.com/a/tickets/742'],
];

describe.each(cases)('%s without keyed views', (adapter, dir, url) => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('reads the one shown ticket view', () => {
    load(dir, 'ticket.html', (html) => html.replace(KEYS, ''));
    const state = readPage(adapter, document, new URL(url));
    expect(state.state).toBe('ready');
    if (state.state === 'ready') {
      expect(state.ticket.id).toBe(new URL(url).pathname.split('/').pop());
      expect(state.ticket.subject).toContain('SAML response is invalid');
    }
  });

  it('does not read another ticket\u2019s keyed view as this one', () => {
    load(dir, 'ticket.html');
    const other = url.replace(/\d+$/, '99999');
    expect(readPage(adapter, document, new URL(other)).state).toBe('unreadable');
  });
});
