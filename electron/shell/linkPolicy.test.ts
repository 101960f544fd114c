import { describe, expect, it } from 'vitest';
import { externalLink, navigationDecision } from './linkPolicy';

const index = 'file:///app/dist/renderer/index.html';

describe('externalLink', () => {
  it('passes plain http and https links, normalised', () => {
    expect(externalLink('https://swanlab.cn/docs')).toBe('https://swanlab.cn/docs');
    expect(externalLink('HTTP://Example.com')).toBe('http://example.com/');
  });

  it('refuses every other scheme and links with credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'smb://host/share', 'swanview-media://media/?run=a',
      'mailto:a@b.c', 'vscode://open', 'https://user:pw@example.com/', 'https://a@example.com/', 'not a url', '']) {
      expect(externalLink(url), url).toBeNull();
    }
  });
});

describe('navigationDecision', () => {
  it('lets the window reload its own page', () => {
    expect(navigationDecision(index, index)).toEqual({ action: 'allow' });
    expect(navigationDecision(`${index}#runs`, index)).toEqual({ action: 'allow' });
  });

  it('sends http(s) to the OS browser and blocks everything else', () => {
    expect(navigationDecision('https://example.com/x', index)).toEqual({ action: 'external', url: 'https://example.com/x' });
    expect(navigationDecision('file:///home/me/swanlog/', index)).toEqual({ action: 'deny' });
    expect(navigationDecision('file:///app/dist/renderer/other.html', index)).toEqual({ action: 'deny' });
    expect(navigationDecision('javascript:alert(1)', index)).toEqual({ action: 'deny' });
  });
});
