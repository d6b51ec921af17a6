// Compares the *shape* of two JSON values (keys and value types, not values), the way the
// fidelity test compares sandbox answers with the recorded real OpenStack answers.
//
// Rules: null on either side matches anything (real values are null in some states); arrays are
// compared element-wise against the merged shape of all recorded elements (a key is optional when
// not every recorded element has it); an empty recorded array accepts any array.

type Kind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

const kindOf = (v: unknown): Kind =>
  v === null || v === undefined ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : (typeof v as Kind);

export interface ShapeOptions {
  /** paths (like "$.token.catalog[]") whose objects may carry keys the recording lacks */
  allowExtraAt?: string[];
  /** paths not compared at all (values whose shape legitimately differs) */
  ignore?: string[];
}

export function shapeDiff(recorded: unknown, actual: unknown, opts: ShapeOptions = {}, path = '$'): string[] {
  if (opts.ignore?.includes(path)) return [];
  const rk = kindOf(recorded);
  const ak = kindOf(actual);
  if (rk === 'null' || ak === 'null') return [];
  if (rk !== ak) return [`${path}: recorded ${rk}, sandbox ${ak}`];
  if (rk === 'array') {
    const rec = recorded as unknown[];
    if (rec.length === 0) return [];
    const merged = mergeElements(rec);
    return (actual as unknown[]).flatMap((el) => shapeDiff(sameKeyElement(rec, el) ?? merged, el, opts, `${path}[]`));
  }
  if (rk === 'object') {
    const rec = recorded as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    const out: string[] = [];
    const optional = (rec as { [OPTIONAL]?: Set<string> })[OPTIONAL];
    for (const key of Object.keys(rec)) {
      if (!(key in act)) {
        if (!optional?.has(key) && !opts.ignore?.includes(`${path}.${key}`)) out.push(`${path}.${key}: missing in sandbox`);
        continue;
      }
      out.push(...shapeDiff(rec[key], act[key], opts, `${path}.${key}`));
    }
    if (!opts.allowExtraAt?.includes(path)) {
      for (const key of Object.keys(act)) if (!(key in rec)) out.push(`${path}.${key}: not in the recording`);
    }
    return out;
  }
  return [];
}

const OPTIONAL = Symbol('optional keys');

/** Elements that name themselves (stack outputs) are compared with the recorded element of the same name. */
const ELEMENT_KEYS = ['output_key'];
function sameKeyElement(recorded: unknown[], actual: unknown): unknown {
  if (kindOf(actual) !== 'object') return undefined;
  const act = actual as Record<string, unknown>;
  const key = ELEMENT_KEYS.find((k) => k in act);
  if (!key) return undefined;
  return recorded.find((r) => kindOf(r) === 'object' && (r as Record<string, unknown>)[key] === act[key]);
}

/** Merges recorded array elements into one shape; keys missing from some elements become optional. */
function mergeElements(elements: unknown[]): unknown {
  const objects = elements.filter((e) => kindOf(e) === 'object') as Record<string, unknown>[];
  if (objects.length !== elements.length || objects.length === 0) return elements.find((e) => kindOf(e) !== 'null') ?? null;
  const merged: Record<string, unknown> & { [OPTIONAL]?: Set<string> } = {};
  const counts = new Map<string, number>();
  for (const obj of objects) {
    for (const [k, v] of Object.entries(obj)) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!(k in merged) || kindOf(merged[k]) === 'null') merged[k] = v;
      else if (kindOf(v) === 'array' && kindOf(merged[k]) === 'array') merged[k] = [...(merged[k] as unknown[]), ...(v as unknown[])];
      else if (kindOf(v) === 'object' && kindOf(merged[k]) === 'object') merged[k] = mergeElements([merged[k], v]);
    }
  }
  merged[OPTIONAL] = new Set([...counts].filter(([, n]) => n < objects.length).map(([k]) => k));
  return merged;
}

/** Compact description of the headers that matter in a raw recorded .headers file. */
export function parseRecordedHeaders(raw: string): { status: number; headers: Record<string, string> } {
  const lines = raw.split(/\r?\n/).filter(Boolean);
  const status = Number(/HTTP\/1\.1 (\d{3})/.exec(lines[0])![1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status, headers };
}
