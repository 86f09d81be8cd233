/**
 * Waits `ms`, or until `signal` aborts (then resolves early). The default
 * delay function; tests inject their own to assert backoff without timers.
 *
 * @public
 */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The signature of {@link delay}. @public */
export type DelayFunction = (ms: number, signal: AbortSignal) => Promise<void>;
