import { section, snap } from './support/page';
import { copyFixture, expect, test } from './support/serve';

test.describe('following the OS', () => {
  test.use({ colorScheme: 'dark', locale: 'zh-CN' });

  test('starts dark and in Chinese when the OS is', async ({ page, serve, tempDir }) => {
    const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('.run-list-title')).toHaveText('实验');
    await expect(section(page, 'system').locator('.section-title')).toHaveText('系统');
    await expect(page.locator('[data-status=killed]')).toHaveText('已终止');
    await page.waitForTimeout(500);
    await snap(page, 'dark-zh');
  });
});

test('theme and language switch from the toolbar and are remembered', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.run-list-title')).toHaveText('Runs');

  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgb(246, 247, 249)');

  await page.getByTestId('toggle-lang').click();
  await expect(page.locator('.run-list-title')).toHaveText('实验');
  await expect(page.locator('[data-status=crashed]')).toHaveText('已崩溃');
  await expect(page.getByTestId('toggle-lang')).toHaveText('English');
  await page.waitForTimeout(500);
  await snap(page, 'dark-zh-switched');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.run-list-title')).toHaveText('实验');

  await page.getByTestId('toggle-theme').click();
  await page.getByTestId('toggle-lang').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.run-list-title')).toHaveText('Runs');

  // back on the OS's theme, the page follows the OS again
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
