import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET } from './e2e/admin-env';
import { assertLocalDatabase, E2E_DATABASE_URL } from './e2e/database-url';

assertLocalDatabase(E2E_DATABASE_URL);
// E2E_PORT lets two e2e runs share a machine (each with its own E2E_DATABASE_URL too).
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // Debian's Chromium: `npx playwright install` cannot download browsers here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Playwright starts the server before globalSetup, and /api/health answers 503 until the database
    // exists: so the server command recreates and migrates it first; global setup then loads the data.
    command: `node --import tsx e2e/reset-database.ts && npm run job -- migrate && npm run build && npm run start -- -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    env: { DATABASE_URL: E2E_DATABASE_URL, ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, SESSION_SECRET: E2E_SESSION_SECRET },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
