import type { ChangeEvent, ChannelName, RequestOf, ResponseOf } from './contract';

/**
 * The only way the renderer talks to the main side. Implemented by the Electron IPC transport
 * (preload bridge) and the HTTP transport (`swanview serve`); the UI cannot tell which.
 */
export interface ApiClient {
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to the change feed; returns the unsubscribe function. */
  onChange(listener: (e: ChangeEvent) => void): () => void;
  readonly transport: 'ipc' | 'http';
}

export type Language = 'en' | 'zh';

/** Menu commands the desktop app hands to the renderer (the renderer owns theme and language). */
export type ShellCommand = { kind: 'theme.toggle' } | { kind: 'language.set'; language: Language };

/** What the Electron preload exposes on `window.swanview` (contextBridge). */
export interface PreloadBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  onChange(listener: (e: ChangeEvent) => void): () => void;
  /** Subscribes to menu commands (Toggle Theme, Language); returns the unsubscribe function. */
  onCommand(listener: (c: ShellCommand) => void): () => void;
}

export class ApiError extends Error {
  constructor(readonly channel: string, message: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}
