/**
 * Electron IPC channel names. Every contract call travels over IPC_INVOKE with the contract's
 * channel name as its first argument; the preload inlines the same strings (it cannot require
 * local files) and its test checks they match.
 */
export const IPC_INVOKE = 'swanview:invoke';
/** Main → renderer: the change feed (shared/contract.ts ChangeEvent). */
export const IPC_CHANGE = 'swanview:change';
/** Main → renderer: menu commands the renderer carries out (shared/client.ts ShellCommand). */
export const IPC_COMMAND = 'swanview:command';
