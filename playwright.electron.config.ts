import { defineConfig } from '@playwright/test';

// The desktop window through Playwright's _electron (e2e/electron/*.electron.ts). They need a
// downloaded Electron binary and a display; without them every test skips and says why.
// Kept apart from playwright.config.ts (the UI in Chromium), whose `*.spec.ts` match skips these files.
export default defineConfig({
  testDir: 'e2e/electron',
  testMatch: '**/*.electron.ts',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
