import type { PageTheme } from '../model/messages';

/**
 * Looking at the page's theme reads computed styles, the costliest part of a mutation burst's work; themes change
 * when an agent flips a setting, not while they type, so one look a second is plenty.
 */
export const THEME_EVERY_MS = 1_000;

/**
 * Hands the sidebar the helpdesk's theme when it changes, reading it at most once per `THEME_EVERY_MS`: a burst
 * inside that time is answered by one read at its end. Kept apart from the browser APIs to be tested alone.
 */
export class ThemePublisher {
  private last: PageTheme | null | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly read: () => PageTheme | null,
    private readonly send: (theme: PageTheme | null) => void,
  ) {}

  check(): void {
    const wait = this.readAt + THEME_EVERY_MS - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.check();
      }, wait);
      return;
    }
    this.readAt = Date.now();
    const theme = this.read();
    if (theme === this.last) return;
    this.last = theme;
    this.send(theme);
  }

  /** Sends the last theme read again, to a sidebar that has just connected. */
  resend(): void {
    if (this.last !== undefined) this.send(this.last);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
