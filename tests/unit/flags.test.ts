import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FlagRequest, onFlagMessage, requestClearFlags, requestRemoveFlag, sendFlag } from '../../src/flags/channel';
import { flagsCsv } from '../../src/flags/csv';
import { FLAG_BOUNDS, type Flag, flagOwners, latestReasons, newFlag, ownedBy, parseFlags, withFlag } from '../../src/flags/model';
import { addFlag, clearFlags, readFlags, removeFlag, watchFlags } from '../../src/flags/store';

beforeEach(() => fakeBrowser.reset());

const article = { id: 'sso-saml', title: 'SSO sign-in fails', owner: 'identity-team' };
const ticket = { id: '35120', helpdesk: 'zendesk' as const };

/** A flag made the way the sidebar makes one, `minutes` after a fixed time. */
const flagAt = (minutes: number, extra: Partial<Flag> = {}): Flag => ({
  ...newFlag({ article, reason: 'outdated', comment: '', ticket }, `flag-${minutes}`, new Date(Date.UTC(2026, 10, 18, 10, minutes))),
  ...extra,
});

describe('a new flag', () => {
  it('names the answer, its owner and the ticket by helpdesk and id, and when', () => {
    const flag = newFlag({ article, reason: 'wrong', comment: '  Step 3 moved.  ', ticket }, 'a1', new Date('2026-11-18T10:00:00Z'));
    expect(flag).toEqual({
      id: 'a1',
      articleId: 'sso-saml',
      title: 'SSO sign-in fails',
      owner: 'identity-team',
      reason: 'wrong',
      comment: 'Step 3 moved.',
      at: '2026-11-18T10:00:00.000Z',
      helpdesk: 'zendesk',
      ticketId: '35120',
    });
  });

  it('leaves out what is not there: no owner, no ticket (a search with none open)', () => {
    const flag = newFlag({ article: { id: 'vpn', title: 'VPN drops' }, reason: 'outdated', comment: '', ticket: null }, 'a2', new Date());
    expect(Object.keys(flag).sort()).toEqual(['articleId', 'at', 'comment', 'id', 'reason', 'title']);
  });

  it('masks personal data and secrets the agent pastes into the comment, within the bound', () => {
    const comment = 'Customer dana@example.com paid with 4111 1111 1111 1111; password: hunter2x! ' + 'x'.repeat(400);
    const flag = newFlag({ article, reason: 'wrong', comment, ticket }, 'a3', new Date());
    expect(flag.comment).not.toMatch(/dana@example\.com|4111 1111|hunter2x/);
    expect(flag.comment).toContain('[hidden email]');
    expect(flag.comment.length).toBe(FLAG_BOUNDS.comment);
  });
});

describe('stored flags', () => {
  it('read newest first, dropping malformed entries and keeping the rest', () => {
    const good = [flagAt(1), flagAt(3), flagAt(2)];
    const raw = {
      version: 1,
      flags: [
        good[0],
        null,
        'flag',
        { ...flagAt(4), reason: 'rude' },
        { ...flagAt(5), articleId: '<script>' },
        { ...flagAt(6), at: 'yesterday' },
        { ...flagAt(7), ticketId: 'x'.repeat(65) },
        { ...flagAt(8), helpdesk: 'myspace' },
        good[1],
        good[2],
        { ...flagAt(9), comment: 'x'.repeat(FLAG_BOUNDS.comment + 1) },
      ],
    };
    expect(parseFlags(raw).map((flag) => flag.id)).toEqual(['flag-3', 'flag-2', 'flag-1']);
  });

  it('read a copy that is not ours as none', () => {
    for (const raw of [undefined, null, [], 'flags', { version: 2, flags: [flagAt(1)] }, { version: 1, flags: 'all' }]) expect(parseFlags(raw)).toEqual([]);
  });

  it('keep the newest within the bound, one per id', () => {
    const base = flagAt(0);
    const many = Array.from({ length: FLAG_BOUNDS.count + 2 }, (_, minute) => ({ ...base, id: `f${minute}`, at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString() }));
    const stored = parseFlags({ version: 1, flags: many });
    expect(stored).toHaveLength(FLAG_BOUNDS.count);
    expect([stored[0]!.id, stored.at(-1)!.id]).toEqual([`f${FLAG_BOUNDS.count + 1}`, 'f2']);
    const added = withFlag(stored, flagAt(0, { id: 'newest', at: '2027-01-01T00:00:00.000Z' }));
    expect([added.length, added[0]!.id, added.at(-1)!.id]).toEqual([FLAG_BOUNDS.count, 'newest', 'f3']);
    expect(withFlag([flagAt(1)], flagAt(1, { comment: 'again' }))).toEqual([flagAt(1, { comment: 'again' })]);
  });

  it('say each flagged answer’s latest reason', () => {
    const flags = parseFlags({ version: 1, flags: [flagAt(1, { reason: 'wrong' }), flagAt(2), flagAt(3, { articleId: 'vpn' })] });
    expect(latestReasons(flags)).toEqual(new Map([['vpn', 'outdated'], ['sso-saml', 'outdated']]));
  });

  it('list their owners, answers without one last, and filter by owner', () => {
    const flags = [flagAt(1, { owner: 'payments' }), flagAt(2, { owner: undefined }), flagAt(3)];
    expect(flagOwners(flags)).toEqual(['identity-team', 'payments', '']);
    expect(ownedBy(flags, '').map((flag) => flag.id)).toEqual(['flag-2']);
    expect(ownedBy(flags, 'payments').map((flag) => flag.id)).toEqual(['flag-1']);
  });
});

