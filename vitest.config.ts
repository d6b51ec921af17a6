import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/**/*.test.ts', 'lib/**/*.test.ts', 'sandbox/**/*.test.ts'],
    // The real-client check needs the production build: `npm test` runs it after `next build`.
    exclude: ['**/node_modules/**', ...(process.env.TRELLIS_E2E ? [] : ['tests/tacker-cli/**'])],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
