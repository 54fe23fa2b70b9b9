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

type Unit = 'minute' | 'hour' | 'day';

/** The largest unit that still reads naturally: minutes under two hours, hours under two days, then days. */
function inUnits(minutes: number): { value: number; unit: Unit } {
  const size = Math.abs(minutes);
  if (size < 120) return { value: minutes, unit: 'minute' };
  if (size < 48 * 60) return { value: Math.trunc(minutes / 60), unit: 'hour' };
  return { value: Math.trunc(minutes / (24 * 60)), unit: 'day' };
}

// Latin digits in every language: the times, ids and amounts around them are written with them too.
const withLatinDigits = (locale: string) => `${locale}-u-nu-latn`;

/** "in 42 minutes", "3 days ago", "خلال 42 دقيقة", "לפני 3 ימים". */
export function formatRelativeMinutes(minutes: number, locale: string): string {
  const { value, unit } = inUnits(minutes);
  return new Intl.RelativeTimeFormat(withLatinDigits(locale), { numeric: 'always' }).format(value, unit);
}

/** A response target: "15 minutes", "8 hours", "1 day"; whole hours and days only when exact. */
export function formatTarget(minutes: number, locale: string): string {
  const unit: Unit = minutes % (24 * 60) === 0 ? 'day' : minutes % 60 === 0 && minutes >= 60 ? 'hour' : 'minute';
  const value = unit === 'day' ? minutes / (24 * 60) : unit === 'hour' ? minutes / 60 : minutes;
  return new Intl.NumberFormat(withLatinDigits(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
