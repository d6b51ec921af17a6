// Shared setup of the VNF integration tests: the harness (sandbox + fresh DB), VIM rows inserted
// directly (the VIM API is another module), Tacker samples, and bounded waiting.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Harness } from '../support/harness';

export const SAMPLES = path.resolve(__dirname, '../../../shared/conformance/tacker-pike/samples-vnfd');
export const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

/** Project id of a token (Keystone token validation). */
export async function projectOf(h: Harness, token: string): Promise<string> {
  const res = await fetch(`${h.keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': token, 'x-subject-token': token } });
  const body = (await res.json()) as { token: { project: { id: string } } };
  return body.token.project.id;
}

/** A VIM row for `user` on the sandbox (password = user name, as seeded). */
export async function insertVim(h: Harness, opts: { user: string; tenantId: string; isDefault?: boolean; regions?: string[]; name?: string; authUrl?: string; password?: string; project?: string }) {
  const { db } = await import('@/lib/server/db');
  const { encryptSecret } = await import('@/lib/server/secrets');
  const id = randomUUID();
  await db().vim.create({
    data: {
      id,
      tenantId: opts.tenantId,
      name: opts.name ?? `vim-${opts.user}-${id.slice(0, 4)}`,
      authUrl: opts.authUrl ?? h.keystoneUrl,
      authCred: JSON.stringify({ username: opts.user, user_domain_name: 'Default', cert_verify: 'True' }),
      secretEnc: encryptSecret(opts.password ?? opts.user),
      vimProject: JSON.stringify({ name: opts.project ?? opts.user, project_domain_name: 'Default' }),
      placementAttr: JSON.stringify({ regions: opts.regions ?? ['RegionOne'] }),
      status: 'REACHABLE',
      isDefault: opts.isDefault ?? false,
    },
  });
  return id;
}

/** Polls `probe` until it returns a value (bounded: throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}

/** The sandbox admin fault API. */
export async function setFaults(h: Harness, adminToken: string, faults: Record<string, unknown> | null) {
  const res = await fetch(`${h.sandbox.url.replace(/\/$/, '')}/sandbox/faults`, {
    method: faults ? 'POST' : 'DELETE',
    headers: { 'x-auth-token': adminToken, 'content-type': 'application/json' },
    body: faults ? JSON.stringify(faults) : undefined,
  });
  if (res.status !== 200) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

/** Starts this process's VNF job runner and stack tracker (what the server starts at boot). */
export async function startVnfWorkers() {
  (await import('@/lib/server/vnfs/runner')).startJobRunner();
  (await import('@/lib/server/vnfs/tracker')).startStackTracker();
}

export async function stopVnfWorkers() {
  await (await import('@/lib/server/vnfs/runner')).processRunner()?.stop();
  await (await import('@/lib/server/vnfs/tracker')).processTracker()?.stop();
}
