// Replays the oslo.policy conformance suite (2000 decisions labelled by oslo.policy itself):
// `allowed` must be equal and `error` null vs non-null must be equal. Every case runs in-process;
// every fourth case also runs through the `trellis policy check` batch command.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase, type PolicyCase } from '@/lib/policy/cases';

const CASES_FILE = path.resolve(__dirname, '../../../shared/conformance/policy/cases.jsonl');
const ROOT = path.resolve(__dirname, '../..');

interface LabelledCase extends PolicyCase {
  id: number;
  tags: string[];
  expected: { allowed: boolean; error: string | null };
}

const cases: LabelledCase[] = readFileSync(CASES_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

// Evaluated once, shared by the whole-suite test and the per-tag views.
const results = new Map(cases.map((c) => [c.id, evaluateCase(c)]));

function verdict(result: { allowed: boolean; error: string | null }) {
  return { allowed: result.allowed, hasError: result.error !== null };
}

describe('oslo.policy conformance (cases.jsonl)', () => {
  it('has all 2000 cases', () => {
    expect(cases).toHaveLength(2000);
  });

  it('every case decides like oslo.policy (in-process)', () => {
    const mismatches: string[] = [];
    for (const policyCase of cases) {
      const got = results.get(policyCase.id)!;
      const want = policyCase.expected;
      if (got.allowed !== want.allowed || (got.error === null) !== (want.error === null)) {
        mismatches.push(`#${policyCase.id} [${policyCase.tags.join(',')}]: got ${JSON.stringify(verdict(got))} (${got.error ?? got.reason}), want ${JSON.stringify(verdict(want))} (${want.error})`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases.length - mismatches.length).toBe(2000);
  });

  // Per-tag views so a regression names the feature it broke.
  const tags = [...new Set(cases.flatMap((c) => c.tags))].sort();
  it.each(tags)('tag %s', (tag) => {
    const tagged = cases.filter((c) => c.tags.includes(tag));
    expect(tagged.length).toBeGreaterThan(0);
    for (const policyCase of tagged) {
      expect(verdict(results.get(policyCase.id)!), `case #${policyCase.id}`).toEqual(verdict(policyCase.expected));
    }
  });

  it('a quarter of the cases through `trellis policy check` (stdin/stdout)', () => {
    const share = cases.filter((c) => c.id % 4 === 0);
    const input = share.map(({ expected: _expected, tags: _tags, ...rest }) => JSON.stringify(rest)).join('\n') + '\n';
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/trellis.js'), 'policy', 'check'], { input, cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(share.length);
    lines.forEach((line, index) => {
      const policyCase = share[index];
      expect(line.id).toBe(policyCase.id);
      expect(Object.keys(line).sort()).toEqual(['allowed', 'error', 'id']);
      expect(verdict(line), `case #${policyCase.id}`).toEqual(verdict(policyCase.expected));
    });
  });
});
