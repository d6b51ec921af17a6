// A tiny scriptable HTTP server for the client unit tests: each test decides what
// every request gets, and can inspect what the client sent. Bodies mirror the
// recordings in shared/openstack-api (trimmed to the fields that matter).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string; // path + query
  headers: http.IncomingHttpHeaders;
  body: unknown; // parsed JSON, raw text, or undefined
}

export type Handler = (req: SeenRequest, res: http.ServerResponse) => unknown;

export interface FakeServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFake(handler: Handler, tls?: { key: string; cert: string }): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      try {
        await handler(seen, res);
      } catch (e) {
        if (!res.headersSent) json(res, 599, { error: String(e) });
      }
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A Keystone-shaped token body (as in keystone/03-post-auth-tokens-password-project.json). */
export function tokenBody(base: string, opts: { expiresAt?: Date; projectId?: string; projectName?: string; methods?: string[] } = {}) {
  const projectId = opts.projectId ?? 'p-admin-id';
  const ep = (type: string, name: string, url: string, region = 'RegionOne') => ({
    id: `${name}-svc`,
    type,
    name,
    endpoints: ['public', 'internal', 'admin'].map((iface) => ({
      id: `${name}-${iface}`,
      interface: iface,
      region_id: region,
      region,
      url: iface === 'public' ? url : `${url.replace('127.0.0.1', 'internal.example')}`,
    })),
  });
  return {
    token: {
      methods: opts.methods ?? ['password'],
      user: { domain: { id: 'default', name: 'Default' }, id: 'u-admin-id', name: 'admin', password_expires_at: null },
      audit_ids: ['uQb9kMNwQj6WwaG9LGLk7g'],
      expires_at: (opts.expiresAt ?? new Date(Date.now() + 3600_000)).toISOString().replace('Z', '000Z'),
      issued_at: new Date().toISOString(),
      project: { domain: { id: 'default', name: 'Default' }, id: projectId, name: opts.projectName ?? 'admin' },
      is_domain: false,
      roles: [
        { id: 'r1', name: 'admin' },
        { id: 'r2', name: 'member' },
      ],
      catalog: [
        ep('identity', 'keystone', `${base}/identity/v3/`),
        ep('orchestration', 'heat', `${base}/heat/v1/%(tenant_id)s`),
        ep('compute', 'nova', `${base}/nova/v2.1`),
        ep('compute', 'nova', `${base}/nova-two/v2.1`, 'RegionTwo'),
        ep('image', 'glance', `${base}/glance`),
        ep('network', 'neutron', `${base}/neutron`),
      ],
    },
  };
}

/** Heat's error envelope (heat/06-post-stacks-duplicate-409.json). */
export function heatError(code: number, title: string, type: string, message: string) {
  return { code, title, explanation: 'There was a conflict when trying to complete your request.', error: { type, traceback: null, message } };
}
