// NS member VNFDs declare substitution_mappings requirements (virtualLinkN: [CP, virtualLink]) that
// the NSD fills through param_values.substitution_mappings (tacker/tosca/utils.py
// check_for_substitution_mappings). Returns a template copy with the requirements wired in.
import { ToscaError } from '../errors';
import { isDict, type Dict } from '../model';

export function applySubstitutionMappings(raw: Dict, params: Dict): Dict {
  const topo = raw.topology_template;
  if (!isDict(topo) || !isDict(topo.substitution_mappings)) return raw;
  const wanted = topo.substitution_mappings.requirements;
  const given = isDict(params.substitution_mappings) ? params.substitution_mappings : null;
  delete params.substitution_mappings;
  if (!isDict(wanted) || !Object.keys(wanted).length) return raw;
  const smPath = ['topology_template', 'substitution_mappings', 'requirements'];
  const provided = given && isDict(given.requirements) ? given.requirements : null;
  if (!given || !provided) {
    throw new ToscaError(
      `substitution_mappings requirements ${Object.keys(wanted).join(', ')} need parameters: give param_values.substitution_mappings with requirements (${Object.keys(wanted).map((r) => `${r}: <VL node>`).join(', ')}) and the VL node templates`,
      smPath,
      'substitution_mappings',
    );
  }
  const nodes: Dict = { ...(isDict(topo.node_templates) ? topo.node_templates : {}) };
  for (const [reqName, mapping] of Object.entries(wanted)) {
    if (!(reqName in provided)) throw new ToscaError(`substitution_mappings requirement "${reqName}" is missing from param_values.substitution_mappings.requirements`, [...smPath, reqName], 'substitution_mappings');
    if (!Array.isArray(mapping) || mapping.length < 2) throw new ToscaError(`substitution_mappings requirement "${reqName}" must be [node, requirement]`, [...smPath, reqName], 'substitution_mappings');
    const [nodeName, nodeReq] = mapping.map(String);
    const vlName = String(provided[reqName]);
    const node = nodes[nodeName];
    if (!isDict(node) || !isDict(given[vlName])) {
      throw new ToscaError(`substitution_mappings requirement "${reqName}": node "${nodeName}" or parameter node "${vlName}" is missing`, [...smPath, reqName], 'substitution_mappings');
    }
    const reqs = Array.isArray(node.requirements) ? [...node.requirements] : [];
    reqs.push({ [nodeReq]: { node: vlName } });
    nodes[nodeName] = { ...node, requirements: reqs };
    nodes[vlName] = given[vlName];
  }
  return { ...raw, topology_template: { ...topo, node_templates: nodes } };
}
