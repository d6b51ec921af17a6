// Wires the non-identity services (Heat, Nova, Glance, Neutron) to the shared store and Keystone.
import type { RequestContext } from './context';
import type { Reply } from './http/respond';
import type { Store } from './store';
import type { SandboxConfig } from './config';
import type { Keystone } from './keystone/tokens';
import type { FaultSettings } from './faults';

export interface ServiceDeps {
  store: Store;
  config: SandboxConfig;
  keystone: Keystone;
  faults: () => FaultSettings;
}

export interface ServiceHandlers {
  orchestration(ctx: RequestContext): Promise<Reply>;
  compute(ctx: RequestContext): Promise<Reply>;
  image(ctx: RequestContext): Promise<Reply>;
  network(ctx: RequestContext): Promise<Reply>;
  /** starts background work (the Heat engine) once the base URL is known */
  start(baseUrl: string): void;
  stop(): void;
}

export function createServices(deps: ServiceDeps): ServiceHandlers {
  void deps;
  const notYet = async (ctx: RequestContext): Promise<Reply> => ({ status: 404, headers: { 'x-openstack-request-id': ctx.requestId }, body: { error: { code: 404, message: 'not implemented yet', title: 'Not Found' } } });
  return { orchestration: notYet, compute: notYet, image: notYet, network: notYet, start: () => {}, stop: () => {} };
}
