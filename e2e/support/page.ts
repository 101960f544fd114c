import type { Locator, Page } from '@playwright/test';
import * as path from 'node:path';
import { ROOT } from './serve';

export const chart = (page: Page, key: string): Locator => page.locator(`[data-testid=chart-panel][data-metric-key="${key}"]`);
export const section = (page: Page, name: string): Locator => page.locator(`[data-testid=section][data-section="${name}"]`);
export const runRow = (page: Page, name: string): Locator => page.locator(`[data-testid=run-row][data-run-name="${name}"]`);

export async function attrs(list: Locator, name: string): Promise<string[]> {
  return list.evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
}

/** Saves a screenshot as test-results/screens/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', `${name}.png`) });
}

/** Scrolls a chart into view (it mounts lazily) and waits for its data. */
export async function loaded(panel: Locator): Promise<Locator> {
  await panel.scrollIntoViewIfNeeded();
  await panel.locator('canvas, .chart-note').first().waitFor();
  return panel;
}
