// Template validation as Heat does it at create/update/validate: structure, parameters (given,
// missing, undeclared references), resource types (incl. template files and registry aliases).
import { HeatError, validationError } from './errors';
import { RESOURCE_TYPES } from './resources';
import { fileTemplate } from './resources/template-resource';
import {
  checkParameterReferences, outputDefinitions, parameterDefinitions, resolveParameters, resourceDefinitions,
  type ResourceDefinition, type Template,
} from './template';

/** nested template files may use further files, but not endlessly (a.yaml of type a.yaml) */
const MAX_NESTING = 5;

/** Follows the environment's resource_registry (aliases may chain, bounded). */
export function resolveType(registry: Record<string, string>, type: string): string {
  let current = type;
  for (let i = 0; i < 5 && registry[current] !== undefined && registry[current] !== current; i++) current = registry[current];
  return current;
}

export function validateTemplate(template: Template, files: Record<string, string>, parameters: Record<string, unknown>, registry: Record<string, string>): Record<string, ResourceDefinition> {
  const defs = resourceDefinitions(template);
  const outputs = outputDefinitions(template);
  const declared = parameterDefinitions(template);
  for (const name of Object.keys(parameters)) {
    if (!(name in declared)) throw new HeatError(400, 'UnknownUserParameter', `The Parameter (${name}) was not defined in template.`);
  }
  resolveParameters(template, parameters);
  const declaredNames = Object.keys(declared);
  for (const [name, def] of Object.entries(defs)) checkParameterReferences(def.properties, declaredNames, name);
  for (const [key, output] of Object.entries(outputs)) checkParameterReferences(output, declaredNames, `outputs.${key}`);
  for (const [name, def] of Object.entries(defs)) {
    validateType(def.type, files, registry, 0);
    if (resolveType(registry, def.type) === 'OS::Heat::AutoScalingGroup') {
      const member = def.properties.resource as { type?: unknown } | undefined;
      if (member && typeof member.type === 'string') validateType(member.type, files, registry, 0);
      else if (!member) throw validationError(`Property error: resources.${name}.properties: Property resource not assigned`);
    }
  }
  return defs;
}

function validateType(alias: string, files: Record<string, string>, registry: Record<string, string>, depth: number): void {
  if (depth > MAX_NESTING) throw validationError(`Recursion depth exceeds ${MAX_NESTING}.`);
  const type = resolveType(registry, alias);
  if (RESOURCE_TYPES[type]) return;
  if (!(type in files)) throw validationError(`The Resource Type (${alias}) could not be found.`);
  let nested: Template | undefined;
  try {
    nested = fileTemplate(files, type);
  } catch (e) {
    throw validationError((e as Error).message);
  }
  if (nested) {
    for (const def of Object.values(resourceDefinitions(nested))) validateType(def.type, files, registry, depth + 1);
  }
}
