// lib/policy is "pure": it also runs in the browser, so no Node built-ins, Next.js or database.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';

const DIR = path.resolve(__dirname, '../../lib/policy');
const FORBIDDEN = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

it('lib/policy imports only its own modules and browser-safe packages', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  const offending: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    for (const [, staticImport, dynamicImport] of source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)) {
      const specifier = staticImport ?? dynamicImport;
      const bad = FORBIDDEN.has(specifier) || /^(next|@prisma|better-sqlite3|pg)(\/|$)/.test(specifier) || specifier.startsWith('@/lib/server');
      if (bad) offending.push(`${file}: ${specifier}`);
    }
  }
  expect(offending).toEqual([]);
});
