import * as path from 'node:path';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { chart, loaded } from './support/page';
import { expect, test } from './support/serve';

const KEYS = 400;
const STEPS = 40;

test('a folder with hundreds of charts: every panel is listed, only visible charts load', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  for (const name of ['wide-a', 'wide-b']) {
    // one record file per run (no per-key log folders) keeps writing the folder quick
    const w = await SwanlogRunWriter.create(root, { project: 'wide', name, generations: ['C'], autoFlush: false });
    for (let s = 0; s < STEPS; s++) {
      const values: Record<string, number> = {};
      for (let k = 0; k < KEYS; k++) values[`layer${k % 20}/param${k}`] = Math.sin(s / 5 + k);
      w.log(values, { step: s });
    }
    w.finish('finished');
  }
  const { url } = await serve(root);
  let seriesCalls = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc/series.get')) seriesCalls++;
  });

  await page.goto(url);
  await page.locator('[data-testid=chart-panel] canvas').first().waitFor();
  await expect(page.getByTestId('chart-panel')).toHaveCount(KEYS);
  await expect(page.getByTestId('section')).toHaveCount(20);
  await page.waitForTimeout(500);
  expect(seriesCalls).toBeGreaterThan(0);
  expect(seriesCalls).toBeLessThan(KEYS / 4);

  const last = await loaded(chart(page, `layer19/param${KEYS - 1}`));
  await expect(last).toHaveAttribute('data-series-count', '2');
});
