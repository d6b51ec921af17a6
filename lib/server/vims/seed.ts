// First start of a dev/e2e server: the sandbox cloud (TRELLIS_SANDBOX_VIM, set by scripts/dev.ts)
// becomes the admin project's default VIM, so a new user can launch a VNF at once. Idempotent:
// once a VIM with that auth URL was ever registered in the project (even if deleted since), no more.
import type { Identity } from '../auth/identity';
import { db } from '../db';
import { log } from '../log';
import { registerVim } from './service';
import { verifyVim, type VerifiedVim } from './verify';

interface SandboxVimSetting {
  authUrl: string;
  username: string;
  password: string;
  project: string;
}

function parseSetting(raw: string): SandboxVimSetting {
  const v = JSON.parse(raw) as Partial<SandboxVimSetting>;
  for (const k of ['authUrl', 'username', 'password', 'project'] as const) {
    if (typeof v[k] !== 'string' || !v[k]) throw new Error(`TRELLIS_SANDBOX_VIM needs a string "${k}"`);
  }
  return v as SandboxVimSetting;
}

/** Returns the seeded VIM's id, or null when there was nothing to do. */
export async function seedSandboxVim(env: Record<string, string | undefined> = process.env, attempts = 10, delayMs = 1000): Promise<string | null> {
  if (!env.TRELLIS_SANDBOX_VIM) return null;
  const s = parseSetting(env.TRELLIS_SANDBOX_VIM);
  const creds = { authUrl: s.authUrl, username: s.username, secret: s.password, userDomainName: 'Default', projectName: s.project, projectDomainName: 'Default', certVerify: true };
  let verified: VerifiedVim | undefined;
  for (let i = 1; !verified; i++) {
    try {
      verified = await verifyVim(creds);
    } catch (e) {
      // the sandbox may still be starting
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  const tenantId = verified.projectId;
  const existing = await db().vim.findFirst({ where: { tenantId, authUrl: verified.authUrl } });
  if (existing) return null;
  const hasDefault = await db().vim.count({ where: { tenantId, isDefault: true, deletedAt: null } });
  const system: Identity = { userId: '', userName: 'trellis', domainId: '', projectId: tenantId, projectName: verified.projectName, roles: ['admin'], isAdmin: true, token: '', expiresAt: '', via: 'token' };
  const vim = await registerVim(
    system,
    {
      tenant_id: tenantId,
      type: 'openstack',
      name: 'sandbox',
      description: 'The embedded sandbox cloud (registered on first start)',
      auth_url: verified.authUrl,
      auth_cred: { username: s.username, password: s.password, user_domain_name: 'Default', cert_verify: 'True' },
      vim_project: { name: s.project, project_domain_name: 'Default' },
      is_default: hasDefault === 0,
      shared: false,
    },
    verified,
  );
  log.info('sandbox cloud registered as a VIM', { vim: vim.id, project: tenantId, default: hasDefault === 0 });
  return vim.id;
}

/** Background-task entry: runs beside the server start (the sandbox may need a moment), never blocks it. */
export async function startSandboxSeed(): Promise<void> {
  seedSandboxVim().catch((e) => log.error('could not register the sandbox cloud as a VIM', { error: (e as Error).message }));
}
