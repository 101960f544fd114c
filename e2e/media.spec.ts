import * as path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { encodePng } from '../electron/swanlog/writer/mediaEncoders';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { runFact } from './support/fixtureFacts';
import { copyFixture, expect, test } from './support/serve';

function mediaPanel(page: Page, key: string): Locator {
  return page.locator(`[data-testid=media-panel][data-metric-key="${key}"]`);
}

/** Whether every image in `scope` has finished loading real pixels. */
function imagesLoaded(scope: Locator): Promise<boolean> {
  return scope.getByTestId('media-image').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
}

for (const set of ['swanlog-0.9.7', 'swanlog-0.4.12']) {
  test(`${set}: images load lazily, with a step slider and captions`, async ({ page, serve, tempDir }) => {
    const s = await serve(copyFixture(set, tempDir()));
    const baseline = runFact(set, 'baseline-lr0.1').id;
    const mediaCalls: string[] = [];
    const urls = new Set<string>();
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc/media.get')) mediaCalls.push(r.postData() ?? '');
    });
    page.on('response', async (r) => {
      if (!r.url().endsWith('/rpc/media.get')) return;
      const body = (await r.json()) as { points: { urls: (string | null)[] }[] };
      for (const p of body.points) for (const u of p.urls) if (u) urls.add(new URL(u, s.url).href);
    });
    await page.goto(s.url);
    const panel = mediaPanel(page, 'samples/pred');
    await expect(panel).toHaveCount(1);
    await expect(page.getByTestId('chart-panel').first()).toBeVisible();
    expect(mediaCalls.filter((c) => c.includes('samples/pred'))).toEqual([]);

    await panel.scrollIntoViewIfNeeded();
    const slider = panel.getByTestId('media-step');
    await expect(slider).toHaveAttribute('data-step', '2000');
    const run = panel.locator(`[data-run-id="${baseline}"]`);
    await expect(run.getByTestId('media-image')).toHaveCount(2);
    await expect(run.locator('figcaption')).toHaveText(['pred step 2000 #0', 'pred step 2000 #1']);
    await expect.poll(() => imagesLoaded(panel)).toBe(true);
    for (const src of await panel.getByTestId('media-image').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))) {
      expect(urls).toContain(src);
    }
    await panel.screenshot({ path: `test-results/media-images-${set}.png` });

    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('data-step', '500');
    await expect(run.locator('figcaption')).toHaveText(['pred step 500 #0', 'pred step 500 #1']);
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('data-step', '1000');
    await expect(run.locator('figcaption')).toHaveText(['pred step 1000 #0', 'pred step 1000 #1']);
    await expect.poll(() => imagesLoaded(panel)).toBe(true);

    await run.getByTestId('media-image').first().click();
    const lightbox = page.locator('.media-lightbox');
    await expect(lightbox).toContainText('pred step 1000 #0');
    await page.keyboard.press('Escape');
    await expect(lightbox).toHaveCount(0);
  });

  test(`${set}: audio players and text entries`, async ({ page, serve, tempDir }) => {
    const s = await serve(copyFixture(set, tempDir()));
    const baseline = runFact(set, 'baseline-lr0.1').id;
    await page.goto(s.url);

    const audio = mediaPanel(page, 'samples/audio');
    await audio.scrollIntoViewIfNeeded();
    const player = audio.locator(`[data-run-id="${baseline}"]`).getByTestId('media-audio');
    await expect(player).toHaveCount(1);
    await expect(player).toHaveAttribute('controls', '');
    await expect(audio.locator(`[data-run-id="${baseline}"] figcaption`)).toHaveText('440 Hz tone');
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(0);
    await audio.screenshot({ path: `test-results/media-audio-${set}.png` });

    const text = mediaPanel(page, 'samples/text');
    await text.scrollIntoViewIfNeeded();
    const entry = text.locator(`[data-run-id="${baseline}"]`).getByTestId('media-text');
    await expect(entry).toHaveText('step 2000: the quick brown fox 0.8190');
    await text.getByTestId('media-step').focus();
    await page.keyboard.press('Home');
    await expect(entry).toHaveText('step 500: the quick brown fox 0.4649');
    await text.screenshot({ path: `test-results/media-text-${set}.png` });
  });
}

test('new media steps of a live run: the slider follows the last step unless another was chosen', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  const w = await SwanlogRunWriter.create(root, { name: 'live-media' });
  const image = (step: number) => ({
    kind: 'image' as const,
    items: [{ data: encodePng(16, 16, (x, y) => [(x * 16 + step) % 256, (y * 16) % 256, 128]), ext: 'png', caption: `live ${step}` }],
  });
  w.log({ 'train/loss': 1, 'samples/live': image(10) }, { step: 10 });
  const s = await serve(root);
  await page.goto(s.url);
  const panel = mediaPanel(page, 'samples/live');
  await panel.scrollIntoViewIfNeeded();
  const slider = panel.getByTestId('media-step');
  await expect(slider).toHaveAttribute('data-step', '10');
  await expect(panel.locator('figcaption')).toHaveText('live 10');

  w.log({ 'train/loss': 0.5, 'samples/live': image(20) }, { step: 20 });
  await expect(slider).toHaveAttribute('data-step', '20', { timeout: 15_000 });
  await expect(panel.locator('figcaption')).toHaveText('live 20');
  await expect.poll(() => imagesLoaded(panel)).toBe(true);

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('data-step', '10');
  w.log({ 'train/loss': 0.25, 'samples/live': image(30) }, { step: 30 });
  await expect(panel.locator('.media-step-label')).toContainText('1/3', { timeout: 15_000 });
  await expect(slider).toHaveAttribute('data-step', '10');
  await expect(panel.locator('figcaption')).toHaveText('live 10');
  w.finish('finished');
});
