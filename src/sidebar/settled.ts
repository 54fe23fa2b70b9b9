import { useEffect, useState } from 'preact/hooks';

/**
 * `value` once it has stayed the same for `ms`: what a search box holds when the agent stops typing, rather
 * than at every keystroke.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
