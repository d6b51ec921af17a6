// TOSCA intrinsic functions -> HOT: get_input -> get_param, get_attribute -> get_attr via the node's
// translator, get_property -> the resolved value, concat -> str_replace, get_operation_output -> get_attr.
import { ToscaError, type PathSegment } from './errors';
import { isDict, type Dict, type NodeTemplate, type ToscaTemplate } from './model';

export interface FunctionHost {
  template: ToscaTemplate;
  attribute(nodeName: string, attribute: string, args: unknown[], path: PathSegment[]): unknown;
  inputValues: Dict;
}

function single(v: unknown): [string, unknown] | null {
  if (!isDict(v)) return null;
  const keys = Object.keys(v);
  return keys.length === 1 ? [keys[0], v[keys[0]]] : null;
}

export function checkInput(host: FunctionHost, name: unknown, path: PathSegment[]): string {
  const n = Array.isArray(name) ? name[0] : name;
  if (typeof n !== 'string' || !host.template.inputs.has(n)) {
    throw new ToscaError(`get_input refers to undefined input "${String(n)}"`, path, 'bad_reference');
  }
  return n;
}

export function translateValue(host: FunctionHost, v: unknown, self: NodeTemplate | null, path: PathSegment[]): unknown {
  const fn = single(v);
  if (fn) {
    const [name, args] = fn;
    switch (name) {
      case 'get_input':
        return { get_param: checkInput(host, args, path) };
      case 'get_property': {
        // The property's own value may hold functions (get_input) that need translating too.
        const owner = resolvePropertyOwner(host, args, self);
        return translateValue(host, getProperty(host, args, self, path), owner, path);
      }
      case 'get_attribute': {
        const a = Array.isArray(args) ? args : [];
        const target = a[0] === 'SELF' && self ? self.name : String(a[0]);
        if (!host.template.nodes.has(target)) throw new ToscaError(`get_attribute refers to missing node template "${target}"`, path, 'bad_reference');
        return host.attribute(target, String(a[1]), a, path);
      }
      case 'get_operation_output': {
        const a = Array.isArray(args) ? args.map(String) : [];
        if (a.length !== 4) throw new ToscaError('get_operation_output needs [node, interface, operation, output]', path, 'invalid_value');
        return { get_attr: [`${a[0]}_${a[2]}_deploy`, a[3]] };
      }
      case 'concat': {
        if (!Array.isArray(args)) throw new ToscaError('concat needs a list', path, 'invalid_value');
        const params: Dict = {};
        let tpl = '';
        args.forEach((part, i) => {
          params[`$s${i}`] = translateValue(host, part, self, [...path, i]);
          tpl += `$s${i}`;
        });
        return { str_replace: { template: tpl, params } };
      }
    }
  }
  if (Array.isArray(v)) return v.map((item, i) => translateValue(host, item, self, [...path, i]));
  if (isDict(v)) {
    const out: Dict = {};
    for (const [k, item] of Object.entries(v)) out[k] = translateValue(host, item, self, [...path, k]);
    return out;
  }
  return v;
}

/** Replaces get_input with the input's value (param value or default); other values unchanged. */
export function resolveInputs(host: FunctionHost, v: unknown, path: PathSegment[]): unknown {
  const fn = single(v);
  if (fn && fn[0] === 'get_input') return host.inputValues[checkInput(host, fn[1], path)];
  return v;
}

export function getProperty(host: FunctionHost, args: unknown, self: NodeTemplate | null, path: PathSegment[]): unknown {
  if (!Array.isArray(args) || args.length < 2) throw new ToscaError('get_property needs [node, property]', path, 'invalid_value');
  const nodeName = args[0] === 'SELF' ? self?.name : String(args[0]);
  const node = nodeName ? host.template.nodes.get(nodeName) : undefined;
  if (!node) throw new ToscaError(`get_property refers to missing node template "${String(args[0])}"`, path, 'bad_reference');
  const [, second, ...rest] = args.map((a) => (typeof a === 'number' ? a : String(a)));
  let value: unknown;
  let remaining: Array<string | number> = rest;
  if (typeof second === 'string' && second in node.properties) {
    value = node.properties[second];
  } else if (typeof second === 'string' && node.capabilities[second] && rest.length && String(rest[0]) in node.capabilities[second]) {
    value = node.capabilities[second][String(rest[0])];
    remaining = rest.slice(1);
  } else {
    const req = node.requirements.find((r) => r.name === second);
    const target = req ? host.template.nodes.get(req.node) : undefined;
    const prop = String(rest[0]);
    if (target && target.capabilities[String(second)] && prop in target.capabilities[String(second)]) value = target.capabilities[String(second)][prop];
    else if (target && prop in target.properties) value = target.properties[prop];
    else if (target) value = Object.values(target.capabilities).find((c) => prop in c)?.[prop];
    else throw new ToscaError(`get_property: "${nodeName}" has no property, capability or requirement "${String(second)}"`, path, 'bad_reference');
    remaining = rest.slice(1);
  }
  for (const key of remaining) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isDict(value)) value = value[String(key)];
    else {
      value = undefined;
      break;
    }
  }
  if (value === undefined) throw new ToscaError(`get_property: could not resolve ${JSON.stringify(args)}`, path, 'bad_reference');
  return value;
}

function resolvePropertyOwner(host: FunctionHost, args: unknown, self: NodeTemplate | null): NodeTemplate | null {
  if (!Array.isArray(args)) return self;
  return args[0] === 'SELF' ? self : (host.template.nodes.get(String(args[0])) ?? self);
}
