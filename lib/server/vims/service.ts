// Registering, changing and removing VIMs: verification first (outside any transaction: it
// talks to the network), then the rows and their events in one transaction.
import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth/identity';
import { badRequest, conflict } from '../api/errors';
import { db, type Tx } from '../db';
import type { Vim } from '../db/generated/sqlite/client';
import { recordEvent } from '../events';
import { encryptSecret } from '../secrets';
import type { VimCreateInput, VimUpdateInput } from './attributes';
import { vimCredentials, vimSecret } from './connect';
import { credentialsOfInput, verifyVim, type VerifiedVim } from './verify';
import { storedAuthCred, storedProject, type StoredAuthCred, type StoredProject } from './view';

/**
 * Runs after a VIM was registered or re-credentialed (the reachability monitor's first check).
 * Kept on globalThis: Next bundles instrumentation (which sets it) apart from the routes.
 */
const hooks = globalThis as unknown as { trellisVimChanged?: (vimId: string) => void };
export function onVimChanged(hook: ((vimId: string) => void) | undefined) {
  hooks.trellisVimChanged = hook;
}
const afterChange = (vimId: string) => hooks.trellisVimChanged?.(vimId);

type CredInput = { username?: string; user_id?: string; user_domain_name?: string; application_credential_id?: string; cert_verify?: 'True' | 'False' };

/** The non-secret half of the credentials, as stored. */
function authCredOf(c: CredInput): StoredAuthCred {
  const who = c.application_credential_id
    ? { application_credential_id: c.application_credential_id }
    : c.user_id
      ? { user_id: c.user_id }
      : { username: c.username, user_domain_name: c.user_domain_name ?? 'Default' };
  return { ...who, cert_verify: c.cert_verify ?? 'True' };
}

function projectOf(p: { name?: string; id?: string; project_domain_name?: string }): StoredProject {
  return p.id ? { id: p.id } : { name: p.name, project_domain_name: p.project_domain_name ?? 'Default' };
}

