import { performance } from 'node:perf_hooks';

export interface Stretches {
  /** The longest time the event loop went without a turn, and what was being done when it ended. */
  longestMs: number;
  longestDuring: string;
  /** Stretches over 50 ms (a long task in a browser) and their time together. */
  over50: number;
  over50Ms: number;
  turns: number;
}

/**
 * A probe that turns with the event loop (setImmediate runs once a turn) and keeps the longest gap between two
 * turns: the longest synchronous stretch of whatever ran in between, microtasks included, as a browser's task.
 */
export function probeEventLoop(during: () => string = () => ''): { stop: () => Stretches } {
  const figures: Stretches = { longestMs: 0, longestDuring: '', over50: 0, over50Ms: 0, turns: 0 };
  let last = performance.now();
  let stopped = false;
  const turn = () => {
    const now = performance.now();
    const ms = now - last;
    figures.turns++;
    if (ms > figures.longestMs) {
      figures.longestMs = ms;
      figures.longestDuring = during();
    }
    if (ms > 50) {
      figures.over50++;
      figures.over50Ms += ms;
    }
    last = now;
  };
  const tick = () => {
    if (stopped) return;
    turn();
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      stopped = true;
      turn();
      return figures;
    },
  };
}
