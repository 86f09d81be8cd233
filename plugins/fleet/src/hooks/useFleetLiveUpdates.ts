import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';

/** The signals channel the fleet backend publishes `FleetChangeEvent`s on. */
export const FLEET_SIGNAL_CHANNEL = 'carepath-fleet';

/** How updates arrive: pushed over signals, or by polling. */
export type LiveUpdateMode = 'live' | 'polling';

/** A message on the fleet channel (a `FleetChangeEvent` from a well-behaved backend). */
export type FleetSignalMessage = { [key: string]: unknown };

export interface FleetLiveUpdateOptions {
  /** Only messages this accepts trigger a refresh. */
  filter?: (message: FleetSignalMessage) => boolean;
  /** Wait for a burst of messages to settle. Default 300 ms. */
  debounceMs?: number;
  /**
   * Refresh at least this often during a continuous stream of messages, so
   * a busy fleet never starves the page of updates. Default 2 s.
   */
  maxWaitMs?: number;
  /** Polling interval without signals. Default 15 s. */
  pollIntervalMs?: number;
  /**
   * Safety-net refresh while signals are available, for messages lost while
   * the connection was re-established. Default 60 s.
   */
  safetyIntervalMs?: number;
}

/**
 * Calls `onChange` when the fleet changes: on `carepath-fleet` signals
 * (debounced), or every 15 s when the app has no signals API.
 */
export function useFleetLiveUpdates(
  onChange: () => void,
  options: FleetLiveUpdateOptions = {},
): LiveUpdateMode {
  const {
    filter,
    debounceMs = 300,
    maxWaitMs = 2_000,
    pollIntervalMs = 15_000,
    safetyIntervalMs = 60_000,
  } = options;
  const signalApi = useApiHolder().get(signalApiRef);
  const latest = useRef({ onChange, filter });
  latest.current = { onChange, filter };

  useEffect(() => {
    const refresh = () => latest.current.onChange();
    if (!signalApi) {
      const interval = setInterval(refresh, pollIntervalMs);
      return () => clearInterval(interval);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      clearTimeout(deadline);
      timer = undefined;
      deadline = undefined;
      refresh();
    };
    const subscription = signalApi.subscribe(FLEET_SIGNAL_CHANNEL, message => {
      const accept = latest.current.filter;
      if (accept && !accept(message)) return;
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
      deadline ??= setTimeout(flush, maxWaitMs);
    });
    const safety = setInterval(refresh, safetyIntervalMs);
    return () => {
      subscription.unsubscribe();
      clearInterval(safety);
      clearTimeout(timer);
      clearTimeout(deadline);
    };
  }, [signalApi, debounceMs, maxWaitMs, pollIntervalMs, safetyIntervalMs]);

  return signalApi ? 'live' : 'polling';
}
