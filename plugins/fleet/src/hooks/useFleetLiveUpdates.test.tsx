import { TestApiProvider } from '@backstage/frontend-test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import {
  FLEET_SIGNAL_CHANNEL,
  useFleetLiveUpdates,
  type FleetLiveUpdateOptions,
} from './useFleetLiveUpdates';

class FakeSignalApi implements SignalApi {
  readonly listeners = new Map<string, (message: unknown) => void>();
  subscribe<TMessage>(channel: string, onMessage: (message: TMessage) => void) {
    this.listeners.set(channel, message => onMessage(message as TMessage));
    return { unsubscribe: () => this.listeners.delete(channel) };
  }
  publish(message: object) {
    act(() => this.listeners.get(FLEET_SIGNAL_CHANNEL)?.(message));
  }
}

function renderLiveUpdates(
  signalApi: SignalApi | undefined,
  options?: FleetLiveUpdateOptions,
) {
  const onChange = jest.fn();
  const wrapper = ({ children }: { children: ReactNode }) =>
    signalApi ? (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
  const { result, unmount } = renderHook(
    () => useFleetLiveUpdates(onChange, options),
    { wrapper },
  );
  return { onChange, result, unmount };
}

const advance = (ms: number) => act(() => jest.advanceTimersByTime(ms));

describe('useFleetLiveUpdates', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes once, 300 ms after a burst of signals', () => {
    const signals = new FakeSignalApi();
    const { onChange, result } = renderLiveUpdates(signals);
    expect(result.current).toBe('live');

    signals.publish({ type: 'service.updated', sequence: 1 });
    advance(200);
    signals.publish({ type: 'service.updated', sequence: 2 });
    advance(299);
    expect(onChange).not.toHaveBeenCalled();
    advance(1);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('still refreshes every 2 s during a continuous stream', () => {
    const signals = new FakeSignalApi();
    const { onChange } = renderLiveUpdates(signals);
    for (let i = 0; i < 50; i++) {
      signals.publish({ type: 'service.updated', sequence: i });
      advance(100);
    }
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores messages the filter rejects', () => {
    const signals = new FakeSignalApi();
    const { onChange } = renderLiveUpdates(signals, {
      filter: message => message.type === 'cluster.updated',
    });
    signals.publish({ type: 'summary.updated', sequence: 1 });
    advance(1000);
    expect(onChange).not.toHaveBeenCalled();
    signals.publish({ type: 'cluster.updated', sequence: 2 });
    advance(300);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('polls every 15 s when the app has no signals', () => {
    const { onChange, result, unmount } = renderLiveUpdates(undefined);
    expect(result.current).toBe('polling');
    advance(15_000);
    advance(15_000);
    expect(onChange).toHaveBeenCalledTimes(2);
    unmount();
    advance(15_000);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
