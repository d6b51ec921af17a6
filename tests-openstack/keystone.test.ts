// Real Keystone (rig): discovery, password + application-credential auth, catalog,
// regions, projects, validate, rescope, revoke, and the Session's recovery from a
// revoked token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud, HttpClient, OpenStackError, authenticate, discoverV3, validateToken } from '@/lib/openstack';
import { adminOptions, connectAdmin, rigAvailable } from './rig-env';

describe.skipIf(!rigAvailable)('Keystone (real)', () => {
  let cloud: Cloud;
  const http = new HttpClient();
  const authUrl = adminOptions().authUrl;
  const rootUrl = authUrl.replace(/\/v3\/?$/, '');

  beforeAll(async () => {
    cloud = await connectAdmin();
  });
  afterAll(() => {
    cloud?.close();
    http.close();
  });

  it('discovers v3 from the bare root URL (300 Multiple Choices)', async () => {
    expect(rootUrl).not.toMatch(/v3/);
    expect(await discoverV3(http, rootUrl)).toBe('http://127.0.0.1:5000/v3');
  });

  it('password auth scoped by project name: user, project, roles, expiry, catalog', async () => {
    const t = await cloud.token();
    expect(t.token.length).toBeGreaterThan(20);
    expect(t.user.name).toBe('admin');
    expect(t.user.domain).toEqual({ id: 'default', name: 'Default' });
    expect(t.project?.name).toBe('admin');
    expect(t.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['admin', 'heat_stack_owner']));
    expect(t.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const types = t.catalog.map((c) => c.type);
    expect(types).toEqual(expect.arrayContaining(['identity', 'orchestration', 'nfv-orchestration']));
  });

  it('auth from the root URL and scope by project id give the same project', async () => {
    const projectId = (await cloud.token()).project!.id;
    const viaRoot = await Cloud.connect({ ...adminOptions(), authUrl: rootUrl, projectName: undefined, projectId });
    try {
      expect((await viaRoot.token()).project?.name).toBe('admin');
    } finally {
      viaRoot.close();
    }
  });

  it('selects endpoints from the catalog (Heat URL carries the project id, Tacker slot on 9890)', async () => {
    const projectId = (await cloud.token()).project!.id;
    expect(await cloud.keystone.endpoint({ type: 'orchestration' })).toBe(`http://127.0.0.1:8004/v1/${projectId}`);
    expect(await cloud.keystone.endpoint({ type: 'nfv-orchestration', region: 'RegionOne', interface: 'internal' })).toBe('http://127.0.0.1:9890');
    await expect(cloud.keystone.endpoint({ type: 'orchestration', region: 'Nowhere' })).rejects.toThrow(/region Nowhere/);
    const fromApi = await cloud.keystone.catalog();
    expect(fromApi.map((c) => c.type).sort()).toEqual((await cloud.token()).catalog.map((c) => c.type).sort());
  });

  it('lists regions and the projects the user can scope to', async () => {
    expect((await cloud.keystone.regions()).map((r) => r.id)).toContain('RegionOne');
    const projects = await cloud.keystone.projects();
    expect(projects.find((p) => p.name === 'admin')).toMatchObject({ domainId: 'default', enabled: true });
  });

  it('a wrong password is kind auth with Keystone\'s message', async () => {
    const e = await Cloud.connect({ ...adminOptions(), password: 'wrong' }).catch((x) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e).toMatchObject({ kind: 'auth', status: 401, service: 'keystone', message: 'The request you have made requires authentication.' });
    expect(e.requestId).toMatch(/^req-/);
  });

  it('validates, rescopes and revokes tokens', async () => {
    const other = await authenticate(http, { authUrl, auth: { type: 'password', username: 'admin', password: adminOptions().password! }, scope: { projectName: 'admin' } });
    const seen = await cloud.keystone.validate(other.token, { noCatalog: true });
    expect(seen?.user.name).toBe('admin');
    expect(seen?.catalog).toEqual([]);
    const rescoped = await cloud.keystone.rescope({ projectId: other.project!.id });
    expect(rescoped.methods).toContain('token');
    expect(rescoped.project?.id).toBe(other.project!.id);
    await cloud.keystone.revoke(other.token);
    expect(await validateToken(http, { authUrl, subjectToken: other.token, authToken: (await cloud.token()).token })).toBeNull();
    expect(await validateToken(http, { authUrl, subjectToken: 'gAAAAAnot-a-real-token' })).toBeNull();
  });

  it('application credential: create one, authenticate with it, delete it', async () => {
    const t = await cloud.token();
    const created = await cloud.session.request('keystone', {
      method: 'POST',
      path: `users/${t.user.id}/application_credentials`,
      json: { application_credential: { name: `trellis-rig-${Date.now()}`, description: 'tests-openstack' } },
    }, cloud.keystone.identityUrl);
    const cred = (created.body as { application_credential: { id: string; secret: string } }).application_credential;
    try {
      const viaCred = await Cloud.connect({ authUrl, appCred: { id: cred.id, secret: cred.secret } });
      try {
        const ct = await viaCred.token();
        expect(ct.methods).toEqual(['application_credential']);
        expect(ct.applicationCredentialId).toBe(cred.id);
        expect(ct.project?.id).toBe(t.project!.id);
        expect(Array.isArray(await viaCred.heat.list())).toBe(true);
      } finally {
        viaCred.close();
      }
    } finally {
      await cloud.session.request('keystone', { method: 'DELETE', path: `users/${t.user.id}/application_credentials/${cred.id}` }, cloud.keystone.identityUrl);
    }
    const gone = await Cloud.connect({ authUrl, appCred: { id: cred.id, secret: cred.secret } }).catch((x) => x);
    expect(gone).toMatchObject({ kind: 'auth' });
  });

  it('when the session token is revoked behind its back, the next call re-authenticates', async () => {
    const own = await connectAdmin();
    try {
      const before = (await own.token()).token;
      await cloud.keystone.revoke(before);
      const stacks = await own.heat.list();
      expect(Array.isArray(stacks)).toBe(true);
      expect((await own.token()).token).not.toBe(before);
    } finally {
      own.close();
    }
  });
});
