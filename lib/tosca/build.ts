// Builds the HOT resources and outputs from the model: create each node's resource, add volume
// attachments and lifecycle chains, fill properties in dependency order, derive depends_on, then policies.
import { getProperty, translateValue } from './functions';
import type { Context } from './context';
import { isDict, type Dict } from './model';
import type { PathSegment } from './errors';
import { policyTranslatorFor } from './policies/registry';
import { lifecycleOperations } from './types/software-component';
import { addVolumeAttachments } from './types/volume-attachment';

export function translateNodes(ctx: Context) {
  const { template } = ctx;
  const nodes = [...template.nodes.values()];
  for (const node of nodes) {
    const res = ctx.translators.get(node.name)!.create(node, ctx);
    if (res) {
      ctx.byNode.set(node.name, res);
      ctx.add(res);
    }
  }
  addVolumeAttachments(ctx);
  for (const node of nodes) {
    const ops = lifecycleOperations(node);
    if (ops.length && !ctx.byNode.has(node.name)) ctx.chainEnds.set(node.name, { first: `${node.name}_${ops[0].name}_deploy`, last: `${node.name}_${ops[ops.length - 1].name}_deploy` });
  }
  const ordered = nodes.map((node, i) => ({ node, i, t: ctx.translators.get(node.name)! })).sort((a, b) => (a.t.fillOrder ?? 0) - (b.t.fillOrder ?? 0) || a.i - b.i);
  for (const { node, t } of ordered) t.fill?.(node, ctx.byNode.get(node.name) ?? null, ctx);
  // depends_on for requirements the module did not turn into properties.
  for (const node of nodes) {
    const res = ctx.byNode.get(node.name);
    const t = ctx.translators.get(node.name)!;
    if (!res) continue;
    for (const req of node.requirements) {
      if (t.consumes?.(req, ctx)) continue;
      const end = ctx.topOfChain(req.node);
      if (end && end !== res.name && !res.dependsOn.includes(end)) res.dependsOn.push(end);
    }
  }
  for (const policy of template.policies) policyTranslatorFor(template.types, policy.type)!.translate(policy, ctx);
}

/** heat-translator: a `key_name` param value without a matching input becomes a parameter used by every server. */
export function addKeyNameParameter(ctx: Context, params: Dict, parameters: Dict) {
  if (params.key_name === undefined || ctx.template.inputs.has('key_name')) return;
  parameters.key_name = { type: 'string', default: params.key_name };
  for (const res of ctx.resources) if (res.type === 'OS::Nova::Server') res.properties.key_name = { get_param: 'key_name' };
}

export function translateOutputs(ctx: Context): Dict {
  const out: Dict = {};
  for (const [name, def] of ctx.template.outputs) {
    const path = ['topology_template', 'outputs', name, 'value'];
    const value = translateOutputValue(ctx, def.value, path);
    if (value === undefined || (isDict(value) && !Object.keys(value).length)) continue; // no HOT equivalent
    out[name] = def.description !== undefined ? { description: def.description, value } : { value };
  }
  return out;
}

/** Outputs resolve get_property to the raw TOSCA value (heat-translator leaves get_input inside as is). */
function translateOutputValue(ctx: Context, v: unknown, path: PathSegment[]): unknown {
  if (isDict(v) && Object.keys(v).length === 1) {
    const [fn, args] = Object.entries(v)[0];
    if (fn === 'get_property') return getProperty(ctx, args, null, path);
    if (fn === 'concat' && Array.isArray(args)) {
      const params: Dict = {};
      args.forEach((a, i) => (params[`$s${i}`] = translateOutputValue(ctx, a, [...path, i])));
      return { str_replace: { template: args.map((_, i) => `$s${i}`).join(''), params } };
    }
    if (fn === 'get_attribute' || fn === 'get_input' || fn === 'get_operation_output') return translateValue(ctx, v, null, path);
  }
  if (Array.isArray(v)) return v.map((item, i) => translateOutputValue(ctx, item, [...path, i]));
  return v;
}

