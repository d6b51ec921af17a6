// Domain logic is "pure": the translator, the policy engine and the lifecycle state machine also
// run in the browser and the CLI, so they import no Node built-ins, Next.js, database or server code.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const PURE_DIRS = ['lib/tosca', 'lib/policy', 'lib/lifecycle'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe.each(PURE_DIRS)('%s', (dir) => {
  it('imports only its own modules and browser-safe packages', () => {
    const files = sourceFiles(path.resolve(__dirname, '..', dir));
    expect(files.length).toBeGreaterThan(0);
    const offending: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, staticImport, dynamicImport, required] of source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)) {
        const specifier = staticImport ?? dynamicImport ?? required;
        const bad =
          FORBIDDEN.has(specifier) || /^(next|@prisma|better-sqlite3|pg|react)(\/|$)/.test(specifier) || specifier.startsWith('@/lib/server') || specifier.startsWith('@/app');
        if (bad) offending.push(`${path.relative(process.cwd(), file)}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
