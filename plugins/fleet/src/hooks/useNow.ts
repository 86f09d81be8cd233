import { useEffect, useState } from 'react';

/** The current time, re-rendering every `intervalMs` so relative times stay true. */
export function useNow(intervalMs = 5_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const interval = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(interval);
  }, [intervalMs]);
  return now;
}
