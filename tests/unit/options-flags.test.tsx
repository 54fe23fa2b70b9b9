// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onFlagMessage } from '../../src/flags/channel';
import type { Flag } from '../../src/flags/model';
import { addFlag, readFlags } from '../../src/flags/store';
import { FlagsSection } from '../../src/options/FlagsSection';
import { captureDownloads, type Download } from '../support/downloads';

let host: HTMLElement;
let downloads: Download[] = [];

const flags: Flag[] = [
  { id: 'f1', articleId: 'sso', title: '=SSO, "sign-in"', owner: 'identity-team', reason: 'wrong', comment: 'Step 3 moved', at: '2026-11-16T09:00:00.000Z', helpdesk: 'zendesk', ticketId: '35120' },
  { id: 'f2', articleId: 'refund', title: 'Refund a double charge', owner: 'payments', reason: 'outdated', comment: '', at: '2026-11-18T09:00:00.000Z', helpdesk: 'freshdesk', ticketId: '742' },
  { id: 'f3', articleId: 'vpn', title: 'VPN drops', reason: 'outdated', comment: 'Old client', at: '2026-11-17T09:00:00.000Z' },
];

beforeEach(async () => {
  fakeBrowser.reset();
  // The background's listener, as entrypoints/background.ts registers it, for this extension's pages.
  fakeBrowser.runtime.onMessage.addListener((raw) => onFlagMessage(raw, { id: fakeBrowser.runtime.id }));
  host = document.createElement('div');
  document.body.append(host);
  downloads = captureDownloads();
  for (const flag of flags) await addFlag(flag);
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
const open = () => act(() => render(<FlagsSection />, host));
const rows = () => Array.from(host.querySelectorAll('[data-testid="options-flags-table"] tbody tr')).map((row) => Array.from(row.children).slice(0, 6).map((cell) => cell.textContent));
const choose = (value: string) =>
  act(() => {
    const select = $<HTMLSelectElement>('[data-testid="options-flags-owner"]');
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('flagged answers on the options page', () => {
  it('lists every flag, newest first', async () => {
    await open();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()).toEqual([
      ['Refund a double charge (refund)', 'payments', 'Outdated', '', expect.stringContaining('2026'), 'freshdesk 742'],
      ['VPN drops (vpn)', '', 'Outdated', 'Old client', expect.stringContaining('2026'), ''],
      ['=SSO, "sign-in" (sso)', 'identity-team', 'Wrong', 'Step 3 moved', expect.stringContaining('2026'), 'zendesk 35120'],
    ]);
    expect($('caption').textContent).toBe('3 flags');
    expect(Array.from(host.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['Answer', 'Owner', 'Reason', 'Comment', 'Flagged', 'Ticket', 'Remove']);
    expect($('[data-testid="options-remove-flag"]').getAttribute('aria-label')).toBe('Remove the flag on “Refund a double charge”');
  });

  it('exports them as CSV for the owners, all or one owner’s, safe in a spreadsheet', async () => {
    await open();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 19, 12));
    await act(() => $('[data-testid="options-export-flags"]').click());
    await choose('owner:identity-team');
    expect(rows()).toHaveLength(1);
    expect($('caption').textContent).toBe('1 flag');
    await act(() => $('[data-testid="options-export-flags"]').click());
    await choose('owner:');
    expect(rows().map((row) => row[0])).toEqual(['VPN drops (vpn)']);
    vi.useRealTimers();
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]!.name).toBe('deskmate-flags-2026-11-19.csv');
    expect(downloads[0]!.text.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFarticle_id,title,owner,reason,comment,flagged_at,helpdesk,ticket_id',
      'refund,Refund a double charge,payments,outdated,,2026-11-18T09:00:00.000Z,freshdesk,742',
    ]);
    expect(downloads[1]).toEqual({
      name: 'deskmate-flags-identity-team-2026-11-19.csv',
      text: '\uFEFFarticle_id,title,owner,reason,comment,flagged_at,helpdesk,ticket_id\r\nsso,"\'=SSO, ""sign-in""",identity-team,wrong,Step 3 moved,2026-11-16T09:00:00.000Z,zendesk,35120\r\n',
    });
  });

  it('removes one flag, and clears them all once confirmed', async () => {
    await open();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    await act(() => host.querySelectorAll<HTMLElement>('[data-testid="options-remove-flag"]')[1]!.click());
    await vi.waitFor(() => expect(rows().map((row) => row[0])).toEqual(['Refund a double charge (refund)', '=SSO, "sign-in" (sso)']));
    expect($('[role="status"]').textContent).toBe('Flag removed.');
    expect((await readFlags()).map((flag) => flag.id)).toEqual(['f2', 'f1']);

    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await act(() => $('[data-testid="options-clear-flags"]').click());
    expect(confirm).toHaveBeenCalledWith('Remove every flag kept on this device? This cannot be undone.');
    expect(await readFlags()).toHaveLength(2);
    confirm.mockReturnValue(true);
    await act(() => $('[data-testid="options-clear-flags"]').click());
    await vi.waitFor(() => expect($('[data-testid="options-flags-empty"]')?.textContent).toBe('No answers flagged.'));
    expect(await readFlags()).toEqual([]);
    expect($('[role="status"]').textContent).toBe('Flags cleared.');
    expect($<HTMLButtonElement>('[data-testid="options-export-flags"]').disabled).toBe(true);
  });

  it('says so when the browser’s storage fails', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    await open();
    await vi.waitFor(() => expect($('[role="status"]').textContent).toBe('Browser storage is not available: the flags could not be read or changed.'));
    expect($('[data-testid="options-flags-empty"]')).not.toBeNull();
  });
});
