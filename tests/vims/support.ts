// Shared setup of the VIM tests: route modules, request bodies, extra sandbox users.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Harness } from '../support/harness';

export type VimRoutes = {
  list: typeof import('@/app/v1.0/vims/route');
  one: typeof import('@/app/v1.0/vims/[id]/route');
};

export async function loadRoutes(): Promise<VimRoutes> {
  return { list: await import('@/app/v1.0/vims/route'), one: await import('@/app/v1.0/vims/[id]/route') };
}

/** A create body as python-tackerclient sends it (cert_verify as the string "False"). */
export function vimBody(h: Harness, over: Record<string, unknown> = {}, cred: Record<string, unknown> = {}, project: Record<string, unknown> = {}) {
  return {
    vim: {
      name: 'vim1',
      description: 'my vim',
      type: 'openstack',
      auth_url: h.keystoneUrl,
      auth_cred: { username: 'admin', password: 'admin', user_domain_name: 'Default', cert_verify: 'False', ...cred },
      vim_project: { name: 'admin', project_domain_name: 'Default', ...project },
      ...over,
    },
  };
}

async function keystone(h: Harness, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.keystoneUrl}${path}`, {
    method,
    headers: { 'x-auth-token': await h.token('admin'), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A new sandbox user with the member role on a project; returns its id. */
export async function createUser(h: Harness, name: string, password: string, projectName: string): Promise<string> {
  const { user } = await keystone(h, 'POST', '/users', { user: { name, password, domain_id: 'default' } });
  const { projects } = await keystone(h, 'GET', '/projects');
  const { roles } = await keystone(h, 'GET', '/roles');
  const project = projects.find((p: { name: string }) => p.name === projectName);
  const member = roles.find((r: { name: string }) => r.name === 'member');
  await keystone(h, 'PUT', `/projects/${project.id}/users/${user.id}/roles/${member.id}`);
  return user.id;
}

export async function projectId(h: Harness, name: string): Promise<string> {
  const { projects } = await keystone(h, 'GET', '/projects');
  return projects.find((p: { name: string }) => p.name === name).id;
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Sandbox fault injection (POST /sandbox/faults), e.g. {errorRate: 1, services: ['identity']}; null clears. */
export async function setFaults(h: Harness, faults: Record<string, unknown> | null) {
  const res = await fetch(`${h.sandbox.url}/sandbox/faults`, {
    method: faults ? 'POST' : 'DELETE',
    headers: { 'x-auth-token': await h.token('admin'), 'content-type': 'application/json' },
    body: faults ? JSON.stringify(faults) : undefined,
  });
  if (res.status !== 200) throw new Error(`faults: ${res.status} ${await res.text()}`);
}
