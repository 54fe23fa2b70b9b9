/**
 * Runs changes one at a time, in the order they were asked for. `storage.local` has no transactions: two
 * read-change-write runs that overlap lose one of the changes. Each queue guards the keys its module writes.
 */
export function serialQueue(): <T>(change: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (change) => {
    const run = queue.then(change);
    queue = run.catch(() => undefined);
    return run;
  };
}
