// HTTP transport: retries/backoff, timeouts, error mapping, redirects, TLS options.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenStackError } from '@/lib/openstack/errors';
import { HttpClient, queryString, type RequestLogEntry } from '@/lib/openstack/http';
import { heatError, json, startFake, type FakeServer } from './fake-server';

const servers: FakeServer[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(handler: Parameters<typeof startFake>[0], tls?: Parameters<typeof startFake>[1]) {
  const s = await startFake(handler, tls);
  servers.push(s);
  return s;
}
function client(opts: ConstructorParameters<typeof HttpClient>[0] = {}) {
  const c = new HttpClient({ backoffMs: 5, maxBackoffMs: 20, ...opts });
  clients.push(c);
  return c;
}
async function caught(p: Promise<unknown>): Promise<OpenStackError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(OpenStackError);
  return e as OpenStackError;
}

describe('retries', () => {
  it('retries a GET on 503 with backoff and logs every attempt with its request id', async () => {
    let n = 0;
    const s = await fake((req, res) => {
      n++;
      if (n < 3) json(res, 503, { error: { code: 503, message: 'busy', title: 'Service Unavailable' } }, { 'x-openstack-request-id': `req-${n}` });
      else json(res, 200, { ok: true }, { 'x-openstack-request-id': 'req-3' });
    });
    const log: RequestLogEntry[] = [];
    const res = await client({ onRequest: (e) => log.push(e) }).request({ service: 'heat', method: 'GET', url: `${s.url}/x` });
    expect(res.body).toEqual({ ok: true });
    expect(res.requestId).toBe('req-3');
    expect(log.map((e) => [e.status, e.requestId, e.attempt, e.willRetry])).toEqual([
      [503, 'req-1', 1, true],
      [503, 'req-2', 2, true],
      [200, 'req-3', 3, false],
    ]);
  });

  it('gives up after the configured retries with a server error carrying the message', async () => {
    const s = await fake((req, res) => json(res, 500, heatError(500, 'Internal Server Error', 'HeatException', 'engine exploded'), { 'x-openstack-request-id': 'req-500' }));
    const e = await caught(client({ retries: 2 }).request({ service: 'heat', method: 'GET', url: `${s.url}/stacks` }));
    expect(s.requests).toHaveLength(3);
    expect(e).toMatchObject({ kind: 'server', status: 500, service: 'heat', message: 'engine exploded', requestId: 'req-500', errorType: 'HeatException' });
  });

  it.each([
    [400, 'badRequest'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'notFound'],
    [409, 'conflict'],
    [413, 'badRequest'],
  ] as const)('never retries a %i (kind %s)', async (status, kind) => {
    const s = await fake((req, res) => json(res, status, heatError(status, 'X', 'StackExists', `The Stack (s2) already exists. ${status}`)));
    const e = await caught(client().request({ service: 'heat', method: 'GET', url: `${s.url}/stacks/s2` }));
    expect(s.requests).toHaveLength(1);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toBe(`The Stack (s2) already exists. ${status}`);
  });

  it('does not retry a POST that reached the server, unless marked retry-safe', async () => {
    const s = await fake((req, res) => json(res, 502, { message: 'bad gateway' }));
    await caught(client().request({ service: 'heat', method: 'POST', url: `${s.url}/stacks`, json: { a: 1 } }));
    expect(s.requests).toHaveLength(1);
    await caught(client({ retries: 2 }).request({ service: 'keystone', method: 'POST', url: `${s.url}/v3/auth/tokens`, json: {}, retrySafe: true }));
    expect(s.requests).toHaveLength(4);
  });

  it('maps connection refused to unreachable and retries it (even a POST: it was never sent)', async () => {
    const port = await freePort();
    const log: RequestLogEntry[] = [];
    const e = await caught(client({ retries: 2, onRequest: (x) => log.push(x) }).request({ service: 'nova', method: 'POST', url: `http://127.0.0.1:${port}/servers`, json: {} }));
    expect(e.kind).toBe('unreachable');
    expect(e.status).toBe(0);
    expect(e.message).toContain('ECONNREFUSED');
    expect(log.map((l) => l.willRetry)).toEqual([true, true, false]);
  });
});

