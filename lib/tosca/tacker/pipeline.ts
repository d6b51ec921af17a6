// Tacker's post-processing on top of the assembled HOT (openstack/translate_template.py and
// tosca/utils.py, Pike): alarm matching metadata and URLs, <VDU>_flavor / <VDU>_image resources,
// management IP outputs, inlined VNFC scripts, the monitoring policy.
import { assemble, type Assembled } from '../assemble';
import type { Context } from '../context';
import { ToscaError } from '../errors';
import { isDict, type Dict } from '../model';
import type { TranslateOptions } from '../translate';
import { alarmMatchingMetadata } from './alarm-metadata';
import { flavorFor } from './flavor';
import { addResourcesTpl, convertUnsupportedResProp } from './hot-utils';
import { imageFor } from './image';
import { managementOutputs, managementPorts } from './management';
import { pythonJson, TACKER_VDU, vduMonitoring } from './monitoring';

/** Tacker's post-processing (openstack/translate_template.py + tosca/utils.py, Pike) on top of assemble(). */
export function assembleTacker(ctx: Context, parameters: Dict, outputs: Dict, options: TranslateOptions): Assembled {
  const { template } = ctx;
  const matching = alarmMatchingMetadata(template);
  const monitoring = vduMonitoring(template);
  const mgmt = managementPorts(template);
  const flavors: Array<[string, Dict]> = [];
  const images: Array<[string, Dict]> = [];
  for (const node of template.nodes.values()) {
    if (!template.types.isDerivedFrom('node_types', node.type, TACKER_VDU)) continue;
    const flavor = flavorFor(node, ctx.resolved, options.flavorExtraSpecs);
    if (flavor) flavors.push([node.name, flavor]);
    const image = imageFor(node);
    if (image) images.push([node.name, image]);
  }
  for (const r of ctx.resources) {
    const m = matching.get(r.name);
    if (r.policy && m) r.properties.matching_metadata = m;
    const url = options.alarmUrls?.[r.name];
    if (r.policy && url && r.type.startsWith('OS::Aodh::')) r.properties.alarm_actions = [url];
  }
  const out = assemble(ctx, parameters, outputs, 'Tacker Scaling template');
  const resTpl = { flavor: Object.fromEntries(flavors), image: Object.fromEntries(images) };
  const postProcess = (hot: Dict) => {
    addResourcesTpl(hot, resTpl);
    inlineSoftwareConfigFiles(ctx, hot, options.files);
    if (options.unsupportedProperties) convertUnsupportedResProp(hot, options.unsupportedProperties);
  };
  for (const nested of Object.values(out.files)) {
    postProcess(nested);
    nested.outputs = { ...managementOutputs(mgmt) };
  }
  const main = out.template;
  if (!Object.keys(out.files).length) main.outputs = { ...(main.outputs as Dict), ...managementOutputs(mgmt) };
  postProcess(main);
  return {
    ...out,
    monitoringPolicy: monitoring,
    monitoringPolicyJson: monitoring ? pythonJson(monitoring) : null,
  };
}

/** Tacker reads VNFC install scripts and puts their text into the SoftwareConfig. */
function inlineSoftwareConfigFiles(ctx: Context, hot: Dict, files: Record<string, string> | undefined) {
  for (const [name, res] of Object.entries(hot.resources as Dict)) {
    if (!isDict(res) || res.type !== 'OS::Heat::SoftwareConfig' || !isDict(res.properties)) continue;
    const config = res.properties.config;
    if (!isDict(config) || typeof config.get_file !== 'string') continue;
    const file = config.get_file;
    const content = files?.[file];
    if (content === undefined) {
      const owner = ctx.resources.find((r) => r.name === name)?.node;
      const node = owner ? ctx.template.nodes.get(owner) : undefined;
      const op = name.slice((owner ?? '').length + 1).replace(/_config$/, '');
      throw new ToscaError(`install script "${file}" (interfaces.Standard.${op} of ${owner}) is not available; provide the file with the VNFD`, node ? [...node.path, 'interfaces', 'Standard', op] : ['topology_template'], 'missing_file');
    }
    res.properties.config = content;
  }
}

