/** Runs one change of the device's knowledge at a time across every page, worker and background of the extension (a Web Lock), so none overwrites what another added. */
export async function withRebuildLock<T>(work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request('deskmate-knowledge-rebuild', work);
}
