// Row-level project scoping for database queries: a policy mistake alone must not leak rows.
import type { Identity } from './auth/identity';

/** Prisma `where` fragment: the caller's project, or everything for admins. */
export function projectScope(identity: Identity): { tenantId?: string } {
  return identity.isAdmin ? {} : { tenantId: identity.projectId };
}

/**
 * VIMs the caller may see: its project's and shared ones (all for admins). No `OR` at all for
 * admins: Prisma reads an empty object inside OR as "no match".
 */
export function visibleVimScope(identity: Identity) {
  return identity.isAdmin ? {} : { OR: [{ tenantId: identity.projectId }, { shared: true }] };
}
