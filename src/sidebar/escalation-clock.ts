import { useEffect, useState } from 'preact/hooks';

const MINUTE_MS = 60_000;

/**
 * The time, renewed on each minute boundary: an SLA countdown in whole minutes changes exactly then, and a
 * 30-second tick would show a stale minute for up to half a minute.
 */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        setNow(new Date());
        schedule();
      }, MINUTE_MS - (Date.now() % MINUTE_MS) + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return now;
}
