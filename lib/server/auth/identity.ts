// Who is calling: the request context every route handler and policy check works with.
export interface Identity {
  userId: string;
  userName: string;
  domainId: string;
  projectId: string;
  projectName: string;
  roles: string[];
  isAdmin: boolean;
  /** The project-scoped Keystone token acting for this user. */
  token: string;
  expiresAt: string;
  via: 'token' | 'session';
}

/** oslo.policy credentials for this identity (what Tacker's context.to_policy_values() gives). */
export function policyCreds(id: Identity): Record<string, unknown> {
  return {
    user_id: id.userId,
    user_name: id.userName,
    user_domain_id: id.domainId,
    project_id: id.projectId,
    tenant_id: id.projectId,
    project_name: id.projectName,
    roles: id.roles,
    is_admin: id.isAdmin,
  };
}

export function isAdminRoles(roles: string[]): boolean {
  return roles.some((r) => r.toLowerCase() === 'admin');
}
