import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { testServerEnv } from './scripts/test-server-env';

// End-to-end tests run against the production build (`next build` first: `npm test` does it),
// with their own sandbox cloud and database so they never touch a developer's data.
const appPort = Number(process.env.E2E_APP_PORT || 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT || 5200);
const dataDir = process.env.E2E_DATA_DIR || path.join(os.tmpdir(), `trellis-e2e-${process.pid}`);
export const baseURL = `http://127.0.0.1:${appPort}`;

export default defineConfig({
  testDir: 'e2e',
  // One folder per build folder, so parallel runs (different NEXT_DIST_DIR) never clean each other's traces.
  outputDir: path.join('test-results', process.env.NEXT_DIST_DIR || '.next'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: `node --import tsx scripts/dev.ts --production --no-build`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: testServerEnv({ appPort, sandboxPort, dataDir }),
  },
});
