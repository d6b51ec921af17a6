// Runtime settings of one sandbox process (command line flags and SANDBOX_* environment).
export interface SandboxConfig {
  /** 0 = pick a free port */
  port: number;
  stateDir: string;
  /** where the catalog points service type nfv-orchestration (Trellis's Tacker v1.0 API) */
  nfvUrl: string;
  /** how long each Heat resource stays *_IN_PROGRESS */
  resourceDelayMs: number;
  /** lifetime of issued tokens */
  tokenTtlSeconds: number;
  region: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  return {
    port: intFromEnv(env, 'SANDBOX_PORT', 5100),
    stateDir: env.SANDBOX_STATE || 'data/sandbox',
    nfvUrl: env.SANDBOX_NFV_URL || 'http://127.0.0.1:9890/',
    resourceDelayMs: intFromEnv(env, 'SANDBOX_RESOURCE_DELAY_MS', 1000),
    tokenTtlSeconds: intFromEnv(env, 'SANDBOX_TOKEN_TTL_S', 24 * 3600),
    region: env.SANDBOX_REGION || 'RegionOne',
  };
}
