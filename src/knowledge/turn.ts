/**
 * Yields to the event loop for one turn, through a message rather than a timer: browsers throttle chained
 * timers in hidden tabs (to one a minute after a while), and a sidebar in a background tab loads knowledge
 * too. Long work that awaits it between slices lets the frame, and the extension's other pages in its
 * process, run in between; in Node, jsdom's weakly held objects get collected between slices as well.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
