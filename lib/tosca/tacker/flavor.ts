// Tacker's nfv_compute capability -> <VDU>_flavor OS::Nova::Flavor (tacker/tosca/utils.py
// get_flavor_dict + populate_flavor_extra_specs). Skipped when the VDU names a `flavor`.
import { ToscaError, type PathSegment } from '../errors';
import { isDict, type Dict, type NodeTemplate } from '../model';
import { tackerMemoryUnit } from '../units';

const FLAVOR_PROPS: Array<[string, string, number, 'MB' | 'GB' | null]> = [
  ['num_cpus', 'vcpus', 1, null],
  ['disk_size', 'disk', 1, 'GB'],
  ['mem_size', 'ram', 512, 'MB'],
];
const EXTRA_SPEC_PROPS = ['cpu_allocation', 'mem_page_size', 'numa_node_count', 'numa_nodes'];
const CPU_PROPS: Array<[string, string]> = [
  ['hw:cpu_policy', 'cpu_affinity'],
  ['hw:cpu_threads_policy', 'thread_allocation'],
  ['hw:cpu_sockets', 'socket_count'],
  ['hw:cpu_threads', 'thread_count'],
  ['hw:cpu_cores', 'core_count'],
];
const NUMA_KEYS = new Set(['id', 'vcpus', 'mem_size']);

export function flavorFor(vdu: NodeTemplate, resolve: (v: unknown, path: PathSegment[]) => unknown, extraSpecs: Dict = {}): Dict | null {
  if (vdu.properties.flavor) return null;
  const caps = vdu.capabilities.nfv_compute;
  if (!caps) return null;
  const path = [...vdu.path, 'capabilities', 'nfv_compute', 'properties'];
  const props: Dict = {};
  for (const [k, v] of Object.entries(caps)) props[k] = resolve(v, [...path, k]);
  const flavor: Dict = {};
  for (const [prop, hotProp, fallback, unit] of FLAVOR_PROPS) {
    let value = props[prop] ?? null;
    if (unit && value) value = tackerMemoryUnit(value, unit);
    flavor[hotProp] = value ? value : fallback;
  }
  if (EXTRA_SPEC_PROPS.some((p) => p in props)) flavor.extra_specs = extraSpecsFor(props, path, extraSpecs);
  return flavor;
}

function extraSpecsFor(props: Dict, path: PathSegment[], confExtraSpecs: Dict): Dict {
  const specs: Dict = {};
  if ('mem_page_size' in props) {
    let size = props.mem_page_size;
    if (/^\d+$/.test(String(size))) size = Number(size) * 1024;
    else if (!['small', 'large', 'any'].includes(String(size))) {
      throw new ToscaError(`mem_page_size "${String(size)}" is invalid: use small, large, any or a size in MB`, [...path, 'mem_page_size'], 'invalid_value');
    }
    specs['hw:mem_page_size'] = size;
  }
  if ('numa_nodes' in props && !('numa_node_count' in props)) {
    const nodes = props.numa_nodes;
    if (!isDict(nodes)) throw new ToscaError('numa_nodes must be a mapping of NUMA node definitions', [...path, 'numa_nodes'], 'invalid_value');
    let count = 0;
    for (const [name, def] of Object.entries(nodes)) {
      const at = [...path, 'numa_nodes', name];
      if (!isDict(def)) throw new ToscaError(`NUMA node "${name}" must be a mapping`, at, 'invalid_value');
      const invalid = Object.keys(def).filter((k) => !NUMA_KEYS.has(k));
      if (invalid.length) throw new ToscaError(`NUMA node "${name}" has invalid keys ${invalid.join(', ')} (allowed: id, vcpus, mem_size)`, at, 'invalid_value');
      if (!('id' in def)) throw new ToscaError(`NUMA node "${name}" is missing its id`, at, 'missing_property');
      if ('vcpus' in def) specs[`hw:numa_cpus.${String(def.id)}`] = (Array.isArray(def.vcpus) ? def.vcpus : [def.vcpus]).map(String).join(',');
      if ('mem_size' in def) specs[`hw:numa_mem.${String(def.id)}`] = def.mem_size;
      count += 1;
    }
    specs['hw:numa_nodes'] = count;
  }
  if ('numa_node_count' in props) specs['hw:numa_nodes'] = props.numa_node_count;
  if ('cpu_allocation' in props) {
    const cpu = props.cpu_allocation;
    if (!isDict(cpu)) throw new ToscaError('cpu_allocation must be a mapping', [...path, 'cpu_allocation'], 'invalid_value');
    const allowed = new Set(CPU_PROPS.map(([, k]) => k));
    const invalid = Object.keys(cpu).filter((k) => !allowed.has(k));
    if (invalid.length) throw new ToscaError(`cpu_allocation has invalid keys ${invalid.join(', ')} (allowed: ${[...allowed].join(', ')})`, [...path, 'cpu_allocation'], 'invalid_value');
    for (const [spec, key] of CPU_PROPS) if (key in cpu) specs[spec] = cpu[key];
  }
  Object.assign(specs, confExtraSpecs);
  return specs;
}
