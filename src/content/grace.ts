import type { PageState } from '../model/ticket';

/** How long a ticket view may stay half-rendered before the sidebar calls it unreadable. */
export const LOADING_GRACE_MS = 4_000;

/**
 * How often a view that stays unreadable is read again. A framework that fills an input by setting its `value`
 * property changes nothing a MutationObserver sees: without this, a subject that arrives after the grace period,
 * with nothing else in the page changing then, would never be read.
 */
export const UNREADABLE_RECHECK_MS = 2_000;

/**
 * The longest wait between such reads. The wait grows with the time the view has been unreadable (2, 2, 4, 8, 16,
 * 30 s...): a late field is still picked up within seconds, and a view an adapter can no longer read (a new
 * helpdesk release) costs a read every half minute, not every two seconds all day.
 */
export const UNREADABLE_RECHECK_MAX_MS = 30_000;

export interface Graced {
  /** What to tell the sidebar. */
  state: PageState;
  /** When to read the page again even if nothing in it changes, in milliseconds; unset when not needed. */
  readAgainIn?: number;
}

/**
 * Holds an unreadable read back as `loading` for the grace period, keyed on the ticket (or on the address while the
 * page shows no id yet, as ServiceNow and Salesforce do), and says when to read again: once the grace period ends,
 * then at growing intervals for as long as the view stays unreadable.
 */
export class LoadingGrace {
  private pending: { key: string; at: number } | null = null;

  apply(state: PageState, href: string, now: number): Graced {
    if (state.state !== 'unreadable') {
      this.pending = null;
      return { state };
    }
    const key = state.id ?? href;
    if (this.pending?.key !== key) this.pending = { key, at: now };
    const waited = now - this.pending.at;
    if (waited >= LOADING_GRACE_MS) {
      return { state, readAgainIn: Math.min(UNREADABLE_RECHECK_MAX_MS, Math.max(UNREADABLE_RECHECK_MS, waited - LOADING_GRACE_MS)) };
    }
    return { state: { state: 'loading', helpdesk: state.helpdesk }, readAgainIn: LOADING_GRACE_MS - waited + 10 };
  }
}
