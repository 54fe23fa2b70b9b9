import { describe, expect, it } from 'vitest';
import { StatePublisher } from '../../src/content/publish';
import type { PageState } from '../../src/model/ticket';

describe('publishing the page state per mutation burst', () => {
  it('sends a state only when it changed, and again to a sidebar that connects', () => {
    const sent: PageState[] = [];
    const publisher = new StatePublisher((state) => sent.push(state));
    expect(publisher.publish({ state: 'no-ticket', helpdesk: 'zendesk' })).toBe(true);
    // The same state read again after a burst that changed nothing the sidebar shows.
    expect(publisher.publish({ state: 'no-ticket', helpdesk: 'zendesk' })).toBe(false);
    expect(publisher.publish({ state: 'loading', helpdesk: 'zendesk' })).toBe(true);
    expect(sent).toEqual([
      { state: 'no-ticket', helpdesk: 'zendesk' },
      { state: 'loading', helpdesk: 'zendesk' },
    ]);
    publisher.resend();
    expect(sent.at(-1)).toEqual({ state: 'loading', helpdesk: 'zendesk' });
    expect(sent).toHaveLength(3);
    expect(publisher.current).toEqual({ state: 'loading', helpdesk: 'zendesk' });
  });
});
