import { useEffect, useState } from 'react';

/** When `value` last changed, i.e. when data last arrived. */
export function useUpdatedAt(value: unknown): Date | undefined {
  const [updatedAt, setUpdatedAt] = useState<Date>();
  useEffect(() => {
    if (value !== undefined) setUpdatedAt(new Date());
  }, [value]);
  return updatedAt;
}
