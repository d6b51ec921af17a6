// The Keystone that users sign in against (TRELLIS_KEYSTONE_URL), through the shared OpenStack client.
import { HttpClient } from '@/lib/openstack/http';
import * as keystone from '@/lib/openstack/keystone';
import { config } from '../config';
import { log } from '../log';
import { isAdminRoles, type Identity } from './identity';

const http = new HttpClient({ timeoutMs: 10_000, retries: 2, onRequest: (e) => log.debug('keystone', e as unknown as Record<string, unknown>) });

export function identityFromToken(info: keystone.TokenInfo, via: Identity['via']): Identity {
  const roles = info.roles.map((r) => r.name);
  return {
    userId: info.user.id,
    userName: info.user.name,
    domainId: info.user.domain.id,
    projectId: info.project?.id ?? '',
    projectName: info.project?.name ?? '',
    roles,
    isAdmin: isAdminRoles(roles),
    token: info.token,
    expiresAt: info.expiresAt.toISOString(),
    via,
  };
}

/** Password sign-in. No project given: the first project the user may use (Horizon does the same). */
export async function signIn(opts: { domain: string; username: string; password: string; projectId?: string }): Promise<Identity> {
  const auth = { type: 'password' as const, username: opts.username, password: opts.password, userDomainName: opts.domain };
  if (opts.projectId) return identityFromToken(await keystone.authenticate(http, { authUrl: config.keystoneUrl, auth, scope: { projectId: opts.projectId } }), 'session');
  const unscoped = await keystone.authenticate(http, { authUrl: config.keystoneUrl, auth, scope: { unscoped: true } });
  const projects = (await keystone.listAuthProjects(http, { authUrl: config.keystoneUrl, token: unscoped.token })).filter((p) => p.enabled);
  if (projects.length === 0) throw new Error('You are not authorized for any projects.');
  // Prefer a project named like the user's default habits: "admin" for admins, else the first one.
  const preferred = projects.find((p) => p.name === opts.username) ?? projects.find((p) => p.name === 'admin') ?? projects[0];
  const scoped = await keystone.rescope(http, { authUrl: config.keystoneUrl, token: unscoped.token, scope: { projectId: preferred.id } });
  await keystone.revokeToken(http, { authUrl: config.keystoneUrl, subjectToken: unscoped.token }).catch(() => undefined);
  return identityFromToken(scoped, 'session');
}

export async function switchProject(token: string, projectId: string): Promise<Identity> {
  const scoped = await keystone.rescope(http, { authUrl: config.keystoneUrl, token, scope: { projectId } });
  return identityFromToken(scoped, 'session');
}

export async function projectsOf(token: string) {
  return keystone.listAuthProjects(http, { authUrl: config.keystoneUrl, token });
}

export async function revoke(token: string) {
  await keystone.revokeToken(http, { authUrl: config.keystoneUrl, subjectToken: token });
}

export async function validate(token: string) {
  return keystone.validateToken(http, { authUrl: config.keystoneUrl, subjectToken: token, noCatalog: true });
}
