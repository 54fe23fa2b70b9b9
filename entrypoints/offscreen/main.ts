import { browser } from 'wxt/browser';
import type { SyncDone } from '../../src/knowledge/store/schedule';
import { syncSources } from '../../src/knowledge/store/sync-due';

// The ids of the knowledge sources to sync come in the address; the background closes this document once told.
const ids = new URLSearchParams(location.search).getAll('id');
void syncSources(ids)
  .catch(() => false)
  .then((changed) => browser.runtime.sendMessage({ type: 'knowledge-synced', changed } satisfies SyncDone));