describe('the flags store', () => {
  it('adds, removes and clears', async () => {
    await addFlag(flagAt(1));
    await addFlag(flagAt(2));
    expect((await readFlags()).map((flag) => flag.id)).toEqual(['flag-2', 'flag-1']);
    await removeFlag('flag-2');
    expect((await readFlags()).map((flag) => flag.id)).toEqual(['flag-1']);
    await clearFlags();
    expect(await readFlags()).toEqual([]);
  });

  it('keeps every flag when pages send them at once: one change at a time', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, minute) => addFlag(flagAt(minute))));
    expect(await readFlags()).toHaveLength(6);
  });

  it('keeps the good flags of a damaged copy when adding one', async () => {
    await fakeBrowser.storage.local.set({ flags: { version: 1, flags: [{ nonsense: true }, flagAt(1)] } });
    await addFlag(flagAt(2));
    expect(await readFlags()).toEqual([flagAt(2), flagAt(1)]);
  });

  it('tells other pages of changes', async () => {
    const seen: number[] = [];
    const stop = watchFlags((flags) => seen.push(flags.length));
    await addFlag(flagAt(1));
    await addFlag(flagAt(2));
    stop();
    await addFlag(flagAt(3));
    expect(seen).toEqual([1, 2]);
  });
});

describe('the background’s flags channel', () => {
  const own = { id: fakeBrowser.runtime.id };

  it('stores what the extension’s own pages send, removes and clears on request', async () => {
    fakeBrowser.runtime.onMessage.addListener((raw) => onFlagMessage(raw, own));
    await sendFlag(flagAt(1));
    await sendFlag(flagAt(2));
    await requestRemoveFlag('flag-1');
    expect((await readFlags()).map((flag) => flag.id)).toEqual(['flag-2']);
    await requestClearFlags();
    expect(await readFlags()).toEqual([]);
  });

  it('rejects the page’s request when storage fails, so the page can say so', async () => {
    fakeBrowser.runtime.onMessage.addListener((raw) => onFlagMessage(raw, own));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(sendFlag(flagAt(1))).rejects.toThrow(/quota/);
    set.mockRestore();
    await sendFlag(flagAt(1));
    expect(await readFlags()).toHaveLength(1);
  });

  it('ignores other senders and anything that is not a valid request', async () => {
    const valid: FlagRequest = { type: 'flag-add', flag: flagAt(1) };
    expect(onFlagMessage(valid, { id: 'another-extension' })).toBeUndefined();
    for (const invalid of [
      null,
      { type: 'usage-clear' },
      { type: 'flag-add', flag: { ...flagAt(1), reason: 'boring' } },
      { type: 'flag-add', flag: { ...flagAt(1), comment: 'x'.repeat(FLAG_BOUNDS.comment + 1) } },
      { type: 'flag-remove', id: '' },
    ]) {
      expect(onFlagMessage(invalid, own)).toBeUndefined();
    }
    expect(await readFlags()).toEqual([]);
    await onFlagMessage(valid, own);
    expect(await readFlags()).toHaveLength(1);
  });
});

describe('the flags CSV', () => {
  it('has a row a flag, in the order given, that a spreadsheet opens as text', () => {
    const flags = [
      flagAt(2, { title: '=HYPERLINK("http://evil.example")', comment: 'Says "Settings", now\n"Admin"', reason: 'wrong' }),
      flagAt(1, { owner: undefined, helpdesk: undefined, ticketId: undefined, comment: '-1 step' }),
    ];
    expect(flagsCsv(flags)).toBe(
      '\uFEFFarticle_id,title,owner,reason,comment,flagged_at,helpdesk,ticket_id\r\n' +
        'sso-saml,"\'=HYPERLINK(""http://evil.example"")",identity-team,wrong,"Says ""Settings"", now\n""Admin""",2026-11-18T10:02:00.000Z,zendesk,35120\r\n' +
        "sso-saml,SSO sign-in fails,,outdated,'-1 step,2026-11-18T10:01:00.000Z,,\r\n",
    );
  });
});
