import { describe, expect, it } from 'vitest';
import { LOADING_GRACE_MS, LoadingGrace, UNREADABLE_RECHECK_MAX_MS, UNREADABLE_RECHECK_MS } from '../../src/content/grace';
import type { PageState } from '../../src/model/ticket';

const HREF = 'https://acme.zendesk.com/agent/tickets/35120';
const unreadable = (id?: string): PageState => ({
  state: 'unreadable',
  helpdesk: 'zendesk',
  ...(id === undefined ? {} : { id }),
  missing: ['subject'],
  diagnostic: 'helpdesk: zendesk',
});
const ready: PageState = {
  state: 'ready',
  ticket: { id: '35120', helpdesk: 'zendesk', url: HREF, subject: 'SSO', latestMessage: 'help', thread: '', tags: [] },
  missing: [],
};

describe('the grace period of a half-rendered ticket view', () => {
  it('says loading, then unreadable once the view has had its time, and reads again at the end of it', () => {
    const grace = new LoadingGrace();
    expect(grace.apply(unreadable('35120'), HREF, 0)).toEqual({ state: { state: 'loading', helpdesk: 'zendesk' }, readAgainIn: LOADING_GRACE_MS + 10 });
    expect(grace.apply(unreadable('35120'), HREF, 1_000).readAgainIn).toBe(LOADING_GRACE_MS - 1_000 + 10);
    expect(grace.apply(unreadable('35120'), HREF, LOADING_GRACE_MS).state).toEqual(unreadable('35120'));
  });

  it('keeps reading an unreadable view now and then: a field set by property alone changes nothing an observer sees', () => {
    const grace = new LoadingGrace();
    grace.apply(unreadable('35120'), HREF, 0);
    for (const at of [LOADING_GRACE_MS, LOADING_GRACE_MS + UNREADABLE_RECHECK_MS]) {
      expect(grace.apply(unreadable('35120'), HREF, at)).toEqual({ state: unreadable('35120'), readAgainIn: UNREADABLE_RECHECK_MS });
    }
    // Less and less often the longer it stays unreadable, down to once every half minute.
    expect(grace.apply(unreadable('35120'), HREF, LOADING_GRACE_MS + 8_000).readAgainIn).toBe(8_000);
    expect(grace.apply(unreadable('35120'), HREF, 60_000).readAgainIn).toBe(UNREADABLE_RECHECK_MAX_MS);
    // Readable: no more reading on a timer, and a later unreadable view gets its own grace period.
    expect(grace.apply(ready, HREF, 61_000)).toEqual({ state: ready });
    expect(grace.apply(unreadable('35120'), HREF, 62_000).state.state).toBe('loading');
  });

  it('starts the grace period again for another ticket, or another address while the page shows no id', () => {
    const grace = new LoadingGrace();
    grace.apply(unreadable('35120'), HREF, 0);
    expect(grace.apply(unreadable('35121'), HREF, LOADING_GRACE_MS).state.state).toBe('loading');
    grace.apply(unreadable(), HREF, 10_000);
    expect(grace.apply(unreadable(), `${HREF}/events`, 10_000 + LOADING_GRACE_MS - 1).state.state).toBe('loading');
    expect(grace.apply(unreadable(), `${HREF}/events`, 10_000 + 2 * LOADING_GRACE_MS).state.state).toBe('unreadable');
  });
});
