import { useEffect, useState } from 'preact/hooks';
import { sendFlag } from '../flags/channel';
import { type FlagReason, latestReasons, newFlag } from '../flags/model';
import { readFlags, watchFlags } from '../flags/store';
import { t } from '../i18n/messages';
import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';

export interface Flagging {
  /** Each answer the agent has flagged on this device, by its latest reason. */
  flagged: ReadonlyMap<string, FlagReason>;
  /** Keeps a flag on `article` for the open ticket; false when it could not be stored. */
  flag(article: Article, reason: FlagReason, comment: string): Promise<boolean>;
}

/**
 * The agent's flags on answers (src/flags/): which answers are flagged, kept up to date as any tab or the
 * options page changes them, and flagging one, said in the sidebar's notice either way. Flags that cannot be
 * read leave the answers unmarked; the sidebar works on.
 */
export function useFlags(ticket: Ticket | null, say: (notice: string) => void): Flagging {
  const [flagged, setFlagged] = useState<ReadonlyMap<string, FlagReason>>(new Map());

  useEffect(() => {
    let live = true;
    readFlags().then(
      (flags) => live && setFlagged(latestReasons(flags)),
      () => undefined,
    );
    const stop = watchFlags((flags) => setFlagged(latestReasons(flags)));
    return () => {
      live = false;
      stop();
    };
  }, []);

  return {
    flagged,
    async flag(article, reason, comment) {
      try {
        await sendFlag(newFlag({ article, reason, comment, ticket }, crypto.randomUUID(), new Date()));
      } catch {
        say(t('noticeFlagFailed'));
        return false;
      }
      // Marked at once; the stored copy, when it arrives, says the same.
      setFlagged((previous) => new Map(previous).set(article.id, reason));
      say(t(reason === 'wrong' ? 'noticeFlaggedWrong' : 'noticeFlaggedOutdated'));
      return true;
    },
  };
}
