import { defineConfig } from '@playwright/test';

/**
 * Playwright drives Debian's Chromium (/usr/bin/chromium), never a downloaded browser.
 * scripts/test.js starts the fleet and the backend first and passes KUBEYARD_E2E_BASE_URL.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: '../../test-results/e2e-artifacts',
  reporter: [['list'], ['json']],
  use: {
    baseURL: process.env.KUBEYARD_E2E_BASE_URL ?? 'http://localhost:7017',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.KUBEYARD_CHROMIUM ?? '/usr/bin/chromium',
      // The machine has no network beyond loopback: keep Chromium from trying.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
