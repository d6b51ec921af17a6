// Rig tier (npm run test:openstack): Trellis's OpenStack clients against real
// Keystone + Heat + Nova from ../shared/openstack-rig. Started by scripts/test-openstack.sh,
// which brings the rig up and exports the OS_* credentials of its admin-openrc.
import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname, '..') } },
  test: {
    root: path.resolve(__dirname, '..'),
    include: ['tests-openstack/**/*.test.ts'],
    environment: 'node',
    // one real cloud: files run one after another, stacks take seconds
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
