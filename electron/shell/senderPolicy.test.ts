import { describe, expect, it } from 'vitest';
import { documentUrl, isTrustedSender } from './senderPolicy';

const trusted = { webContentsId: 7, indexUrl: 'file:///opt/swanview/resources/app.asar/dist/renderer/index.html' };
const ok = { webContentsId: 7, frameUrl: trusted.indexUrl, isMainFrame: true };

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on our own index.html, query and fragment aside', () => {
    expect(isTrustedSender(ok, trusted)).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: `${trusted.indexUrl}?lang=zh#/run/1` }, trusted)).toBe(true);
  });

  it('refuses other windows, subframes, gone frames and other pages', () => {
    expect(isTrustedSender({ ...ok, webContentsId: 8 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/evil/index.html' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.com/dist/renderer/index.html' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'about:blank' }, trusted)).toBe(false);
  });

  it('refuses everything while there is no window', () => {
    expect(isTrustedSender(ok, null)).toBe(false);
  });
});

describe('documentUrl', () => {
  it('drops query and fragment, and rejects what is not a URL', () => {
    expect(documentUrl('file:///a/index.html?x=1#y')).toBe('file:///a/index.html');
    expect(documentUrl('not a url')).toBeNull();
  });
});
