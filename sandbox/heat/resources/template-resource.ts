// A resource whose type is a template file from `files` (e.g. "SP1_res.yaml"): a nested stack whose
// parameters are the resource's properties and whose attributes are the nested stack's outputs.
import { HeatError, ResourceFailure } from '../errors';
import { asTemplate } from '../template';
import { followPath } from '../intrinsics';
import { heatSuffix } from '../../util';
import type { PluginContext, ResourcePlugin } from './types';

export function fileTemplate(files: Record<string, string>, type: string): Record<string, unknown> | undefined {
  const text = files[type];
  if (text === undefined) return undefined;
  try {
    return asTemplate(text, `template file ${type}`);
  } catch (e) {
    if (e instanceof HeatError) throw new ResourceFailure(`StackValidationFailed: ${e.message}`);
    throw e;
  }
}

function nestedOutputs(ctx: PluginContext): Record<string, unknown> {
  return ctx.resource.nestedStackId ? ctx.engine.outputs(ctx.resource.nestedStackId) : {};
}

export const templateResource: ResourcePlugin = {
  create: (ctx, props) => {
    const template = fileTemplate(ctx.stack.files, ctx.resolvedType);
    if (!template) throw new ResourceFailure(`StackValidationFailed: The Resource Type (${ctx.resource.type}) could not be found.`);
    const name = `${ctx.stack.name}-${ctx.resource.name}-${heatSuffix()}`;
    const id = ctx.engine.createNestedStack(ctx.stack, ctx.resource, template, props, name);
    ctx.resource.nestedStackId = id;
    ctx.resource.physicalId = id;
  },
  update: (ctx, props) => {
    const template = fileTemplate(ctx.stack.files, ctx.resolvedType);
    if (!template || !ctx.resource.nestedStackId) throw new ResourceFailure(`The Resource Type (${ctx.resource.type}) could not be found.`);
    // even when the group only touches a member, its own resources stay as they are (unchanged
    // properties): Heat then reports just the member stack UPDATE_COMPLETE
    ctx.engine.updateStack(ctx.resource.nestedStackId, template, props, false);
  },
  delete: (ctx) => {
    if (ctx.resource.nestedStackId) ctx.engine.deleteStack(ctx.resource.nestedStackId);
  },
  attributes: (ctx) => nestedOutputs(ctx),
  attribute: (ctx, name, path) => followPath(nestedOutputs(ctx)[name] ?? null, path),
};
