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
    const subscription = signalApi.subscribe(FLEET_SIGNAL_CHANNEL, message => {
      const accept = latest.current.filter;
      if (accept && !accept(message)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, debounceMs);
    });
    const safety = setInterval(refresh, safetyIntervalMs);
    return () => {
      subscription.unsubscribe();
      clearInterval(safety);
      if (timer) clearTimeout(timer);
    };
  }, [signalApi, debounceMs, pollIntervalMs, safetyIntervalMs]);

  return signalApi ? 'live' : 'polling';
}
