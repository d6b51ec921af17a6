// `npm run bench`: every benchmark, one after another, each printing its own figures.
// `npm run bench -- translate` runs only the named ones.
interface Benchmark {
  name: string;
  run: () => Promise<void>;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'translate', run: async () => (await import('./translate')).benchTranslate() },
  { name: 'editor-latency', run: async () => (await import('./editor-latency')).benchEditorLatency() },
  { name: 'vnf-stream', run: async () => void (await (await import('./vnf-stream')).benchVnfStream()) },
];

async function main() {
  process.env.TRELLIS_LOG_LEVEL ??= 'warn'; // figures, not request logs
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  if (!selected.length) throw new Error(`unknown benchmark(s) ${wanted.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  for (const b of selected) {
    console.log(`\n=== ${b.name}`);
    await b.run();
  }
  process.exit(0); // benchmarks may leave servers' keep-alive sockets behind
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
