import type { ChangeEvent } from '../../shared/contract';
import { LocalSource } from '../api/localSource';
import { LocalWorkspace } from '../swanlog/workspace';

/**
 * The folder the desktop window shows. Opening another one replaces it (the old one stops
 * polling); change listeners stay subscribed across the switch.
 */
export class CurrentSource {
  private source: LocalSource | null = null;
  private unsubscribe: () => void = () => {};
  private readonly listeners = new Set<(e: ChangeEvent) => void>();

  constructor(private readonly pollMs = 1000, private readonly onError: (e: Error) => void = () => {}) {}

  get(): LocalSource | null {
    return this.source;
  }

  /** Opens `target` (any folder `discoverSwanlogs` accepts); the current folder stays open if this fails. */
  async open(target: string): Promise<LocalSource> {
    const ws = await LocalWorkspace.open(target);
    ws.on('error', this.onError);
    ws.watch(this.pollMs);
    const next = new LocalSource(ws, true);
    this.close();
    this.source = next;
    this.unsubscribe = next.onChange((e) => this.listeners.forEach((l) => l(e)));
    return next;
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.unsubscribe = () => {};
    this.source?.close();
    this.source = null;
  }
}
