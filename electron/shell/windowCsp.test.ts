// The desktop window loads dist/renderer/index.html from file://, where only the page's own
// <meta> policy applies: it must be the serve-mode policy plus the media scheme.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../serve/staticFiles';
import { MEDIA_SCHEME } from './mediaProtocol';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe('desktop window CSP', () => {
  it('is the serve-mode policy with swanview-media: added for images and audio/video', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const expected = directives(CONTENT_SECURITY_POLICY);
    expected.delete('frame-ancestors'); // ignored in <meta>; a top-level window cannot be framed anyway
    expected.get('img-src')!.push(`${MEDIA_SCHEME}:`);
    expected.get('media-src')!.push(`${MEDIA_SCHEME}:`);
    expect(directives(meta![1])).toEqual(expected);
  });
});
