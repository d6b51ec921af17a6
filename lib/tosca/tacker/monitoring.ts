// VDU monitoring_policy -> the monitoring policy Tacker's monitor runs (tacker/tosca/utils.py
// get_vdu_monitoring), and its JSON as Python's json.dumps writes it (stored on the VNF).
import { ToscaError } from '../errors';
import { isDict, type Dict, type ToscaTemplate } from '../model';

export const TACKER_VDU = 'tosca.nodes.nfv.VDU.Tacker';

export function vduMonitoring(template: ToscaTemplate): Dict | null {
  const vdus: Dict = {};
  for (const node of template.nodes.values()) {
    if (!template.types.isDerivedFrom('node_types', node.type, TACKER_VDU)) continue;
    const policy = node.properties.monitoring_policy;
    if (policy === undefined || policy === null || policy === 'noop') continue;
    const path = [...node.path, 'properties', 'monitoring_policy'];
    if (!isDict(policy)) throw new ToscaError(`monitoring_policy of "${node.name}" must be a mapping (name, actions, parameters)`, path, 'invalid_value');
    if (typeof policy.name !== 'string') throw new ToscaError(`monitoring_policy of "${node.name}" needs a name (e.g. ping)`, path, 'missing_property');
    const copy: Dict = { ...policy };
    if ('parameters' in copy) copy.monitoring_params = copy.parameters;
    vdus[node.name] = { [policy.name]: copy };
  }
  return Object.keys(vdus).length ? { vdus } : null;
}

/** JSON with Python json.dumps' default separators (", " and ": ") and ASCII escaping. */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (isDict(value)) return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(String(value));
}
