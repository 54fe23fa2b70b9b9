import { toCsv } from '../usage/csv';
import type { Flag } from './model';

const HEADER = ['article_id', 'title', 'owner', 'reason', 'comment', 'flagged_at', 'helpdesk', 'ticket_id'];

/**
 * Flags as the answers' owners get them, in the order given: one row a flag, safe to open in a spreadsheet
 * (src/usage/csv.ts). The ticket is named by helpdesk and id only.
 */
export function flagsCsv(flags: readonly Flag[]): string {
  const rows = flags.map((flag) => [
    flag.articleId,
    flag.title,
    flag.owner ?? '',
    flag.reason,
    flag.comment,
    flag.at,
    flag.helpdesk ?? '',
    flag.ticketId ?? '',
  ]);
  return toCsv([HEADER, ...rows]);
}
