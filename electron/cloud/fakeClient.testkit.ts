import type { FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { resolveHost } from './hosts';
import { createClient, type SwanlabClient } from './swanlabClient';
import type { ApiOptions } from './swanlabApi';

export interface TestClient {
  client: SwanlabClient;
  /** Waits the client asked for, in ms (sleeping is instant in tests). */
  sleeps: number[];
  /** Retry warnings the client emitted. */
  retries: string[];
}

/** A client for `fake` with instant sleeps, a short timeout and recorded retries. */
export function clientFor(fake: FakeSwanlab, apiKey: string = KEYS.alice, opts: ApiOptions = {}): TestClient {
  const sleeps: number[] = [];
  const retries: string[] = [];
  const host = resolveHost(fake.origin);
  const client = createClient({
    host,
    apiKey,
    ...opts,
    transport: {
      timeoutMs: 2000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onRetry: (m) => retries.push(m),
      ...opts.transport,
    },
  });
  return { client, sleeps, retries };
}

