// One JSON line per request, with the request id, user, project, route, status and duration;
// never a token or password.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('request log', () => {
  it('writes one structured line per request, without secrets', async () => {
    const { GET } = await import('@/app/api/overview/route');
    const token = await h.token('demo');
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
    let res;
    try {
      res = await call(GET, 'GET', '/api/overview', { token });
    } finally {
      spy.mockRestore();
    }
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 'info',
      requestId: res.headers.get('x-openstack-request-id'),
      user: 'demo',
      route: 'overview',
      method: 'GET',
      path: '/api/overview',
      status: 200,
    });
    expect(entries[0].project).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof entries[0].durationMs).toBe('number');
    expect(lines.join('')).not.toContain(token);
  });

  it('redacts secret-looking fields at any depth', async () => {
    const { redact } = await import('@/lib/server/log');
    expect(redact({ vim: { auth_cred: { username: 'u', password: 'p' } }, token: 't', list: [{ secret: 's' }] })).toEqual({
      vim: { auth_cred: { username: 'u', password: '***' } },
      token: '***',
      list: [{ secret: '***' }],
    });
  });
});
