// Times translate() in-process over the shared sample templates (Tacker pairs and samples, and the
// heat-translator REQUIRED cases) and prints median / p90 per template and overall.
//   npx tsx bench/translate.ts   (or call benchTranslate() from bench/run.ts)
import fs from 'node:fs';
import path from 'node:path';
import { translate, type TranslateOptions } from '../lib/tosca';

interface Case {
  name: string;
  source: string;
  options: TranslateOptions;
}

const SHARED = path.resolve(__dirname, '../../shared/conformance');

function loadCases(): Case[] {
  const cases: Case[] = [];
  const tacker = path.join(SHARED, 'tacker-pike');
  const pairs = JSON.parse(fs.readFileSync(path.join(tacker, 'pairs.json'), 'utf8')).pairs as Array<{ kind: string; input_tosca?: string; param_values?: string }>;
  const seen = new Set<string>();
  for (const p of pairs) {
    if (!p.kind.startsWith('infra_create') || !p.input_tosca || seen.has(p.input_tosca)) continue;
    seen.add(p.input_tosca);
    cases.push({ name: `tacker/${path.basename(p.input_tosca)}`, source: fs.readFileSync(path.join(tacker, p.input_tosca), 'utf8'), options: { paramValues: p.param_values } });
  }
  for (const dir of ['samples-vnfd', 'tests-etc-samples']) {
    for (const f of fs.readdirSync(path.join(tacker, dir)).sort()) {
      const source = fs.readFileSync(path.join(tacker, dir, f), 'utf8');
      if (!source.includes('tosca_definitions_version') || !source.includes('node_templates')) continue;
      cases.push({ name: `${dir}/${f}`, source, options: {} });
    }
  }
  const ht = path.join(SHARED, 'heat-translator');
  const required = new Set(fs.readFileSync(path.join(ht, 'REQUIRED.txt'), 'utf8').split('\n').map((s) => s.trim()));
  const [header, ...rows] = fs.readFileSync(path.join(ht, 'PAIRS.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  for (const row of rows) {
    const cells = row.split('\t');
    const get = (c: string) => cells[cols.indexOf(c)];
    if (!required.has(get('test_id')) || get('kind') !== 'success') continue;
    const input = path.join(ht, get('input'));
    cases.push({
      name: `heat-translator/${get('test_id').replace('ToscaHotTranslationTest.', '')}`,
      source: fs.readFileSync(input, 'utf8'),
      options: {
        mode: 'heat-translator',
        paramValues: JSON.parse(get('params') || '{}'),
        imports: (rel) => {
          const f = path.resolve(path.dirname(input), rel);
          return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
        },
      },
    });
  }
  return cases;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function benchTranslate(): Promise<void> {
  const cases = loadCases();
  const ROUNDS = 200;
  const WARMUP = 50;
  const all: number[] = [];
  const lines: string[] = [];
  for (const c of cases) {
    for (let i = 0; i < WARMUP; i++) translate(c.source, c.options);
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      translate(c.source, c.options);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    lines.push(`${c.name.padEnd(72)} median ${quantile(times, 0.5).toFixed(3)} ms   p90 ${quantile(times, 0.9).toFixed(3)} ms`);
  }
  all.sort((a, b) => a - b);
  console.log(`translate(): ${cases.length} templates x ${ROUNDS} runs (after ${WARMUP} warm-up runs each)`);
  for (const l of lines) console.log(l);
  console.log(`${'OVERALL'.padEnd(72)} median ${quantile(all, 0.5).toFixed(3)} ms   p90 ${quantile(all, 0.9).toFixed(3)} ms`);
}

if (require.main === module) {
  benchTranslate().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
