import { useEffect, useState } from 'react';

/**
 * When data last arrived: the moment a load finished without error (also
 * when the answer was "nothing", such as a 404).
 */
export function useUpdatedAt(state: {
  loading: boolean;
  error?: Error;
}): Date | undefined {
  const { loading, error } = state;
  const [updatedAt, setUpdatedAt] = useState<Date>();
  useEffect(() => {
    if (!loading && !error) setUpdatedAt(new Date());
  }, [loading, error]);
  return updatedAt;
}
