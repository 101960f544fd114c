import type { ApiClient, PreloadBridge } from '../../../shared/client';
import { ApiError } from '../../../shared/client';
import type { ChannelName, RequestOf, ResponseOf } from '../../../shared/contract';

/** The contract over Electron IPC, through the preload's contextBridge API. */
export function createIpcClient(bridge: PreloadBridge): ApiClient {
  return {
    transport: 'ipc',
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      try {
        return (await bridge.invoke(channel, request)) as ResponseOf<C>;
      } catch (e) {
        // Electron prefixes remote errors with "Error invoking remote method '...': "
        const message = String((e as Error).message ?? e).replace(/^Error invoking remote method '[^']*': (Error: )?/, '');
        throw new ApiError(channel, message, 500);
      }
    },
    onChange: (listener) => bridge.onChange(listener),
  };
}
