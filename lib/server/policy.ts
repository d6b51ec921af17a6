// Policy decisions for the API and the UI: Tacker's default policy, optionally overridden by
// TRELLIS_POLICY_FILE (YAML or JSON). A broken file is reported and the previous rules stay.
import fs from 'node:fs';
import { loadTackerPolicy, type PolicyEnforcer } from '@/lib/policy';
import { policyCreds, type Identity } from './auth/identity';
import { log } from './log';

export type PolicyTarget = Record<string, unknown>;

export interface LoadedPolicy {
  enforcer: PolicyEnforcer;
  file: string | null;
  /** Why the override file is not in force (empty when it is, or when there is none). */
  errors: string[];
  warnings: string[];
  loadedAt: string;
}

let loaded: LoadedPolicy | undefined;
let fileStamp = '';

/** The rules in force; the override file is re-read when it changes on disk. */
export function currentPolicy(): LoadedPolicy {
  const file = process.env.TRELLIS_POLICY_FILE || null;
  const stat = file ? fs.statSync(/*turbopackIgnore: true*/ file, { throwIfNoEntry: false }) : undefined;
  const stamp = `${file}:${stat?.mtimeMs ?? 'none'}`;
  if (loaded && stamp === fileStamp) return loaded;
  fileStamp = stamp;

  let overrideText: string | null = null;
  const readErrors: string[] = [];
  if (file) {
    try {
      overrideText = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    } catch (e) {
      readErrors.push(`cannot read ${file}: ${(e as Error).message}`);
    }
  }
  const result = loadTackerPolicy({
    overrideText,
    fallback: loaded?.enforcer, // a broken file keeps what was in force before
    onWarning: (message) => log.warn('policy', { message }),
  });
  const errors = [...readErrors, ...result.errors];
  if (errors.length) log.error('policy file rejected; the previous rules stay in force', { file, errors });
  loaded = { enforcer: result.enforcer, file, errors, warnings: result.warnings, loadedAt: new Date().toISOString() };
  return loaded;
}

export async function authorize(rule: string, target: PolicyTarget, identity: Identity): Promise<boolean> {
  const decision = await currentPolicy().enforcer.enforceAsync(rule, target, policyCreds(identity));
  return decision.allowed;
}
