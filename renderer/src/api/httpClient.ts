import type { ApiClient } from '../../../shared/client';
import { ApiError } from '../../../shared/client';
import type { ChangeEvent, ChannelName, RequestOf, ResponseOf } from '../../../shared/contract';
import { decodeWire, encodeWire } from '../../../shared/wire';

/** The contract over HTTP, against the `swanview serve` that served this page. */
export function createHttpClient(base = ''): ApiClient {
  return {
    transport: 'http',
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const res = await fetch(`${base}/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: encodeWire(request),
      });
      const text = await res.text();
      if (!res.ok) {
        let message = text;
        try {
          message = (JSON.parse(text) as { error?: string }).error ?? text;
        } catch {
          /* not JSON: keep the text */
        }
        throw new ApiError(channel, message, res.status);
      }
      return decodeWire<ResponseOf<C>>(text);
    },
    onChange(listener: (e: ChangeEvent) => void): () => void {
      const es = new EventSource(`${base}/rpc-events`);
      es.onmessage = (m) => listener(decodeWire<ChangeEvent>(m.data as string));
      return () => es.close();
    },
  };
}
