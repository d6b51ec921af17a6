#!/usr/bin/env node
// Command-line entry: runs the TypeScript CLI through tsx's loader (no build step needed after `npm ci`).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

// Resolved from this package, so the command works from any working directory.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

const entry = path.join(__dirname, '..', 'lib', 'cli', 'run.ts');
const result = spawnSync(process.execPath, ['--import', tsxLoader, entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
if (result.error) {
  console.error(result.error.message);
  process.exit(2);
}
process.exit(result.status ?? 1);
