// HOT intrinsic functions the sandbox understands: get_param, get_resource, get_attr, get_file,
// list_join, str_replace, str_split, list_concat, map_merge. One small table, one entry per function.
import { validationError } from './errors';

export interface ResolveScope {
  /** typed parameter value (incl. OS::stack_name, OS::stack_id, OS::project_id) */
  param(name: string): unknown;
  /** what get_resource returns (usually the physical id; null before creation) */
  resourceRef(name: string): unknown;
  /** what get_attr returns (null while the resource is not created) */
  attribute(resource: string, attribute: string, path: unknown[]): unknown;
  file(key: string): string | undefined;
}

type Fn = (arg: unknown, scope: ResolveScope, resolve: (v: unknown) => unknown) => unknown;

/** Follows a get_param / get_attr path (list indexes or map keys) into a value. */
export function followPath(value: unknown, path: unknown[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || current === undefined) return null;
    if (Array.isArray(current)) current = current[Number(step)];
    else if (typeof current === 'object') current = (current as Record<string, unknown>)[String(step)];
    else return null;
  }
  return current ?? null;
}

const FUNCTIONS: Record<string, Fn> = {
  get_param: (arg, scope, resolve) => {
    const args = (Array.isArray(arg) ? arg : [arg]).map(resolve);
    if (typeof args[0] !== 'string') throw validationError('Arguments to "get_param" must be a parameter name or a list [name, path...].');
    return followPath(scope.param(args[0]), args.slice(1));
  },
  get_resource: (arg, scope) => {
    if (typeof arg !== 'string') throw validationError('Argument to "get_resource" must be a string');
    return scope.resourceRef(arg);
  },
  get_attr: (arg, scope, resolve) => {
    if (!Array.isArray(arg) || arg.length < 2) throw validationError('Arguments to "get_attr" must be of the form [resource_name, attribute, (path), ...]');
    const [resource, attribute, ...path] = arg.map(resolve);
    return scope.attribute(String(resource), String(attribute), path);
  },
  get_file: (arg, scope) => {
    const content = scope.file(String(arg));
    if (content === undefined) throw validationError(`No content found in the "files" section for get_file path: ${String(arg)}`);
    return content;
  },
  list_join: (arg, _scope, resolve) => {
    if (!Array.isArray(arg) || arg.length < 2) throw validationError('Incorrect arguments to "list_join" should be: {"list_join": [delimiter, list, ...]}');
    const delimiter = String(resolve(arg[0]));
    const items = arg.slice(1).flatMap((l) => {
      const list = resolve(l);
      return Array.isArray(list) ? list : list === null ? [] : [list];
    });
    return items.map((i) => (i === null ? '' : typeof i === 'object' ? JSON.stringify(i) : String(i))).join(delimiter);
  },
  str_replace: (arg, _scope, resolve) => {
    const spec = arg as { template?: unknown; params?: unknown };
    if (typeof spec !== 'object' || spec === null || spec.template === undefined || typeof spec.params !== 'object') {
      throw validationError('"str_replace" parameters must be a mapping with "template" and "params"');
    }
    let text = String(resolve(spec.template) ?? '');
    const params = resolve(spec.params) as Record<string, unknown>;
    // longest keys first so "$var_long" is not clobbered by "$var"
    for (const key of Object.keys(params).sort((a, b) => b.length - a.length)) {
      const value = params[key];
      text = text.split(key).join(value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    return text;
  },
  str_split: (arg, _scope, resolve) => {
    if (!Array.isArray(arg) || arg.length < 2) throw validationError('Incorrect arguments to "str_split" should be: [delimiter, string, (index)]');
    const parts = String(resolve(arg[1]) ?? '').split(String(resolve(arg[0])));
    return arg.length > 2 ? parts[Number(resolve(arg[2]))] ?? null : parts;
  },
  list_concat: (arg, _scope, resolve) => (Array.isArray(arg) ? arg.flatMap((l) => (resolve(l) as unknown[]) ?? []) : []),
  map_merge: (arg, _scope, resolve) => (Array.isArray(arg) ? Object.assign({}, ...arg.map((m) => resolve(m) ?? {})) : {}),
};

/** Recursively evaluates intrinsic functions inside `value`. */
export function resolveValue(value: unknown, scope: ResolveScope): unknown {
  const resolve = (v: unknown): unknown => resolveValue(v, scope);
  if (Array.isArray(value)) return value.map(resolve);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] in FUNCTIONS) return FUNCTIONS[keys[0]]((value as Record<string, unknown>)[keys[0]], scope, resolve);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  }
  return value;
}
