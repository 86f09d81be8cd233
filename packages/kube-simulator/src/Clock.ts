/** An opaque handle for a scheduled callback. */
export type TimerHandle =
  | { readonly id: number }
  | ReturnType<typeof setTimeout>;

/**
 * Time as the simulator sees it. Injected so tests can run controllers,
 * kubelet delays and cron schedules without sleeping.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Timers are unref'd so they never keep a process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Formats a time the way Kubernetes does in timestamps (second precision). */
export function formatTimestamp(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .slice(0, 19)}Z`;
}