describe('timeouts', () => {
  it('aborts an attempt that gets no answer and reports kind timeout after the retries', async () => {
    const s = await fake(() => {
      /* never answers */
    });
    const started = Date.now();
    const e = await caught(client({ timeoutMs: 150, retries: 1 }).request({ service: 'heat', method: 'GET', url: `${s.url}/slow` }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('150 ms');
    expect(s.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a timed-out POST is not sent again (it may have been processed)', async () => {
    const s = await fake(() => {});
    const e = await caught(client({ timeoutMs: 100, retries: 3 }).request({ service: 'heat', method: 'POST', url: `${s.url}/stacks`, json: {} }));
    expect(e.kind).toBe('timeout');
    expect(s.requests).toHaveLength(1);
  });
});

describe('error bodies of each service', () => {
  const cases: [string, number, string, string, string | null][] = [
    ['keystone', 401, '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}', 'The request you have made requires authentication.', 'Unauthorized'],
    ['nova', 404, '{"itemNotFound": {"code": 404, "message": "Instance 0000 could not be found."}}', 'Instance 0000 could not be found.', 'itemNotFound'],
    ['neutron', 404, '{"NeutronError": {"type": "NetworkNotFound", "message": "Network 0000 could not be found.", "detail": ""}}', 'Network 0000 could not be found.', 'NetworkNotFound'],
    ['heat', 400, JSON.stringify(heatError(400, 'Bad Request', 'StackValidationFailed', 'The Resource Type (OS::Heat::NoSuchThing) could not be found.')), 'The Resource Type (OS::Heat::NoSuchThing) could not be found.', 'StackValidationFailed'],
    ['glance', 404, '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 0000<br /><br />\n\n\n\n </body>\n</html>', '404 Not Found No image found with ID 0000', null],
  ];
  it.each(cases)('%s %i: message is the service\'s own text', async (service, status, body, message, errorType) => {
    const s = await fake((req, res) => {
      res.writeHead(status, { 'Content-Type': body.startsWith('<') ? 'text/html; charset=UTF-8' : 'application/json', 'X-Openstack-Request-Id': 'req-abc' });
      res.end(body);
    });
    const e = await caught(client().request({ service, method: 'GET', url: `${s.url}/thing` }));
    expect(e.message).toBe(message);
    expect(e.errorType).toBe(errorType);
    expect(e.requestId).toBe('req-abc');
    expect(e.toJSON()).toMatchObject({ service, status, message });
  });

  it('falls back to a sentence naming the call when the body has no message', async () => {
    const s = await fake((req, res) => {
      res.writeHead(500);
      res.end();
    });
    const e = await caught(client({ retries: 0 }).request({ service: 'nova', method: 'GET', url: `${s.url}/servers?x=1` }));
    expect(e.message).toBe(`nova answered HTTP 500 to GET ${s.url}/servers`);
  });
});

describe('redirects', () => {
  it('follows Heat\'s 302 for a GET and keeps the token on the same origin', async () => {
    const s = await fake((req, res) => {
      if (req.path === '/v1/p/stacks/s2') json(res, 302, { code: '302 Found' }, { Location: '/v1/p/stacks/s2/abc' });
      else json(res, 200, { stack: { id: 'abc' } });
    });
    const res = await client().request({ service: 'heat', method: 'GET', url: `${s.url}/v1/p/stacks/s2`, headers: { 'X-Auth-Token': 'tok' } });
    expect(res.status).toBe(200);
    expect(s.requests.map((r) => [r.path, r.headers['x-auth-token']])).toEqual([
      ['/v1/p/stacks/s2', 'tok'],
      ['/v1/p/stacks/s2/abc', 'tok'],
    ]);
  });

  it('drops the token when redirected to another origin', async () => {
    const other = await fake((req, res) => json(res, 200, { ok: 1 }));
    const s = await fake((req, res) => json(res, 302, {}, { Location: `${other.url}/elsewhere` }));
    await client().request({ service: 'heat', method: 'GET', url: `${s.url}/x`, headers: { 'X-Auth-Token': 'secret' } });
    expect(other.requests[0].headers['x-auth-token']).toBeUndefined();
  });

  it('returns the 302 itself when asked not to follow, and never follows for DELETE', async () => {
    const s = await fake((req, res) => json(res, 302, {}, { Location: '/a/b' }));
    const res = await client().request({ service: 'heat', method: 'GET', url: `${s.url}/x`, followRedirects: false });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/a/b');
    const del = await client().request({ service: 'heat', method: 'DELETE', url: `${s.url}/x` });
    expect(del.status).toBe(302);
    expect(s.requests).toHaveLength(2);
  });
});

describe('TLS options', () => {
  const dir = path.join(__dirname, 'fixtures');
  const tls = { key: fs.readFileSync(path.join(dir, 'test-server.key'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'test-server.crt'), 'utf8') };

  it('rejects an untrusted certificate by default with kind tls (not retried)', async () => {
    const s = await fake((req, res) => json(res, 200, {}), tls);
    const e = await caught(client().request({ service: 'keystone', method: 'GET', url: `${s.url}/v3` }));
    expect(e.kind).toBe('tls');
    expect(e.message).toMatch(/certificate|CERT/i);
    expect(s.requests).toHaveLength(0);
  });

  it('accepts it with certVerify: false', async () => {
    const s = await fake((req, res) => json(res, 200, { version: { id: 'v3.14' } }), tls);
    const res = await client({ certVerify: false }).request({ service: 'keystone', method: 'GET', url: `${s.url}/v3` });
    expect(res.body).toEqual({ version: { id: 'v3.14' } });
  });

  it('accepts it when its CA is given as caBundle', async () => {
    const s = await fake((req, res) => json(res, 200, { ok: true }), tls);
    const res = await client({ caBundle: tls.cert }).request({ service: 'keystone', method: 'GET', url: `${s.url}/v3` });
    expect(res.body).toEqual({ ok: true });
  });
});

describe('queryString', () => {
  it('repeats array values and skips undefined', () => {
    expect(queryString({ id: ['a', 'b'], status: 'FAILED', limit: undefined, show_deleted: true })).toBe('?id=a&id=b&status=FAILED&show_deleted=true');
    expect(queryString({})).toBe('');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
