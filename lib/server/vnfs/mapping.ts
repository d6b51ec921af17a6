// VNF -> Heat stack -> resources -> Nova servers, including the members of scaling groups
// (resources of nested stacks, found with nested_depth).
import { serverAddresses, type StackResource } from '@/lib/openstack';
import { conflict } from '../api/errors';
import { db } from '../db';
import { connectVimCloud } from './vim-cloud';
import type { VnfRow } from './view';

const NESTED_DEPTH = 3;

function requireStack(row: VnfRow): string {
  if (!row.instanceId) throw conflict('VNFInactive', `VNF ${row.id} has no Heat stack yet (status ${row.status})`, { current_state: row.status });
  return row.instanceId;
}

async function cloudOf(row: VnfRow) {
  const vim = await db().vim.findUnique({ where: { id: row.vimId } });
  if (!vim) throw conflict('VNFInactive', `VIM ${row.vimId} of VNF ${row.id} no longer exists`);
  return connectVimCloud(vim, row.regionName);
}

/** Tacker's resource list: {name, type, id} for every resource, nested ones included. */
export async function vnfResources(row: VnfRow) {
  const stackId = requireStack(row);
  const cloud = await cloudOf(row);
  const resources = await cloud.heat.resources({ name: row.stackName, id: stackId }, { nestedDepth: NESTED_DEPTH });
  return resources.map((r) => ({ name: r.resource_name, type: r.resource_type, id: r.physical_resource_id ?? '' }));
}

export interface MappingResource {
  name: string;
  type: string;
  physical_id: string | null;
  status: string;
  status_reason: string | null;
  /** logical name of the resource whose nested stack holds this one (scaling group member, ...) */
  parent: string | null;
  required_by: string[];
}

export interface MappingServer {
  resource: string;
  parent: string | null;
  id: string;
  name: string | null;
  status: string;
  addresses: { network: string; addr: string }[];
  flavor: string | null;
  image: string | null;
  host: string | null;
}

export async function vnfMapping(row: VnfRow) {
  const vnf = { id: row.id, name: row.name, status: row.status };
  if (!row.instanceId) return { vnf, stack: null, resources: [] as MappingResource[], servers: [] as MappingServer[] };
  const cloud = await cloudOf(row);
  const ref = { name: row.stackName, id: row.instanceId };
  const [stack, raw] = await Promise.all([cloud.heat.get(ref), cloud.heat.resources(ref, { nestedDepth: NESTED_DEPTH })]);
  const resources: MappingResource[] = raw.map((r: StackResource) => ({
    name: r.resource_name,
    type: r.resource_type,
    physical_id: r.physical_resource_id || null,
    status: r.resource_status,
    status_reason: r.resource_status_reason ?? null,
    parent: r.parent_resource ?? null,
    required_by: r.required_by ?? [],
  }));
  const serverRows = resources.filter((r) => r.type === 'OS::Nova::Server' && r.physical_id);
  const servers = await Promise.all(
    serverRows.map(async (r): Promise<MappingServer> => {
      const s = await cloud.nova.findServer(r.physical_id!);
      const flavor = s?.flavor ? (s.flavor.original_name ?? s.flavor.id ?? null) : null;
      return {
        resource: r.name,
        parent: r.parent,
        id: r.physical_id!,
        name: s?.name ?? null,
        status: s?.status ?? 'NOT_FOUND',
        addresses: s ? serverAddresses(s).map((a) => ({ network: a.network, addr: a.addr })) : [],
        flavor: flavor ? String(flavor) : null,
        image: s && s.image ? s.image.id : null,
        host: s ? ((s as Record<string, unknown>)['OS-EXT-SRV-ATTR:host'] as string | undefined) ?? null : null,
      };
    }),
  );
  return {
    vnf,
    stack: { id: stack.id, name: stack.stack_name, status: stack.stack_status, status_reason: stack.stack_status_reason ?? null, outputs: (stack.outputs ?? []).map((o) => ({ key: o.output_key, value: o.output_value ?? null })) },
    resources,
    servers,
  };
}
export type VnfMapping = Awaited<ReturnType<typeof vnfMapping>>;
