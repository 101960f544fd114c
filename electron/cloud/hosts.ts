/**
 * A user-typed SwanLab host turned into the URLs the client needs (protocol doc §1.3, the 0.9
 * rules): no scheme means https, only `scheme://hostname[:port]` is kept, the API base is that
 * origin + `/api`, and the web host is the same origin except for the official cloud.
 */
export interface SwanlabHost {
  /** Origin of the API server, e.g. `https://api.swanlab.cn` or `http://10.0.0.1:8000`. */
  apiHost: string;
  /** `apiHost + /api`; every endpoint path is relative to it. */
  apiBase: string;
  /** Where runs open in a browser (`https://swanlab.cn` for the cloud, else the API origin). */
  webHost: string;
  cloud: boolean;
  /** The input had no scheme and names a bare IP or localhost: https was assumed, maybe wrongly. */
  httpsAssumedForBareAddress: boolean;
}

export const CLOUD_API_HOST = 'https://api.swanlab.cn';
export const CLOUD_WEB_HOST = 'https://swanlab.cn';

export class InvalidHostError extends Error {}

/** `scheme://hostname[:port]` of a host as typed; path, query and fragment are dropped. */
export function formatOrigin(input: string): { origin: string; hostname: string; schemeGiven: boolean } {
  const text = input.trim();
  const schemeGiven = text.includes('://');
  let url: URL;
  try {
    url = new URL(schemeGiven ? text : `https://${text}`);
  } catch {
    throw new InvalidHostError(`invalid SwanLab host ${JSON.stringify(input)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidHostError(`invalid SwanLab host ${JSON.stringify(input)}: only http and https are supported`);
  }
  if (!url.hostname) throw new InvalidHostError(`invalid SwanLab host ${JSON.stringify(input)}`);
  return { origin: url.origin, hostname: url.hostname, schemeGiven };
}

const BARE_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])$/i;

export function resolveHost(input?: string | null, webHostInput?: string | null): SwanlabHost {
  if (!input || !input.trim()) return cloudHost();
  const { origin, hostname, schemeGiven } = formatOrigin(input);
  // the official API host, or the web host typed instead of it, is the cloud (always https)
  if (hostname === 'api.swanlab.cn' || hostname === 'swanlab.cn') return cloudHost();
  const webHost = webHostInput && webHostInput.trim() ? formatOrigin(webHostInput).origin : origin;
  return {
    apiHost: origin,
    apiBase: `${origin}/api`,
    webHost,
    cloud: false,
    httpsAssumedForBareAddress: !schemeGiven && BARE_ADDRESS.test(hostname),
  };
}

function cloudHost(): SwanlabHost {
  return { apiHost: CLOUD_API_HOST, apiBase: `${CLOUD_API_HOST}/api`, webHost: CLOUD_WEB_HOST, cloud: true, httpsAssumedForBareAddress: false };
}

/** Absolute URL for a presigned URL the server may have sent relative (`/swanlab-private/...`). */
export function resolveAgainstHost(host: SwanlabHost, url: string): string {
  return new URL(url, `${host.apiHost}/`).toString();
}
