import { afterAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveMediaFile } from './mediaPath';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const RUN = path.join(FIXTURES, 'swanlog-0.9.7', 'run-20261124_051228-tc77jij3');
const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => fs.rm(d, { recursive: true, force: true }))));

describe('resolveMediaFile', () => {
  it('follows a symlink placeholder that a copy turned into a text file (fixture 0.9.7)', async () => {
    const p = await resolveMediaFile(RUN, 'media/7/500-810b4a78.png');
    expect(p).toBe(path.join(RUN, 'media', 'image', '500-810b4a78.png'));
    expect((await fs.stat(p!)).size).toBe(3172);
  });

  it('follows a real relative symlink and serves a plain file as is', async () => {
    const run = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-media-'));
    tmp.push(run);
    await fs.mkdir(path.join(run, 'media', 'image'), { recursive: true });
    await fs.mkdir(path.join(run, 'media', '7'));
    await fs.writeFile(path.join(run, 'media', 'image', 'a.png'), 'PNGDATA');
    await fs.symlink('../image/a.png', path.join(run, 'media', '7', 'a.png'));
    expect(await resolveMediaFile(run, 'media/7/a.png')).toBe(await fs.realpath(path.join(run, 'media', 'image', 'a.png')));
    expect(await resolveMediaFile(run, 'media/image/a.png')).toBe(await fs.realpath(path.join(run, 'media', 'image', 'a.png')));
  });

  it('refuses paths and links that leave the media folder', async () => {
    const run = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-media-'));
    tmp.push(run);
    await fs.mkdir(path.join(run, 'media', '7'), { recursive: true });
    await fs.writeFile(path.join(run, 'secret.txt'), 'x');
    await fs.symlink('../../secret.txt', path.join(run, 'media', '7', 'evil.png'));
    expect(await resolveMediaFile(run, 'media/7/evil.png')).toBeNull();
    expect(await resolveMediaFile(run, '../secret.txt')).toBeNull();
    expect(await resolveMediaFile(run, 'media/7/missing.png')).toBeNull();
  });
});
