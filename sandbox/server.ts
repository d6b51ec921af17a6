// The sandbox cloud process: one node:http server on 127.0.0.1 that routes path prefixes to the
// services (/identity, /orchestration, /compute, /image, /network) and /sandbox (fault admin API).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxConfig } from './config';
import type { RequestContext } from './context';
import { noFaults, faultsFromEnv, requestFault, type FaultSettings } from './faults';
import { adminRouter, handleAdmin } from './admin';
import { BodyError, parseJsonBody, readBody, send, type Reply } from './http/respond';
import { SERVICE_PATHS } from './keystone/catalog';
import { handleKeystone, keystoneError, keystoneRouter, versionsReply } from './keystone/routes';
import { seedKeystone } from './keystone/seed';
import { Keystone } from './keystone/tokens';
import { seedCloud } from './cloud/seed';
import type { SandboxState } from './state';
import { Store } from './store';
import { requestId } from './util';
import { createServices, type ServiceHandlers } from './services';

export interface RunningSandbox {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

function initialState(env: NodeJS.ProcessEnv): SandboxState {
  const keystone = seedKeystone(env);
  const adminProject = keystone.projects.find((p) => p.name === 'admin')!;
  return { schemaVersion: 1, keystone, cloud: seedCloud(adminProject.id), heat: { stacks: {} }, faults: noFaults() };
}

/** Which service a path belongs to, and the path below its prefix. */
function splitService(pathname: string): { service: string; rest: string } | null {
  for (const [service, prefix] of Object.entries(SERVICE_PATHS)) {
    if (pathname === prefix || pathname.startsWith(prefix + '/')) return { service, rest: pathname.slice(prefix.length) || '/' };
  }
  if (pathname === '/sandbox' || pathname.startsWith('/sandbox/')) return { service: 'sandbox', rest: pathname.slice('/sandbox'.length) || '/' };
  if (pathname === '/') return { service: 'root', rest: '/' };
  return null;
}

export async function startSandbox(config: SandboxConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningSandbox> {
  const state = Store.load(config.stateDir) ?? initialState(env);
  state.faults = { ...noFaults(), ...state.faults };
  // state files written before these collections existed
  state.cloud.floatingIps ??= [];
  state.cloud.misc ??= [];
  const envFaults = faultsFromEnv(env);
  if (envFaults) state.faults = { ...state.faults, ...envFaults };
  const store = new Store(config.stateDir, state);
  store.flush();

  const faults = (): FaultSettings => store.state.faults;
  const keystone = new Keystone(store, config, () => faults().tokenTtlSeconds ?? config.tokenTtlSeconds);
  const identityRouter = keystoneRouter(keystone, store, config);
  const services: ServiceHandlers = createServices({ store, config, keystone, faults });
  let baseUrl = '';

  const admin = adminRouter(store, keystone);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const split = splitService(url.pathname.replace(/\/{2,}/g, '/'));
    const rid = requestId();
    try {
      const rawBody = await readBody(req);
      const ctx: RequestContext = {
        method: req.method ?? 'GET', path: split?.rest ?? url.pathname, query: url.searchParams, headers: req.headers,
        body: undefined, rawBody, baseUrl, requestId: rid,
      };
      if (!split) return send(res, { status: 404, headers: { 'x-openstack-request-id': rid }, body: { error: { code: 404, message: `No service at ${url.pathname}`, title: 'Not Found' } } });
      if (split.service !== 'sandbox' && split.service !== 'root') {
        const fault = requestFault(faults(), split.service);
        if (faults().latencyMs > 0) await new Promise((r) => setTimeout(r, faults().latencyMs));
        if (fault.kind === 'timeout') {
          // hold the request, then drop the connection without an answer
          const timer = setTimeout(() => req.socket.destroy(), 60_000);
          req.socket.once('close', () => clearTimeout(timer));
          return;
        }
        if (fault.kind === 'error') {
          return send(res, { status: 503, headers: { 'x-openstack-request-id': rid }, body: 'Service Unavailable (sandbox fault injection)\n', contentType: 'text/plain' });
        }
      }
      try {
        ctx.body = parseJsonBody(rawBody);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        if (split.service === 'identity' || split.service === 'sandbox' || split.service === 'root') return send(res, keystoneError(ctx, 400, e.message));
        ctx.body = e; // services render their own 400 envelope
      }
      let reply: Reply;
      if (split.service === 'root') reply = versionsReply(ctx);
      else if (split.service === 'identity') reply = await handleKeystone(identityRouter, ctx);
      else if (split.service === 'sandbox') reply = await handleAdmin(admin, keystone, ctx);
      else reply = await services[split.service as 'orchestration' | 'compute' | 'image' | 'network'](ctx);
      if (req.method === 'HEAD') reply = { ...reply, body: undefined };
      send(res, reply);
    } catch (e) {
      console.error('[sandbox] internal error', e);
      if (!res.headersSent) send(res, { status: 500, headers: { 'x-openstack-request-id': rid }, body: { error: { code: 500, message: `Sandbox internal error: ${(e as Error).message}`, title: 'Internal Server Error' } } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  services.start(baseUrl);

  return {
    url: baseUrl,
    port,
    store,
    close: async () => {
      services.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.flush();
    },
  };
}
