import type { ApiClient } from '../../../shared/client';
import type { ChannelName } from '../../../shared/contract';

export type CallOutcome = { ok: true } | { ok: false; error: Error & { status?: number } };

/**
 * The same client, telling `observer` how every call ended (after the caller's own handling
 * had its chance: the observer never changes a result). Used to notice an account's host going
 * away whichever component made the call.
 */
export function observeCalls(client: ApiClient, observer: (channel: ChannelName, request: unknown, outcome: CallOutcome) => void): ApiClient {
  return {
    transport: client.transport,
    onChange: (listener) => client.onChange(listener),
    call(channel, request) {
      const p = client.call(channel, request);
      p.then(
        () => observer(channel, request, { ok: true }),
        (error: Error & { status?: number }) => observer(channel, request, { ok: false, error }),
      );
      return p;
    },
  };
}
