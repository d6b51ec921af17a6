// Replays the 39 REQUIRED cases of shared/conformance/heat-translator (OpenStack heat-translator's own
// test pairs) in 'heat-translator' mode. As upstream compares: parse both sides as YAML and compare as
// data with only the lists under allowed_values and depends_on sorted; ` | ` separates accepted
// alternatives; nested templates are compared by file name.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/tosca';
import { HT_DIR, loadYaml, plain, read } from './shared';

interface Row {
  testId: string;
  kind: string;
  input: string;
  expected: string;
  params: Record<string, unknown>;
  expectError: string;
}

function rows(): Row[] {
  const [header, ...lines] = read(path.join(HT_DIR, 'PAIRS.tsv')).split('\n').filter(Boolean);
  const cols = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const get = (c: string) => cells[cols.indexOf(c)] ?? '';
    return { testId: get('test_id'), kind: get('kind'), input: get('input'), expected: get('expected'), params: JSON.parse(get('params') || '{}'), expectError: get('expect_error') };
  });
}

/** Sorts lists under allowed_values and depends_on, recursively, like upstream's comparison. */
function normalise(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => normalise(x));
    return key === 'allowed_values' || key === 'depends_on' ? [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x, k)]));
  return v;
}

const required = new Set(read(path.join(HT_DIR, 'REQUIRED.txt')).split('\n').map((s) => s.trim()).filter(Boolean));
const cases = rows().filter((r) => required.has(r.testId));

function run(row: Row) {
  const inputFile = path.join(HT_DIR, row.input);
  const dir = path.dirname(inputFile);
  return translate(read(inputFile), {
    mode: 'heat-translator',
    paramValues: row.params,
    imports: (rel) => {
      const f = path.resolve(dir, rel);
      return fs.existsSync(f) ? read(f) : undefined;
    },
  });
}

describe('heat-translator REQUIRED conformance', () => {
  it('finds all 39 required cases', () => expect(cases).toHaveLength(39));

  for (const row of cases) {
    it(row.testId, () => {
      const result = run(row);
      if (row.kind === 'error') {
        expect(result.template).toBeNull();
        const message = row.expectError.replace(/^\w+\/:\s*/, '');
        expect(result.errors.map((e) => e.message)).toContain(message);
        expect(result.errors.find((e) => e.message === message)).toMatchObject({ code: 'unsupported_type' });
        return;
      }
      expect(result.errors).toEqual([]);
      const alternatives = row.expected.split(' | ').map((alt) => alt.split(';'));
      const actualMain = normalise(plain(result.template));
      const actualFiles = normalise(plain(result.files));
      const matches = alternatives.map(([main, ...nested]) => {
        const expectedFiles = Object.fromEntries(nested.map((n) => [path.basename(n), normalise(loadYaml(path.join(HT_DIR, n)))]));
        return { main: normalise(loadYaml(path.join(HT_DIR, main))), files: expectedFiles };
      });
      const ok = matches.some((m) => JSON.stringify(sortKeys(m.main)) === JSON.stringify(sortKeys(actualMain)) && JSON.stringify(sortKeys(m.files)) === JSON.stringify(sortKeys(actualFiles)));
      if (!ok) {
        // Show the diff against the first alternative.
        expect(actualMain).toEqual(matches[0].main);
        expect(actualFiles).toEqual(matches[0].files);
      }
      expect(ok).toBe(true);
    });
  }
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
