// For every engineer who talks to a registered VIM: decrypt its secret, connect with its own
// cert_verify and region. Never log or return what this module decrypts.
import { Cloud, type CloudConnectOptions } from '../../openstack';
import { db } from '../db';
import type { Vim } from '../db/generated/sqlite/client';
import { currentKey, decryptSecret, resetKeyCache } from '../secrets';
import type { VimCredentials } from './verify';
import { storedAuthCred, storedProject, storedRegions } from './view';

export type { Vim };

/** The VIM's password or application-credential secret. After `trellis rotate-key` the key file changed under a running server: reload once. */
export function vimSecret(row: Pick<Vim, 'id' | 'secretEnc'>): string {
  if (!row.secretEnc) throw new Error(`VIM ${row.id} has no stored secret (deleted?)`);
  try {
    return decryptSecret(row.secretEnc, [currentKey()]);
  } catch (e) {
    resetKeyCache();
    try {
      return decryptSecret(row.secretEnc, [currentKey()]);
    } catch {
      throw new Error(`cannot decrypt the secret of VIM ${row.id}: ${(e as Error).message}`);
    }
  }
}

/** The credentials of a stored VIM (secret decrypted, or the one given). */
export function vimCredentials(row: Vim, secret: string = vimSecret(row)): VimCredentials {
  const cred = storedAuthCred(row);
  const project = storedProject(row);
  return {
    authUrl: row.authUrl,
    username: cred.username,
    userId: cred.user_id,
    appCredId: cred.application_credential_id,
    secret,
    userDomainName: cred.user_domain_name,
    projectName: project.name,
    projectId: project.id,
    projectDomainName: project.project_domain_name,
    certVerify: cred.cert_verify !== 'False',
  };
}

export interface ConnectVimOptions {
  /** Region for endpoint selection; default: the VIM's first discovered region. */
  region?: string;
  timeoutMs?: number;
  retries?: number;
}

/** An authenticated Cloud for a VIM row (throws OpenStackError like Cloud.connect). */
export function connectVim(row: Vim, opts: ConnectVimOptions = {}): Promise<Cloud> {
  const c = vimCredentials(row);
  const who: Partial<CloudConnectOptions> = c.appCredId
    ? { appCred: { id: c.appCredId, secret: c.secret } }
    : {
        username: c.userId ? undefined : c.username,
        userId: c.userId,
        password: c.secret,
        userDomainName: c.userDomainName,
        projectId: c.projectId,
        projectName: c.projectId ? undefined : c.projectName,
        projectDomainName: c.projectDomainName,
      };
  const connect: CloudConnectOptions = {
    authUrl: c.authUrl,
    ...who,
    certVerify: c.certVerify,
    region: opts.region ?? storedRegions(row)[0],
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
  };
  return Cloud.connect(connect);
}

/** The project's default VIM (Tacker: used when a VNF is created without vim_id), or null. */
export function defaultVimFor(projectId: string): Promise<Vim | null> {
  return db().vim.findFirst({ where: { tenantId: projectId, isDefault: true, deletedAt: null } });
}
