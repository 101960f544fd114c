import { startFakeSwanlab, type FakeSwanlab } from './fakeServer';
import type { FakeModel } from './model';
import { KEYS, sampleModel } from './sampleModel';

export interface FakeHosts {
  /** Cloud-style: no `/self_hosted/info` (an account on it is `kind: 'cloud'`), storage on its own origin. */
  cloud: FakeSwanlab;
  /** A private deployment: `/self_hosted/info`, API, storage and UI on one origin. */
  private: FakeSwanlab;
  /** The sample users' API keys (alice, bob, admin, carol), valid on both hosts. */
  keys: typeof KEYS;
  /** Stops `which` (its port is kept in `origin`); `restart` brings it back on the same port with the same data. */
  stop(which: 'cloud' | 'private'): Promise<void>;
  restart(which: 'cloud' | 'private'): Promise<FakeSwanlab>;
  close(): Promise<void>;
}

/** The private host's world: the sample, plus alice's `lab-only` project so the two hosts differ. */
export function privateModel(points?: number): FakeModel {
  const model = sampleModel(points);
  const mnist = model.projects[0];
  model.projects.push({
    ...mnist, cuid: 'plabonly0000000000001', name: 'lab-only', description: 'only on the private host',
    runs: [{ ...mnist.runs[1], cuid: 'r7labonly00000000001', slug: null, name: 'lab-run' }],
    savedGroups: [],
  });
  return model;
}

/**
 * Two fake SwanLab hosts on loopback at once, for tests of several accounts side by side:
 * one cloud-style and one private. alice (KEYS.alice) can log in on both.
 */
export async function startFakeHosts(opts: { points?: number } = {}): Promise<FakeHosts> {
  const models = { cloud: sampleModel(opts.points), private: privateModel(opts.points) };
  const hosts = {
    cloud: await startFakeSwanlab({ flavour: 'cloud', model: models.cloud }),
    private: await startFakeSwanlab({ flavour: 'private', model: models.private }),
  };
  const running = { cloud: true, private: true };
  const port = (f: FakeSwanlab) => Number(new URL(f.origin).port);
  return {
    get cloud() {
      return hosts.cloud;
    },
    get private() {
      return hosts.private;
    },
    keys: KEYS,
    async stop(which) {
      if (!running[which]) return;
      running[which] = false;
      await hosts[which].close();
    },
    async restart(which) {
      if (running[which]) await hosts[which].close();
      hosts[which] = await startFakeSwanlab({ flavour: which, model: models[which], port: port(hosts[which]) });
      running[which] = true;
      return hosts[which];
    },
    async close() {
      for (const which of ['cloud', 'private'] as const) {
        if (running[which]) await hosts[which].close();
        running[which] = false;
      }
    },
  };
}
