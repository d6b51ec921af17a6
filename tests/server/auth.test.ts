// Dashboard sign-in against Keystone: scoped tokens, project switching, revocation on sign-out,
// and the throttle on repeated failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import type { Identity } from '@/lib/server/auth/identity';

let h: Harness;
let options: ReturnType<typeof import('@/lib/server/auth/options').authOptions>;
let throttle: typeof import('@/lib/server/auth/throttle');

beforeAll(async () => {
  h = await startHarness();
  options = (await import('@/lib/server/auth/options')).authOptions();
  throttle = await import('@/lib/server/auth/throttle');
});
afterAll(async () => h?.close());

type Authorize = (creds: Record<string, string>, req: unknown) => Promise<{ identity: Identity } | null>;
const authorize = (creds: Record<string, string>, address = 'tests') =>
  (options.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(creds, { headers: { 'x-forwarded-for': address } });

async function keystoneKnows(token: string) {
  const res = await fetch(`${h.keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': token, 'x-subject-token': token } });
  return res.status === 200;
}

describe('sign-in', () => {
  it('gives a project-scoped token with roles', async () => {
    const user = await authorize({ domain: 'Default', username: 'admin', password: 'admin' });
    expect(user?.identity).toMatchObject({ userName: 'admin', projectName: 'admin', isAdmin: true, via: 'session' });
    expect(user!.identity.roles).toContain('admin');
    expect(await keystoneKnows(user!.identity.token)).toBe(true);
  });

  it('refuses a wrong password or an unknown domain', async () => {
    expect(await authorize({ domain: 'Default', username: 'demo', password: 'wrong' }, 'a1')).toBeNull();
    expect(await authorize({ domain: 'Nowhere', username: 'demo', password: 'demo' }, 'a1')).toBeNull();
  });

  it('switches project by rescoping, revoking the old token', async () => {
    const user = await authorize({ domain: 'Default', username: 'admin', password: 'admin' });
    const before = user!.identity;
    const projects = await (await import('@/lib/server/auth/keystone')).projectsOf(before.token);
    const demo = projects.find((p) => p.name === 'demo')!;
    const token = await options.callbacks!.jwt!({ token: { identity: before }, trigger: 'update', session: { projectId: demo.id } } as never);
    const after = token.identity as Identity;
    expect(after.projectName).toBe('demo');
    expect(after.token).not.toBe(before.token);
    expect(await keystoneKnows(before.token)).toBe(false);
    expect(await keystoneKnows(after.token)).toBe(true);
  });

  it('sign-out revokes the Keystone token', async () => {
    const user = await authorize({ domain: 'Default', username: 'demo', password: 'demo' });
    expect(await keystoneKnows(user!.identity.token)).toBe(true);
    await options.events!.signOut!({ token: { identity: user!.identity } } as never);
    expect(await keystoneKnows(user!.identity.token)).toBe(false);
  });

  it('the browser session never carries the Keystone token', async () => {
    const user = await authorize({ domain: 'Default', username: 'demo', password: 'demo' });
    const session = await options.callbacks!.session!({ session: { expires: '' }, token: { identity: user!.identity } } as never);
    expect(JSON.stringify(session)).not.toContain(user!.identity.token);
    expect((session as unknown as { identity: { userName: string } }).identity.userName).toBe('demo');
  });
});

describe('sign-in throttle', () => {
  it('delays attempts after repeated failures, growing, and forgets on success', async () => {
    const key = throttle.throttleKey('someone', '10.0.0.9');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(await throttle.delayBeforeAttempt(key));
      await throttle.recordFailure(key);
    }
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000]);
    await throttle.recordSuccess(key);
    expect(await throttle.delayBeforeAttempt(key)).toBe(0);
  });

  it('is applied by the sign-in itself', async () => {
    const address = 'slowed';
    for (let i = 0; i < 4; i++) await authorize({ domain: 'Default', username: 'demo', password: 'bad' }, address);
    const started = Date.now();
    expect(await authorize({ domain: 'Default', username: 'demo', password: 'demo' }, address)).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // 2 s after the 4th failure
  });
});
