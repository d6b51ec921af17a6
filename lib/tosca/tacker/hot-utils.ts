// Tacker's edits on a HOT dict (tacker/tosca/utils.py add_resources_tpl, convert_unsupported_res_prop).

import { isDict, type Dict } from '../model';

const RESOURCE_TYPES: Record<string, string> = { flavor: 'OS::Nova::Flavor', image: 'OS::Glance::Image' };

/** Adds `<VDU>_flavor` / `<VDU>_image` resources and points the VDU's flavor/image at them. Mutates `hot`. */
export function addResourcesTpl(hot: Dict, resTpl: Record<string, Record<string, Dict>>): Dict {
  const resources = (isDict(hot.resources) ? hot.resources : (hot.resources = {})) as Dict;
  for (const [kind, perVdu] of Object.entries(resTpl)) {
    for (const [vdu, props] of Object.entries(perVdu)) {
      const name = `${vdu}_${kind}`;
      resources[name] = { type: RESOURCE_TYPES[kind], properties: { ...props } };
      const server = resources[vdu];
      if (isDict(server) && isDict(server.properties)) server.properties[kind] = { get_resource: name };
    }
  }
  return hot;
}

/**
 * Moves properties an older Heat does not know (e.g. Kilo's OS::Neutron::Port port_security_enabled)
 * into `value_specs`. `unsupported` maps resource type -> property -> 'value_specs'. Mutates `hot`.
 */
export function convertUnsupportedResProp(hot: Dict, unsupported: Record<string, Record<string, string>>): Dict {
  for (const res of Object.values(isDict(hot.resources) ? hot.resources : {})) {
    if (!isDict(res) || typeof res.type !== 'string' || !unsupported[res.type] || !isDict(res.properties)) continue;
    const props = res.properties;
    for (const [prop, target] of Object.entries(unsupported[res.type])) {
      if (!(prop in props) || target !== 'value_specs') continue;
      const specs = isDict(props.value_specs) ? props.value_specs : (props.value_specs = {});
      (specs as Dict)[prop] = props[prop];
      delete props[prop];
    }
  }
  return hot;
}
