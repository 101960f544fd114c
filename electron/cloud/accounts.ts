import type { SelfHostedInfo } from './cloudTypes';
import type { SwanlabHost } from './hosts';
import { accountIdOf, type KeyStore } from './keyStore';
import { createClient, type ConnectOptions, type SwanlabClient } from './swanlabClient';

/** What the UI shows of an account (never the key). */
export interface CloudAccount {
  id: string;
  host: SwanlabHost;
  username: string;
  name: string | null;
  /** null on the cloud and on servers without `/self_hosted/info`. */
  selfHosted: SelfHostedInfo | null;
}

/**
 * Logs in to check the key, finds out whether the host is a private deployment, and keeps the
 * key in `keys` under the account's id (`<apiHost>#<username>`).
 */
export async function connectAccount(opts: ConnectOptions, keys: KeyStore): Promise<{ account: CloudAccount; client: SwanlabClient }> {
  const client = createClient(opts);
  const session = await client.login();
  const selfHosted = await client.selfHostedInfo();
  const account: CloudAccount = { id: accountIdOf(client.host, session.username), host: client.host, username: session.username, name: session.name, selfHosted };
  await keys.save(account.id, opts.apiKey.trim());
  return { account, client };
}

/** A client for an account connected before, its key read from `keys`; null when the key is gone. */
export async function reconnectAccount(account: Pick<CloudAccount, 'id' | 'host'>, keys: KeyStore, options: Omit<ConnectOptions, 'host' | 'apiKey'> = {}): Promise<SwanlabClient | null> {
  const apiKey = await keys.load(account.id);
  return apiKey ? createClient({ ...options, host: account.host, apiKey }) : null;
}
