// The service catalog: one endpoint per interface for every service, path-per-service URLs on the
// sandbox's own port, plus Trellis itself as nfv-orchestration.
import { stableHexId } from '../util';

export interface CatalogEndpoint { id: string; interface: string; region_id: string; url: string; region: string }
export interface CatalogEntry { endpoints: CatalogEndpoint[]; id: string; type: string; name: string }

/** Service path prefixes on the sandbox port (also used by the router). */
export const SERVICE_PATHS = {
  identity: '/identity',
  orchestration: '/orchestration',
  compute: '/compute',
  image: '/image',
  network: '/network',
} as const;

const INTERFACES = ['public', 'internal', 'admin'] as const;

export function buildCatalog(baseUrl: string, projectId: string, nfvUrl: string, region: string): CatalogEntry[] {
  const services: { type: string; name: string; url: string }[] = [
    { type: 'identity', name: 'keystone', url: `${baseUrl}${SERVICE_PATHS.identity}/v3/` },
    { type: 'orchestration', name: 'heat', url: `${baseUrl}${SERVICE_PATHS.orchestration}/v1/${projectId}` },
    { type: 'nfv-orchestration', name: 'tacker', url: nfvUrl },
    { type: 'image', name: 'glance', url: `${baseUrl}${SERVICE_PATHS.image}` },
    { type: 'compute', name: 'nova', url: `${baseUrl}${SERVICE_PATHS.compute}/v2.1` },
    { type: 'network', name: 'neutron', url: `${baseUrl}${SERVICE_PATHS.network}` },
  ];
  return services.map((s) => ({
    endpoints: INTERFACES.map((iface) => ({
      id: stableHexId(`endpoint:${s.type}:${iface}`),
      interface: iface,
      region_id: region,
      url: s.url,
      region,
    })),
    id: stableHexId(`service:${s.type}`),
    type: s.type,
    name: s.name,
  }));
}
