export interface Sla {
  /** The response target of the severity, counted from the ticket's creation. */
  targetMinutes: number;
  /** ISO 8601; absent when the ticket's creation time is unknown. */
  dueAt?: string;
  /** Whole minutes until `dueAt`; negative once breached. */
  remainingMinutes?: number;
  breached: boolean;
}

const MINUTE_MS = 60_000;

export function slaState(targetMinutes: number, createdAt: string | undefined, now: Date): Sla {
  const due = new Date(createdAt === undefined ? Number.NaN : Date.parse(createdAt) + targetMinutes * MINUTE_MS);
  // An unreadable time, or one past the end of the Date range, gives no due time rather than a wrong one.
  if (Number.isNaN(due.getTime())) return { targetMinutes, breached: false };
  const left = due.getTime() - now.getTime();
  return {
    targetMinutes,
    dueAt: due.toISOString(),
    remainingMinutes: Math.floor(left / MINUTE_MS),
    breached: left < 0,
  };
}
