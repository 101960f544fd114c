import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSource } from '../api/localSource';
import { LocalWorkspace } from '../swanlog/workspace';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { createMediaHandler, mediaProtocolUrl, parseMediaUrl } from './mediaProtocol';

describe('media URLs', () => {
  it('round-trip run, key and file, whatever characters they hold', () => {
    const ref = { source: 'folder:0123abcd', runId: 'run-20261124_051228-tc77jij3', key: 'samples/pred ü&=?#', file: 'image-step1-ab.png' };
    const url = mediaProtocolUrl(ref.source, ref.runId, ref.key, ref.file);
    expect(url.startsWith('swanview-media://media/?')).toBe(true);
    expect(parseMediaUrl(url)).toEqual(ref);
  });

  it('reject other schemes, hosts, paths and missing parts', () => {
    for (const url of ['https://media/?source=s&run=a&key=b&file=c', 'swanview-media://other/?source=s&run=a&key=b&file=c',
      'swanview-media://media/x?source=s&run=a&key=b&file=c', 'swanview-media://media/?source=s&run=a&key=b',
      'swanview-media://media/?run=a&key=b&file=c', 'nonsense']) {
      expect(parseMediaUrl(url), url).toBeNull();
    }
  });
});

describe('createMediaHandler', () => {
  let ws: LocalWorkspace;
  let source: LocalSource;
  beforeAll(async () => {
    ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    source = new LocalSource(ws, true);
  });
  afterAll(() => ws.close());
  const handler = () => createMediaHandler((id) => (id === source.id ? source : null));
  const urlOf = (runId: string, key: string, file: string) => mediaProtocolUrl(source.id, runId, key, file);

  it('serves a file the run recorded, with its type, as inert data', async () => {
    const runId = source.view().runs[0].info.id;
    const media = await source.media(runId, 'samples/pred', urlOf);
    const url = media.points.flatMap((p) => p.urls).find((u): u is string => u !== null)!;
    const res = await handler()(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const ref = parseMediaUrl(url)!;
    const onDisk = await fs.readFile((await source.mediaFile(ref.runId, ref.key, ref.file))!);
    expect(Buffer.from(await res.arrayBuffer()).equals(onDisk)).toBe(true);
  });

  it('answers 404 for anything the run did not record: other names, path tricks, other runs, no folder', async () => {
    const runId = source.view().runs[0].info.id;
    for (const file of ['../../runs.swanlab', '/etc/passwd', 'nope.png', '..']) {
      expect((await handler()(new Request(urlOf(runId, 'samples/pred', file)))).status, file).toBe(404);
    }
    expect((await handler()(new Request(urlOf('run-none', 'samples/pred', 'a.png')))).status).toBe(404);
    expect((await handler()(new Request('swanview-media://media/?run=a'))).status).toBe(404);
    const recorded = (await source.media(runId, 'samples/pred', urlOf)).points.flatMap((p) => p.urls).find((u): u is string => u !== null)!;
    // a real file, but named under a source that is not open
    expect((await handler()(new Request(recorded.replace(encodeURIComponent(source.id), 'folder%3Aother')))).status).toBe(404);
    expect((await createMediaHandler(() => null)(new Request(recorded))).status).toBe(404);
  });
});
