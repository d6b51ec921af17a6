// mgmt_url as Tacker builds it: the `mgmt_ip-<VDU>` outputs of the stack, and for scaling groups
// the same outputs of every group member, as lists: {"VDU1": ["192.168.120.3", "192.168.120.4"]}.
import type { Cloud, Stack, StackResource } from '@/lib/openstack';
import { pythonJson } from '@/lib/tosca';

const PREFIX = 'mgmt_ip-';

export function mgmtFromOutputs(outputs: Stack['outputs']): Record<string, unknown> {
  const ips: Record<string, unknown> = {};
  for (const o of outputs ?? []) {
    if (o.output_key.startsWith(PREFIX) && o.output_value !== null && o.output_value !== undefined) ips[o.output_key.slice(PREFIX.length)] = o.output_value;
  }
  return ips;
}

/** {name, id} of the nested stack behind a resource, from its `nested` link (no extra lookup). */
export function nestedStackRef(resource: Pick<StackResource, 'links' | 'physical_resource_id'>): { name: string; id: string } | null {
  const href = resource.links?.find((l) => l.rel === 'nested')?.href;
  const m = href ? /\/stacks\/([^/?]+)\/([^/?]+)\/?(?:\?.*)?$/.exec(href) : null;
  return m ? { name: decodeURIComponent(m[1]), id: decodeURIComponent(m[2]) } : null;
}

/** mgmt ips of every member of the given groups (group resource names in the top stack). */
export async function mgmtFromGroups(cloud: Cloud, stack: { name: string; id: string }, groupResources: string[]): Promise<Record<string, string[]>> {
  const ips: Record<string, string[]> = {};
  for (const group of groupResources) {
    const groupRef = nestedStackRef(await cloud.heat.resource(stack, group));
    if (!groupRef) continue;
    const members = await cloud.heat.resources(groupRef);
    // oldest member first (Heat lists newest first)
    for (const m of [...members].reverse()) {
      const memberRef = nestedStackRef(m);
      if (!memberRef || m.resource_status.startsWith('DELETE')) continue;
      const member = await cloud.heat.get(memberRef);
      for (const [vdu, ip] of Object.entries(mgmtFromOutputs(member.outputs))) {
        (ips[vdu] ??= []).push(String(ip));
      }
    }
  }
  return ips;
}

export async function mgmtUrl(cloud: Cloud, stack: Stack, groupResources: string[]): Promise<string | null> {
  const ips = { ...mgmtFromOutputs(stack.outputs), ...(groupResources.length ? await mgmtFromGroups(cloud, { name: stack.stack_name, id: stack.id }, groupResources) : {}) };
  return Object.keys(ips).length ? pythonJson(ips) : null;
}
