import { describe, expect, it } from 'vitest';
import { browserCommand } from './openBrowser';

describe('browserCommand', () => {
  it('uses the platform opener', () => {
    expect(browserCommand('http://127.0.0.1:5092', 'linux')).toEqual(['xdg-open', ['http://127.0.0.1:5092']]);
    expect(browserCommand('http://127.0.0.1:5092', 'darwin')).toEqual(['open', ['http://127.0.0.1:5092']]);
    expect(browserCommand('http://127.0.0.1:5092', 'win32')).toEqual(['cmd', ['/c', 'start', '""', 'http://127.0.0.1:5092']]);
  });
});
