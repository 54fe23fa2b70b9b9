import type { PageState } from '../model/ticket';

/**
 * Hands the sidebar the page state after each mutation burst, but only when it differs from the last one handed
 * on: most bursts (the agent typing, a clock redrawn) change nothing the sidebar shows. Kept apart from the
 * browser APIs so that `npm run bench` times the same per-burst work the content script does.
 */
export class StatePublisher {
  private lastSent = '';
  /** The latest state read, sent or not. */
  current: PageState = { state: 'loading' };

  constructor(private readonly send: (state: PageState) => void) {}

  /** Records `state` and sends it when it changed; says whether it did. */
  publish(state: PageState): boolean {
    this.current = state;
    const serial = JSON.stringify(state);
    if (serial === this.lastSent) return false;
    this.lastSent = serial;
    this.send(state);
    return true;
  }

  /** Sends the current state again, to a sidebar that has just connected. */
  resend(): void {
    this.lastSent = '';
    this.publish(this.current);
  }
}
