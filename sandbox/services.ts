// Wires the non-identity services (Heat, Nova, Glance, Neutron) to the shared store and Keystone.
import type { RequestContext } from './context';
import type { Reply } from './http/respond';
import type { Store } from './store';
import type { SandboxConfig } from './config';
import type { Keystone } from './keystone/tokens';
import type { FaultSettings } from './faults';
import { HeatEngine } from './heat/engine';
import { handleHeat, heatRouter } from './heat/routes';
import { handleNova, novaRouter } from './nova/routes';
import { glanceRouter, handleGlance } from './glance/routes';
import { handleNeutron, neutronRouter } from './neutron/routes';

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

export function createServices({ store, config, keystone, faults }: ServiceDeps): ServiceHandlers {
  const engine = new HeatEngine(store, config, faults);
  const heat = heatRouter(engine);
  const nova = novaRouter(store);
  const glance = glanceRouter(store);
  const neutron = neutronRouter(store);
  return {
    orchestration: (ctx) => handleHeat(engine, heat, keystone, ctx),
    compute: (ctx) => handleNova(nova, keystone, ctx),
    image: (ctx) => handleGlance(glance, keystone, ctx),
    network: (ctx) => handleNeutron(neutron, keystone, ctx),
    start: (baseUrl) => engine.start(baseUrl),
    stop: () => engine.stop(),
  };
}
