import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFromArgv } from './argvFolder';

const cwd = path.resolve('/home/me/work');

describe('folderFromArgv', () => {
  it('reads PATH after the app entry in development (`electron main.js PATH`)', () => {
    expect(folderFromArgv(['/x/electron', 'dist/electron/main.js', 'swanlog'], { defaultApp: true, cwd })).toBe(path.join(cwd, 'swanlog'));
    expect(folderFromArgv(['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'main.js', '/data/swanlog'], { defaultApp: true, cwd }))
      .toBe(path.resolve('/data/swanlog'));
  });

  it('reads the first argument of the packaged app (`swanview PATH`)', () => {
    expect(folderFromArgv(['/opt/swanview/swanview', '../logs'], { defaultApp: false, cwd })).toBe(path.resolve(cwd, '../logs'));
  });

  it('skips Chromium switches wherever they are, and gives null without a folder', () => {
    expect(folderFromArgv(['/opt/swanview/swanview', '--no-sandbox', 'swanlog', '--allow-file-access-from-files'], { defaultApp: false, cwd }))
      .toBe(path.join(cwd, 'swanlog'));
    expect(folderFromArgv(['/opt/swanview/swanview', '--no-sandbox'], { defaultApp: false, cwd })).toBeNull();
    expect(folderFromArgv(['/x/electron', 'main.js'], { defaultApp: true, cwd })).toBeNull();
    expect(folderFromArgv([], { defaultApp: false, cwd })).toBeNull();
  });
});