async function assertNoOtherDefault(tx: Tx, tenantId: string, exceptId?: string) {
  const other = await tx.vim.findFirst({ where: { tenantId, isDefault: true, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (other) {
    throw conflict('VimDefaultDuplicateException', `Default VIM already exists for project ${tenantId}: ${other.name} (${other.id}). Unset it first.`, {
      field: 'is_default',
      vim_id: other.id,
    });
  }
}

async function assertNameFree(tx: Tx, tenantId: string, name: string, exceptId?: string) {
  const other = await tx.vim.findFirst({ where: { tenantId, name, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (other) throw conflict('DuplicateEntity', `A VIM named '${name}' already exists in project ${tenantId} (${other.id})`, { field: 'name', vim_id: other.id });
}

/** VNFs that still depend on a VIM (not deleted), for 409 messages. */
export async function liveVnfsOf(vimId: string) {
  return db().vnf.findMany({ where: { vimId, deletedAt: null }, select: { id: true, name: true, tenantId: true }, orderBy: { createdAt: 'asc' } });
}

/** 409 naming the VNFs on a VIM; VNFs of other projects are counted, not named, for non-admins. */
async function assertNotInUse(vim: Vim, identity: Identity, action: string) {
  const vnfs = await liveVnfsOf(vim.id);
  if (!vnfs.length) return;
  const nameable = vnfs.filter((v) => identity.isAdmin || v.tenantId === identity.projectId);
  const hidden = vnfs.length - nameable.length;
  const names = nameable.map((v) => `${v.name} (${v.id})`);
  if (hidden) names.push(`${hidden} VNF(s) of other projects`);
  throw conflict('VimInUseException', `VIM ${vim.name} (${vim.id}) cannot be ${action}: it is in use by VNF(s) ${names.join(', ')}. Delete them first.`, {
    vnfs: nameable.map((v) => ({ id: v.id, name: v.name })),
    other_projects: hidden,
  });
}

/** Register: verify against the VIM's Keystone, then store (secret encrypted) with a CREATE event. */
export async function registerVim(identity: Identity, input: VimCreateInput, verified?: VerifiedVim): Promise<Vim> {
  const tenantId = input.tenant_id ?? identity.projectId;
  const cred = input.auth_cred;
  const result = verified ?? (await verifyVim(credentialsOfInput(input)));
  const row = await db().$transaction(async (tx) => {
    await assertNameFree(tx, tenantId, input.name);
    if (input.is_default) await assertNoOtherDefault(tx, tenantId);
    const vim = await tx.vim.create({
      data: {
        id: randomUUID(),
        tenantId,
        name: input.name,
        description: input.description,
        type: input.type,
        authUrl: result.authUrl,
        authCred: JSON.stringify(authCredOf(cred)),
        secretEnc: encryptSecret(credentialsOfInput(input).secret),
        vimProject: JSON.stringify(projectOf(input.vim_project)),
        placementAttr: JSON.stringify({ regions: result.regions }),
        status: 'PENDING',
        isDefault: input.is_default,
        shared: input.shared,
      },
    });
    await recordEvent(tx, { tenantId, resourceId: vim.id, resourceType: 'vim', resourceState: 'PENDING', eventType: 'CREATE', details: 'VIM registered; credentials verified' });
    return vim;
  });
  afterChange(row.id);
  return row;
}

const IDENTITY_KEYS = ['username', 'user_id', 'user_domain_name', 'application_credential_id'] as const;

/** Changing who the VIM authenticates as (user, application credential or project), as opposed to a new secret. */
function changesIdentity(row: Vim, cred: StoredAuthCred, project: StoredProject): boolean {
  const before = storedAuthCred(row);
  const beforeProject = storedProject(row);
  return (
    IDENTITY_KEYS.some((k) => (before[k] ?? null) !== (cred[k] ?? null)) ||
    (['name', 'id', 'project_domain_name'] as const).some((k) => (beforeProject[k] ?? null) !== (project[k] ?? null))
  );
}

/** Update name/description/default and credentials; new credentials are verified first. */
export async function updateVim(identity: Identity, row: Vim, input: VimUpdateInput): Promise<Vim> {
  const credentialsChange = Boolean(input.auth_cred || input.vim_project);
  let next: { cred: StoredAuthCred; project: StoredProject; secretEnc?: string; verified: VerifiedVim } | null = null;
  if (credentialsChange) {
    const before = storedAuthCred(row);
    const given = input.auth_cred ?? {};
    // a new user or application credential replaces the old identity entirely; other keys merge
    const identityGiven = given.username !== undefined || given.user_id !== undefined || given.application_credential_id !== undefined;
    const { password, application_credential_secret: appSecret, ...givenPublic } = given;
    const cred = authCredOf(identityGiven ? { ...givenPublic, cert_verify: given.cert_verify ?? before.cert_verify } : { ...before, ...givenPublic });
    const usesAppCred = Boolean(cred.application_credential_id);
    const wrongSecret = usesAppCred ? (password !== undefined ? 'password' : null) : appSecret !== undefined ? 'application_credential_secret' : null;
    if (wrongSecret) {
      throw badRequest(`Invalid input for auth_cred.${wrongSecret}: this VIM authenticates with ${usesAppCred ? 'an application credential' : 'a user and password'}`, [{ field: `vim.auth_cred.${wrongSecret}`, message: 'does not match the kind of credentials' }]);
    }
    const newSecret = usesAppCred ? appSecret : password;
    const switchedKind = usesAppCred !== Boolean(before.application_credential_id);
    if (switchedKind && newSecret === undefined) {
      const field = usesAppCred ? 'application_credential_secret' : 'password';
      throw badRequest(`Invalid input for auth_cred.${field}: is required when switching to ${usesAppCred ? 'an application credential' : 'a user and password'}`, [{ field: `vim.auth_cred.${field}`, message: 'is required' }]);
    }
    const project = input.vim_project ? projectOf(input.vim_project.id ? input.vim_project : { ...storedProject(row), ...input.vim_project, id: undefined }) : storedProject(row);
    if (changesIdentity(row, cred, project)) await assertNotInUse(row, identity, 're-credentialed (user or project changed)');
    const secret = newSecret ?? vimSecret(row);
    const base = vimCredentials({ ...row, authCred: JSON.stringify(cred), vimProject: JSON.stringify(project) }, secret);
    const verified = await verifyVim(base);
    next = { cred, project, verified, ...(newSecret !== undefined ? { secretEnc: encryptSecret(newSecret) } : {}) };
  }
  const updated = await db().$transaction(async (tx) => {
    if (input.name !== undefined) await assertNameFree(tx, row.tenantId, input.name, row.id);
    if (input.is_default) await assertNoOtherDefault(tx, row.tenantId, row.id);
    const vim = await tx.vim.update({
      where: { id: row.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.is_default !== undefined ? { isDefault: input.is_default } : {}),
        ...(next
          ? {
              authCred: JSON.stringify(next.cred),
              vimProject: JSON.stringify(next.project),
              placementAttr: JSON.stringify({ regions: next.verified.regions }),
              ...(next.secretEnc ? { secretEnc: next.secretEnc } : {}),
              status: 'REACHABLE',
            }
          : {}),
      },
    });
    await recordEvent(tx, {
      tenantId: vim.tenantId,
      resourceId: vim.id,
      resourceType: 'vim',
      resourceState: vim.status,
      eventType: 'UPDATE',
      details: `VIM updated: ${Object.keys(input).join(', ')}${next ? ' (new credentials verified)' : ''}`,
    });
    return vim;
  });
  if (next) afterChange(updated.id);
  return updated;
}

/** Soft delete (Tacker keeps deleted rows); the secret is wiped. 409 while VNFs use the VIM. */
export async function deleteVim(identity: Identity, row: Vim): Promise<void> {
  await assertNotInUse(row, identity, 'deleted');
  await db().$transaction(async (tx) => {
    // re-checked inside the transaction: a VNF may have been created meanwhile
    const vnfs = await tx.vnf.count({ where: { vimId: row.id, deletedAt: null } });
    if (vnfs) throw conflict('VimInUseException', `VIM ${row.name} (${row.id}) cannot be deleted: it is in use by ${vnfs} VNF(s).`);
    await tx.vim.update({ where: { id: row.id }, data: { deletedAt: new Date(), isDefault: false, secretEnc: '', status: 'DELETED' } });
    await recordEvent(tx, { tenantId: row.tenantId, resourceId: row.id, resourceType: 'vim', resourceState: 'DELETED', eventType: 'DELETE', details: 'VIM deleted' });
  });
}
