import type { ApiClient } from '../../../shared/client';
import type { ChangeEvent } from '../../../shared/contract';

/**
 * One subscription to the change feed fanned out to every listener: over HTTP each
 * subscription is an EventSource, and the browser allows only a few connections per host.
 */
export function shareChangeFeed(client: ApiClient): ApiClient {
  const listeners = new Set<(e: ChangeEvent) => void>();
  let stop: (() => void) | null = null;
  return {
    transport: client.transport,
    call: (channel, request) => client.call(channel, request),
    onChange(listener) {
      listeners.add(listener);
      stop ??= client.onChange((e) => listeners.forEach((l) => l(e)));
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
  };
}
