import { describe, expect, it } from 'vitest';
import { ContractError, parseRequest } from './contract';

describe('contract request validation', () => {
  it('accepts a well-formed request and returns it typed', () => {
    const { request } = parseRequest<'series.get'>('series.get', { source: 'folder:ab', key: 'train/loss', runIds: ['run-1'], width: 600 });
    expect(request.width).toBe(600);
    expect(parseRequest<'accounts.add'>('accounts.add', { host: '', apiKey: '  k3y  ' }).request.apiKey).toBe('k3y');
  });
  it('rejects unknown channels, missing fields and out-of-range values with the field named', () => {
    expect(() => parseRequest('fs.readFile', {})).toThrow(/unknown channel/);
    expect(() => parseRequest('series.get', { key: 'k', runIds: ['r'], width: 600 })).toThrow(/at source/);
    expect(() => parseRequest('series.get', { source: 's', key: 'k', runIds: [], width: 600 })).toThrow(/runIds/);
    expect(() => parseRequest('series.get', { source: 's', key: 'k', runIds: ['r'], width: 1e9 })).toThrow(/width/);
    expect(() => parseRequest('state.set', { folderKey: 'f', state: { pinned: [1] } })).toThrow(ContractError);
    expect(() => parseRequest('__proto__', {})).toThrow(/unknown channel/);
    expect(() => parseRequest('accounts.add', { host: '', apiKey: '   ' })).toThrow(/apiKey/);
    expect(() => parseRequest('cloud.open', { accountId: 'a', workspace: 'w', project: 'p', runIds: [] })).toThrow(/runIds/);
    expect(() => parseRequest('cloud.projects', { accountId: 'a', workspace: 'w', sort: 'random' })).toThrow(/sort/);
  });
});
