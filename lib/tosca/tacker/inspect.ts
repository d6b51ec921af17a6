// Facts about a VNFD that the VNF manager needs besides the HOT (tacker/tosca/utils.py: findvdus,
// get_mgmt_driver, get_mgmt_ports, get_vdu_monitoring, get_flavor_dict).
import type { TemplateError } from '../errors';
import { ToscaError, joinPath } from '../errors';
import { resolveInputs } from '../functions';
import { buildTemplate, isDict, type Dict } from '../model';
import { parseYaml, YamlSourceError } from '../source';
import { flavorFor } from './flavor';
import { managementPorts } from './management';
import { TACKER_VDU, vduMonitoring } from './monitoring';

export interface VnfdFacts {
  vdus: string[];
  /** mgmt_driver of the first VDU that sets one (Tacker's get_mgmt_driver), 'noop' by default. */
  mgmtDriver: string | null;
  managementPorts: Record<string, string>;
  monitoringPolicy: Dict | null;
  flavors: Record<string, Dict>;
  errors: TemplateError[];
}

export function inspectVnfd(source: string | object, options: { flavorExtraSpecs?: Record<string, string> } = {}): VnfdFacts {
  const empty: VnfdFacts = { vdus: [], mgmtDriver: null, managementPorts: {}, monitoringPolicy: null, flavors: {}, errors: [] };
  try {
    const parsed = typeof source === 'string' ? parseYaml(source) : { data: source, locate: () => undefined };
    if (!isDict(parsed.data)) return { ...empty, errors: [{ message: 'a TOSCA template must be a YAML mapping', path: '', code: 'not_a_mapping' }] };
    const errs: ToscaError[] = [];
    const template = buildTemplate(parsed.data, errs, () => null);
    if (!template) return { ...empty, errors: errs.map((e) => ({ message: e.message, path: joinPath(e.path), code: e.code, ...parsed.locate(e.path) })) };
    const vdus = [...template.nodes.values()].filter((n) => template.types.isDerivedFrom('node_types', n.type, TACKER_VDU));
    const drivers = vdus.map((v) => v.properties.mgmt_driver).filter((d): d is string => typeof d === 'string');
    const host = { template, inputValues: Object.fromEntries([...template.inputs.values()].map((i) => [i.name, i.default])), attribute: () => undefined };
    const flavors: Record<string, Dict> = {};
    for (const vdu of vdus) {
      const f = flavorFor(vdu, (v, p) => resolveInputs(host, v, p), options.flavorExtraSpecs);
      if (f) flavors[vdu.name] = f;
    }
    return {
      vdus: vdus.map((v) => v.name),
      mgmtDriver: drivers[0] ?? null,
      managementPorts: Object.fromEntries(managementPorts(template)),
      monitoringPolicy: vduMonitoring(template),
      flavors,
      errors: [],
    };
  } catch (err) {
    if (err instanceof YamlSourceError) return { ...empty, errors: [{ message: err.message, path: '', code: err.code, ...err.position }] };
    if (err instanceof ToscaError) return { ...empty, errors: [{ message: err.message, path: joinPath(err.path), code: err.code }] };
    return { ...empty, errors: [{ message: `internal error: ${(err as Error).message}`, path: '', code: 'internal' }] };
  }
}
