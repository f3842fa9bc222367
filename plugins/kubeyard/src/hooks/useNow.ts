import { useEffect, useState } from 'react';

/**
 * The current time in ms, updated every `intervalMs`. Used by relative timestamps so only
 * the component showing them re-renders, not the table around it.
 */
export function useNow(intervalMs: number = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
