import { describe, expect, it } from 'vitest';
import { formatOrigin, InvalidHostError, resolveAgainstHost, resolveHost } from './hosts';

describe('resolveHost', () => {
  it('maps nothing, the API host and the web host to the cloud', () => {
    for (const input of [undefined, null, '', '  ', 'api.swanlab.cn', 'http://api.swanlab.cn', 'https://api.swanlab.cn/api', 'swanlab.cn', 'https://swanlab.cn/']) {
      expect(resolveHost(input)).toEqual({
        apiHost: 'https://api.swanlab.cn', apiBase: 'https://api.swanlab.cn/api', webHost: 'https://swanlab.cn', cloud: true, httpsAssumedForBareAddress: false,
      });
    }
  });

  it('keeps a private host on one origin with /api, the scheme defaulting to https', () => {
    expect(resolveHost('http://10.0.0.1:8000')).toMatchObject({ apiHost: 'http://10.0.0.1:8000', apiBase: 'http://10.0.0.1:8000/api', webHost: 'http://10.0.0.1:8000', cloud: false });
    expect(resolveHost('10.0.0.1:8000')).toMatchObject({ apiBase: 'https://10.0.0.1:8000/api', webHost: 'https://10.0.0.1:8000', httpsAssumedForBareAddress: true });
    expect(resolveHost('swanlab.example.com')).toMatchObject({ apiBase: 'https://swanlab.example.com/api', httpsAssumedForBareAddress: false });
  });

  it('drops path, query and fragment', () => {
    expect(resolveHost('https://swanlab.example.com/api').apiBase).toBe('https://swanlab.example.com/api');
    expect(resolveHost('10.0.0.1:8080/api/v1/?x=1#y').apiBase).toBe('https://10.0.0.1:8080/api');
    expect(resolveHost(' http://h.example:9000/ ').apiHost).toBe('http://h.example:9000');
  });

  it('takes a separate web host when given', () => {
    expect(resolveHost('http://10.0.0.1:8000', 'https://ui.example.com/x')).toMatchObject({ webHost: 'https://ui.example.com', apiBase: 'http://10.0.0.1:8000/api' });
  });

  it('rejects other schemes and garbage', () => {
    expect(() => resolveHost('ftp://x.example')).toThrow(InvalidHostError);
    expect(() => formatOrigin('http://')).toThrow(InvalidHostError);
  });

  it('resolves relative presigned URLs against the API origin', () => {
    const host = resolveHost('http://10.0.0.1:8000');
    expect(resolveAgainstHost(host, '/swanlab-private/exports/a.csv?X-Amz-Expires=300')).toBe('http://10.0.0.1:8000/swanlab-private/exports/a.csv?X-Amz-Expires=300');
    expect(resolveAgainstHost(host, 'http://10.0.0.1:9000/b?s=1')).toBe('http://10.0.0.1:9000/b?s=1');
  });
});
