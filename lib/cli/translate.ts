// `trellis translate FILE [--param-values FILE] [--json] [--mode tacker|heat-translator]`
// Prints the main HOT as YAML; with --json prints
//   {"template": {...}, "files": {...}, "monitoring_policy": {...}|null, "scaling_group_names": {...}|null, "errors": [...]}
// Exit 0 on success, 1 for an invalid template (errors on stderr, or in `errors` with --json),
// 2 for bad usage or an unreadable file. Imports and VNFC scripts are read relative to FILE.
import fs from 'node:fs';
import path from 'node:path';
import { toYaml, translate, type TemplateError } from '../tosca';

const USAGE = 'usage: trellis translate FILE [--param-values FILE] [--json] [--mode tacker|heat-translator]\n';

interface Args {
  file: string;
  paramValues?: string;
  json: boolean;
  mode: 'tacker' | 'heat-translator';
}

function parseArgs(args: string[]): Args | string {
  let file: string | undefined;
  let paramValues: string | undefined;
  let json = false;
  let mode: Args['mode'] = 'tacker';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--param-values' || a.startsWith('--param-values=')) {
      paramValues = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!paramValues) return '--param-values needs a FILE';
    } else if (a === '--mode' || a.startsWith('--mode=')) {
      const m = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (m !== 'tacker' && m !== 'heat-translator') return '--mode must be tacker or heat-translator';
      mode = m;
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  if (!file) return 'missing FILE';
  return { file, paramValues, json, mode };
}

function readText(file: string): string {
  return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
}

/** Files next to the template, read on demand (imports, get_file scripts); unreadable ones are just missing. */
function siblingReader(dir: string) {
  return (rel: string): string | undefined => {
    const target = path.resolve(dir, rel);
    try {
      return fs.statSync(target).isFile() ? fs.readFileSync(target, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
}

function formatError(file: string, e: TemplateError): string {
  const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
  return `${where}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}

export async function run(args: string[]): Promise<number> {
  if (args[0] === '--help' || args[0] === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`trellis translate: ${parsed}\n${USAGE}`);
    return 2;
  }
  let source: string;
  let paramText: string | undefined;
  try {
    source = readText(parsed.file);
    paramText = parsed.paramValues !== undefined ? readText(parsed.paramValues) : undefined;
  } catch (err) {
    process.stderr.write(`trellis translate: cannot read ${(err as NodeJS.ErrnoException).path ?? parsed.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const read = siblingReader(parsed.file === '-' ? process.cwd() : path.dirname(path.resolve(parsed.file)));
  // get_file lookups go through a proxy so only the scripts the template names are read.
  const files = new Proxy({} as Record<string, string>, { get: (_t, key) => (typeof key === 'string' ? read(key) : undefined) });
  const result = translate(source, { paramValues: paramText, mode: parsed.mode, imports: read, files });

  if (parsed.json) {
    const out = {
      template: result.template,
      files: result.files,
      monitoring_policy: result.monitoringPolicy,
      scaling_group_names: result.scalingGroupNames,
      errors: result.errors,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return result.errors.length ? 1 : 0;
  }
  if (result.errors.length || !result.template) {
    for (const e of result.errors) {
      const file = e.path.startsWith('param_values') && parsed.paramValues ? parsed.paramValues : parsed.file;
      process.stderr.write(`${formatError(file, e)}\n`);
    }
    return 1;
  }
  process.stdout.write(toYaml(result.template));
  return 0;
}
