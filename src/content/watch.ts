/**
 * One MutationObserver for the whole page; callbacks only mark the page dirty, and the work runs at most
 * once per animation frame (or per 200 ms while the tab is hidden, when frames do not run).
 * In-app navigation re-renders the ticket view, so the same observer also catches URL changes;
 * `popstate`/`hashchange` cover history moves that change nothing in the DOM.
 */
export function watchPage(onChange: () => void, signal: AbortSignal): { flush(): void } {
  let scheduled = false;
  const run = () => {
    if (!scheduled || signal.aborted) return;
    scheduled = false;
    onChange();
  };
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    if (document.visibilityState === 'hidden') setTimeout(run, 200);
    else requestAnimationFrame(run);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Tab switches in Zendesk and similar apps show and hide views by these attributes alone.
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'aria-selected', 'value'],
  });
  for (const type of ['popstate', 'hashchange', 'visibilitychange']) {
    window.addEventListener(type, schedule, { signal });
  }
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();
  return {
    flush() {
      scheduled = true;
      run();
    },
  };
}
