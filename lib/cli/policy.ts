// `trellis policy check [--explain]`: reads policy cases as JSON lines on stdin (the cases.jsonl
// format, `expected` ignored) and writes one line per case:
//   {"id": ..., "allowed": true|false, "error": null | "message"}
// A line that is not a valid case gets a result line with an "input: ..." error; the exit code
// is 0 when every line was a valid case, 1 otherwise, 2 for bad usage.

import { createInterface } from 'node:readline';
import { evaluateCase, validateCase, type PolicyCase } from '../policy/cases';

const USAGE = 'usage: trellis policy check [--explain] < cases.jsonl\n';

export async function run(args: string[]): Promise<number> {
  const [sub, ...flags] = args;
  if (sub === '--help' || sub === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--explain');
  if (sub !== 'check' || unknown.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const explain = flags.includes('--explain');
  let invalid = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      invalid += 1;
      write({ id: null, allowed: false, error: `input: line ${lineNumber}: not JSON (${(error as Error).message})` });
      continue;
    }
    const problem = validateCase(parsed);
    if (problem) {
      invalid += 1;
      const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? (parsed as { id: unknown }).id : null;
      write({ id, allowed: false, error: `input: line ${lineNumber}: ${problem}` });
      continue;
    }
    const { reason, ...result } = evaluateCase(parsed as PolicyCase);
    write(explain ? { ...result, reason } : result);
  }
  return invalid > 0 ? 1 : 0;
}

function write(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
