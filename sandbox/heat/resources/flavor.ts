// OS::Nova::Flavor: registers a flavor servers can use.
import type { ResourcePlugin } from './types';
import { flavorView } from '../../nova/views';
import { propertyError } from './property-error';

export const flavorResource: ResourcePlugin = {
  create: (ctx, props) => {
    const ram = Number(props.ram);
    const vcpus = Number(props.vcpus ?? 1);
    if (!Number.isInteger(ram) || ram < 1) throw propertyError(ctx, 'ram', `Property ram not assigned or not a positive integer`);
    const id = String(props.flavorid ?? ctx.physicalName);
    ctx.cloud.flavors.push({
      id, name: String(props.name ?? ctx.physicalName), vcpus, ramMb: ram, diskGb: Number(props.disk ?? 0), ephemeralGb: Number(props.ephemeral ?? 0),
      isPublic: props.is_public !== false, extraSpecs: (props.extra_specs as Record<string, string>) ?? {},
    });
    ctx.resource.physicalId = id;
  },
  delete: (ctx) => {
    ctx.cloud.flavors = ctx.cloud.flavors.filter((f) => f.id !== ctx.resource.physicalId);
  },
  attributes: (ctx) => {
    const flavor = ctx.cloud.flavors.find((f) => f.id === ctx.resource.physicalId);
    return flavor ? { ...flavorView(flavor, ctx.baseUrl, true), extra_specs: flavor.extraSpecs } : {};
  },
};
