// tosca.nodes.SoftwareComponent (WebServer, DBMS, Database, WebApplication, VNFC.Tacker...): no resource
// of its own; each Standard lifecycle operation becomes an OS::Heat::SoftwareConfig running the script
// plus an OS::Heat::SoftwareDeployment on the host server, chained create -> configure -> start.
// ConnectsTo relationships with Configure operations add `<source>_<target>_connect_*` pairs.
import { ToscaError } from '../errors';
import { newResource, type TranslationContext } from '../hot';
import { isDict, type NodeTemplate } from '../model';
import { isRelationship, type NodeTranslator } from './translator';

const LIFECYCLE = ['create', 'configure', 'start'] as const;
const STANDARD = ['Standard', 'tosca.interfaces.node.lifecycle.Standard'];

interface Operation {
  name: string;
  implementation: string;
  inputs: Record<string, unknown>;
}

export function lifecycleOperations(node: NodeTemplate): Operation[] {
  const iface = STANDARD.map((n) => node.interfaces[n]).find(Boolean);
  if (!iface) return [];
  const ops: Operation[] = [];
  for (const name of LIFECYCLE) {
    const op = iface[name];
    if (typeof op === 'string') ops.push({ name, implementation: op, inputs: {} });
    else if (isDict(op) && op.implementation !== undefined) {
      const impl = isDict(op.implementation) ? String(op.implementation.primary) : String(op.implementation);
      ops.push({ name, implementation: impl, inputs: isDict(op.inputs) ? op.inputs : {} });
    }
  }
  return ops;
}

/** The Compute node a software node finally runs on (following HostedOn through other software). */
export function hostServer(ctx: TranslationContext, node: NodeTemplate, seen = new Set<string>()): string | undefined {
  if (seen.has(node.name)) return undefined;
  seen.add(node.name);
  const hostReq = node.requirements.find((r) => isRelationship(ctx, r, 'tosca.relationships.HostedOn'));
  if (!hostReq) return undefined;
  const target = ctx.template.nodes.get(hostReq.node);
  if (!target) return undefined;
  if (ctx.template.types.isDerivedFrom('node_types', target.type, 'tosca.nodes.Compute')) return target.name;
  return hostServer(ctx, target, seen);
}

export const softwareComponent: NodeTranslator = {
  toscaType: 'tosca.nodes.SoftwareComponent',
  description: 'Software component installed by lifecycle scripts',
  heatType: 'OS::Heat::SoftwareDeployment',
  fillOrder: 2,
  create: () => null,
  fill(node, _res, ctx) {
    const ops = lifecycleOperations(node);
    if (!ops.length) return;
    const server = hostServer(ctx, node);
    if (!server) throw new ToscaError(`"${node.name}" has lifecycle operations but no host server (requirement host)`, [...node.path, 'requirements'], 'bad_reference');
    let previous: string | undefined;
    for (const op of ops) {
      const config = newResource(`${node.name}_${op.name}_config`, 'OS::Heat::SoftwareConfig', { config: { get_file: op.implementation }, group: 'script' }, node.name);
      const outputs = ctx.operationOutputs(node.name, op.name);
      if (outputs.length) config.properties.outputs = outputs.map((name) => ({ name }));
      ctx.add(config);
      const deploy = newResource(`${node.name}_${op.name}_deploy`, 'OS::Heat::SoftwareDeployment', { config: { get_resource: config.name } }, node.name);
      const inputPath = [...node.path, 'interfaces', 'Standard', op.name, 'inputs'];
      if (Object.keys(op.inputs).length) {
        const values: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(op.inputs)) values[k] = ctx.value(v, node, [...inputPath, k]);
        deploy.properties.input_values = values;
      }
      deploy.properties.server = { get_resource: server };
      if (previous) deploy.dependsOn.push(previous);
      else {
        for (const req of node.requirements) {
          if (isRelationship(ctx, req, 'tosca.relationships.HostedOn')) {
            // Tacker (heat-translator 0.9) also made the first deployment wait for its server.
            if (ctx.mode === 'tacker') deploy.dependsOn.push(server);
            continue;
          }
          const end = ctx.topOfChain(req.node);
          if (end && !deploy.dependsOn.includes(end)) deploy.dependsOn.push(end);
        }
      }
      ctx.add(deploy);
      previous = deploy.name;
    }
    addConnectConfigs(node, ctx);
  },
};

/** ConnectsTo relationships carrying Configure operations (pre_configure_target, ...). */
function addConnectConfigs(node: NodeTemplate, ctx: TranslationContext) {
  for (const req of node.requirements) {
    const ifaces = req.relationshipInterfaces;
    if (!ifaces) continue;
    const target = ctx.template.nodes.get(req.node);
    if (!target) continue;
    for (const iface of Object.values(ifaces)) {
      if (!isDict(iface)) continue;
      for (const [opName, op] of Object.entries(iface)) {
        const impl = typeof op === 'string' ? op : isDict(op) ? String(op.implementation) : undefined;
        if (!impl) continue;
        const onTarget = opName.endsWith('_target');
        const server = hostServer(ctx, onTarget ? target : node);
        if (!server) continue;
        const base = `${node.name}_${target.name}_connect`;
        ctx.add(newResource(`${base}_config`, 'OS::Heat::SoftwareConfig', { config: { get_file: impl }, group: 'script' }, node.name));
        const deploy = newResource(`${base}_deploy`, 'OS::Heat::SoftwareDeployment', { config: { get_resource: `${base}_config` }, server: { get_resource: server } }, node.name);
        const first = ctx.chainEnds.get(target.name)?.first;
        if (first) deploy.dependsOn.push(first);
        ctx.add(deploy);
      }
    }
  }
}
