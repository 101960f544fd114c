import type { Page } from '@playwright/test';
import { expect } from './serve';

/** Opens the details drawer of the run named `name` from the run list. */
export async function openRunDetails(page: Page, name: string) {
  await page.locator(`[data-testid=run-row][data-run-name="${name}"] .run-open`).click();
  const panel = page.getByTestId('run-details');
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toHaveText(name);
  return panel;
}
