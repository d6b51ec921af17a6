// Heat's wording for a property that names something that does not exist.
import { ResourceFailure } from '../errors';
import type { PluginContext } from './types';

export function propertyError(ctx: PluginContext, property: string, message: string): ResourceFailure {
  const name = ctx.resource.name;
  return new ResourceFailure(`StackValidationFailed: resources.${name}: Property error: ${name}.Properties.${property}: ${message}`);
}

export function requireString(ctx: PluginContext, props: Record<string, unknown>, key: string): string {
  const v = props[key];
  if (v === undefined || v === null || v === '') throw propertyError(ctx, key, `Property ${key} not assigned`);
  return String(v);
}
