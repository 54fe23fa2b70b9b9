import { onNestedRoot } from '../adapters/dom';

/**
 * One MutationObserver for the whole page; callbacks only mark the page dirty, and the work runs at most
 * once per animation frame (or per 200 ms while the tab is hidden, when frames do not run).
 * In-app navigation re-renders the ticket view, so the same observer also catches URL changes;
 * `popstate`/`hashchange` cover history moves that change nothing in the DOM.
 */
export function watchPage(onChange: () => void, signal: AbortSignal): { flush(): void; schedule(): void } {
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
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Tab switches in Zendesk and similar apps show and hide views by these attributes alone.
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'aria-selected', 'value'],
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, options);
  // Mutations inside shadow roots and same-origin frames do not reach the document's observer: the same
  // observer watches each nested root the reader finds, and a frame that loads anew triggers a read.
  onNestedRoot((root) => {
    observer.observe(root, options);
    root.addEventListener('load', schedule, { capture: true, signal });
  });
  document.addEventListener('load', schedule, { capture: true, signal });
  for (const type of ['popstate', 'hashchange', 'visibilitychange']) {
    window.addEventListener(type, schedule, { signal });
  }
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      onNestedRoot(null);
    },
    { once: true },
  );
  schedule();
  return {
    flush() {
      scheduled = true;
      run();
    },
    /** Runs the work in the next frame, as a mutation would. */
    schedule,
  };
}
