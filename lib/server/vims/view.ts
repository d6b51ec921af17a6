// A VIM row as Tacker's API dict. The secret never leaves: the password (or application
// credential secret) is always "***".
import type { Vim } from '../db/generated/sqlite/client';
import type { VimView } from './attributes';

/** auth_cred as stored (no secret): the non-secret half of the credentials. */
export interface StoredAuthCred {
  username?: string;
  user_id?: string;
  user_domain_name?: string;
  application_credential_id?: string;
  cert_verify: 'True' | 'False';
}
export interface StoredProject {
  name?: string;
  id?: string;
  project_domain_name?: string;
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export const storedAuthCred = (row: Pick<Vim, 'authCred'>) => parseJson<StoredAuthCred>(row.authCred, { cert_verify: 'True' });
export const storedProject = (row: Pick<Vim, 'vimProject'>) => parseJson<StoredProject>(row.vimProject, {});
export const storedRegions = (row: Pick<Vim, 'placementAttr'>) => parseJson<{ regions?: string[] }>(row.placementAttr, {}).regions ?? [];

import { tackerTime } from '../api/time';

function maskedAuthCred(c: StoredAuthCred): NonNullable<VimView['auth_cred']> {
  return c.application_credential_id ? { ...c, application_credential_secret: '***' } : { ...c, password: '***' };
}

export function vimView(row: Vim): VimView {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    type: row.type,
    name: row.name,
    description: row.description,
    auth_url: row.authUrl,
    auth_cred: maskedAuthCred(storedAuthCred(row)),
    vim_project: storedProject(row),
    placement_attr: { regions: storedRegions(row) },
    status: row.status,
    is_default: row.isDefault,
    shared: row.shared,
    created_at: tackerTime(row.createdAt),
    updated_at: tackerTime(row.updatedAt),
  };
}
