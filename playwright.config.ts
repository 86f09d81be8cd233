import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the running portal on the embedded default in Debian's
 * Chromium (never a downloaded browser). `./carepath test:e2e` starts the
 * portal when it is not already up.
 */
const chromium = process.env.CAREPATH_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-artifacts/report' }],
  ],
  outputDir: 'e2e-artifacts/results',
  webServer: {
    command: './carepath start',
    url: 'http://localhost:3000',
    reuseExistingServer: true,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
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
