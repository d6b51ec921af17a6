// Fault injection for tests: failing Heat resources, extra latency, 5xx answers and hung requests
// for a share of API calls, and short token lifetimes. Set through POST /sandbox/faults (admin token)
// or SANDBOX_FAULT_* environment variables at start.

export interface ResourceFault {
  /** logical resource name in any stack, e.g. "VDU1" */
  name?: string;
  /** resource type, e.g. "OS::Nova::Server" */
  type?: string;
  /** failure reason text (Heat prefixes it with "<Type>: resources.<name>: ") */
  reason?: string;
}

export interface FaultSettings {
  failResources: ResourceFault[];
  /** added to every API request, in ms */
  latencyMs: number;
  /** share (0..1) of API requests answered with 503 */
  errorRate: number;
  /** the next N API requests are answered with 503 (deterministic variant of errorRate) */
  failNextRequests: number;
  /** share (0..1) of API requests that never get an answer (connection dropped after holdMs) */
  timeoutRate: number;
  /** lifetime of newly issued tokens in seconds (null = the configured default) */
  tokenTtlSeconds: number | null;
  /** time each Heat resource stays *_IN_PROGRESS from now on (null = the configured default) */
  resourceDelayMs: number | null;
  /** services the request faults apply to (identity, orchestration, compute, image, network); empty = all */
  services: string[];
}

export const SERVICE_NAMES = ['identity', 'orchestration', 'compute', 'image', 'network'] as const;

export function noFaults(): FaultSettings {
  return { failResources: [], latencyMs: 0, errorRate: 0, failNextRequests: 0, timeoutRate: 0, tokenTtlSeconds: null, resourceDelayMs: null, services: [] };
}

export class FaultInputError extends Error {}

function rate(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new FaultInputError(`${field} must be a number between 0 and 1`);
  return value;
}
function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new FaultInputError(`${field} must be a non-negative integer`);
  return value;
}

/** Validates a (partial) fault document and merges it into the current settings. */
export function mergeFaults(current: FaultSettings, input: unknown): FaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultInputError('body must be a JSON object');
  const doc = input as Record<string, unknown>;
  const known = new Set(Object.keys(noFaults()));
  for (const key of Object.keys(doc)) if (!known.has(key)) throw new FaultInputError(`unknown field "${key}" (known: ${[...known].join(', ')})`);
  const next = { ...current };
  if ('failResources' in doc) {
    if (!Array.isArray(doc.failResources)) throw new FaultInputError('failResources must be a list');
    next.failResources = doc.failResources.map((f, i) => {
      if (typeof f !== 'object' || f === null) throw new FaultInputError(`failResources[${i}] must be an object`);
      const { name, type, reason } = f as Record<string, unknown>;
      if (name === undefined && type === undefined) throw new FaultInputError(`failResources[${i}] needs "name" or "type"`);
      for (const [k, v] of Object.entries({ name, type, reason })) {
        if (v !== undefined && typeof v !== 'string') throw new FaultInputError(`failResources[${i}].${k} must be a string`);
      }
      return { name, type, reason } as ResourceFault;
    });
  }
  if ('latencyMs' in doc) next.latencyMs = count(doc.latencyMs, 'latencyMs');
  if ('errorRate' in doc) next.errorRate = rate(doc.errorRate, 'errorRate');
  if ('failNextRequests' in doc) next.failNextRequests = count(doc.failNextRequests, 'failNextRequests');
  if ('timeoutRate' in doc) next.timeoutRate = rate(doc.timeoutRate, 'timeoutRate');
  if ('tokenTtlSeconds' in doc) next.tokenTtlSeconds = doc.tokenTtlSeconds === null ? null : count(doc.tokenTtlSeconds, 'tokenTtlSeconds');
  if ('resourceDelayMs' in doc) next.resourceDelayMs = doc.resourceDelayMs === null ? null : count(doc.resourceDelayMs, 'resourceDelayMs');
  if ('services' in doc) {
    if (!Array.isArray(doc.services) || !doc.services.every((s) => (SERVICE_NAMES as readonly string[]).includes(s as string))) {
      throw new FaultInputError(`services must be a list of: ${SERVICE_NAMES.join(', ')}`);
    }
    next.services = doc.services as string[];
  }
  return next;
}

/** Faults given at start: SANDBOX_FAULTS='{"errorRate":0.2}' (JSON, same fields as the admin API). */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<FaultSettings> | null {
  const raw = env.SANDBOX_FAULTS;
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new Error(`SANDBOX_FAULTS is not valid JSON: ${(e as Error).message}`);
  }
  return mergeFaults(noFaults(), parsed);
}

/** Finds the injected failure for a resource about to be created, if any. */
export function resourceFault(settings: FaultSettings, name: string, type: string): ResourceFault | undefined {
  return settings.failResources.find((f) => (f.name === undefined || f.name === name) && (f.type === undefined || f.type === type));
}

export type RequestFault = { kind: 'error' } | { kind: 'timeout' } | { kind: 'none' };

/** Decides what happens to one API request of `service` (consumes failNextRequests). */
export function requestFault(settings: FaultSettings, service: string, random: () => number = Math.random): RequestFault {
  if (settings.services.length > 0 && !settings.services.includes(service)) return { kind: 'none' };
  if (settings.failNextRequests > 0) {
    settings.failNextRequests -= 1;
    return { kind: 'error' };
  }
  if (settings.errorRate > 0 && random() < settings.errorRate) return { kind: 'error' };
  if (settings.timeoutRate > 0 && random() < settings.timeoutRate) return { kind: 'timeout' };
  return { kind: 'none' };
}
