// OS::Nova::Server: boots a Nova server on the ports/networks given; attributes are the Nova server.
import { findNetwork, NeutronLookupError } from '../../neutron/ops';
import { bootServer, deleteServer, NovaLookupError, findImage, findFlavor, type NetworkRequest } from '../../nova/ops';
import { serverAddresses, serverView } from '../../nova/views';
import { followPath } from '../intrinsics';
import { propertyError, requireString } from './property-error';
import type { PluginContext, ResourcePlugin } from './types';

/** Heat shortens long server names to 53 characters: first 2 characters + "-" + the tail. */
function serverName(physicalName: string): string {
  return physicalName.length <= 53 ? physicalName : `${physicalName.slice(0, 2)}-${physicalName.slice(-50)}`;
}

function networkRequests(ctx: PluginContext, props: Record<string, unknown>): NetworkRequest[] {
  const list = props.networks ?? [];
  if (!Array.isArray(list)) throw propertyError(ctx, 'networks', 'Value must be a list');
  return list.map((entry, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const port = e.port ?? e.port_id;
    const network = e.network ?? e.uuid;
    if (port) return { port: String(port) };
    if (network) {
      try {
        return { network: findNetwork(ctx.cloud, String(network)).id, fixed_ip: e.fixed_ip ? String(e.fixed_ip) : undefined };
      } catch (err) {
        throw propertyError(ctx, `networks[${i}].network`, `Error validating value '${String(network)}': ${(err as Error).message}`);
      }
    }
    throw propertyError(ctx, `networks[${i}]`, 'One of the properties "network", "port" or "subnet" should be set.');
  });
}

export const serverResource: ResourcePlugin = {
  create: (ctx, props) => {
    const image = requireString(ctx, props, 'image');
    const flavor = requireString(ctx, props, 'flavor');
    try {
      findImage(ctx.cloud, image);
    } catch (e) {
      throw propertyError(ctx, 'image', (e as Error).message);
    }
    try {
      findFlavor(ctx.cloud, flavor);
    } catch (e) {
      throw propertyError(ctx, 'flavor', (e as Error).message);
    }
    const networks = networkRequests(ctx, props);
    try {
      const server = bootServer(ctx.cloud, {
        name: props.name ? String(props.name) : serverName(ctx.physicalName), projectId: ctx.stack.projectId, userId: ctx.userId,
        image, flavor, networks, metadata: (props.metadata as Record<string, string>) ?? {},
        availabilityZone: props.availability_zone ? String(props.availability_zone) : 'nova',
        keyName: props.key_name ? String(props.key_name) : null, userData: props.user_data ? String(props.user_data) : null,
        configDrive: props.config_drive === true || props.config_drive === 'true',
      });
      ctx.resource.physicalId = server.id;
    } catch (e) {
      if (e instanceof NovaLookupError || e instanceof NeutronLookupError) throw propertyError(ctx, 'networks', (e as Error).message);
      throw e;
    }
  },
  delete: (ctx) => deleteServer(ctx.cloud, ctx.resource.physicalId),
  // resource show lists the server as Nova shows it; get_attr also knows Heat's derived attributes
  attributes: (ctx) => {
    const server = ctx.cloud.servers.find((s) => s.id === ctx.resource.physicalId);
    return server ? { ...serverView(ctx.cloud, server, ctx.baseUrl, true), os_collect_config: {} } : {};
  },
  attribute: (ctx, name, path) => {
    const server = ctx.cloud.servers.find((s) => s.id === ctx.resource.physicalId);
    if (!server) return null;
    const addresses = serverAddresses(ctx.cloud, server);
    const derived: Record<string, unknown> = {
      first_address: (Object.values(addresses)[0]?.[0] as { addr?: string } | undefined)?.addr ?? '',
      networks: Object.fromEntries(Object.entries(addresses).map(([k, v]) => [k, v.map((a) => (a as { addr: string }).addr)])),
      instance_name: `instance-${server.instanceNumber.toString(16).padStart(8, '0')}`,
      show: serverView(ctx.cloud, server, ctx.baseUrl, true),
    };
    const all = { ...serverView(ctx.cloud, server, ctx.baseUrl, true), ...derived };
    return followPath(all[name] ?? null, path);
  },
};
