// topology_template.inputs -> HOT parameters (types and constraints as heat-translator maps them),
// with param_values applied as defaults and checked against the input's type and constraints.
import { ToscaError, type PathSegment } from './errors';
import { isDict, type Dict, type InputDef, type ToscaTemplate } from './model';
import { sizeToGiBCeil } from './units';

/** An input as the launch form needs it. */
export interface InputParameter {
  name: string;
  /** TOSCA type (string, integer, scalar-unit.size, ...). */
  type: string;
  /** HOT parameter type (string, number, boolean, ...). */
  heatType: string;
  description?: string;
  default?: unknown;
  allowedValues?: unknown[];
  /** The TOSCA constraints as written (valid_values, in_range, ...). */
  constraints: Dict[];
  required: boolean;
}

const HOT_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  timestamp: 'string',
  'scalar-unit.size': 'number',
  version: 'string',
  null: 'string',
  PortDef: 'number',
  list: 'comma_delimited_list',
  map: 'json',
};

export function describeInputs(template: ToscaTemplate): InputParameter[] {
  return [...template.inputs.values()].map((i) => {
    const allowed = i.constraints.find((c) => Array.isArray(c.valid_values))?.valid_values as unknown[] | undefined;
    return {
      name: i.name,
      type: i.type,
      heatType: HOT_TYPES[i.type] ?? 'string',
      ...(i.description !== undefined ? { description: i.description } : {}),
      ...(i.default !== undefined ? { default: i.default } : {}),
      ...(allowed ? { allowedValues: allowed } : {}),
      constraints: i.constraints,
      required: i.required && i.default === undefined,
    };
  });
}

/** Coerces a param value to the input's type the way tosca-parser's validate_datatype does. */
function coerce(input: InputDef, value: unknown, path: PathSegment[]): unknown {
  const bad = (what: string) => new ToscaError(`value ${JSON.stringify(value)} for input "${input.name}" is not ${what}`, path, 'bad_param_values');
  switch (input.type) {
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (!Number.isInteger(n)) throw bad('an integer');
      return n;
    }
    case 'float': {
      const n = typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
      if (typeof n !== 'number') throw bad('a number');
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'True') return true;
      if (value === 'false' || value === 'False') return false;
      throw bad('a boolean');
    }
    case 'string':
      if (typeof value === 'object' && value !== null) throw bad('a string');
      return value;
    case 'scalar-unit.size':
      if (sizeToGiBCeil(value) === null) throw bad('a size such as "1 GB"');
      return value;
    case 'list':
      if (!Array.isArray(value)) throw bad('a list');
      return value;
    case 'map':
      if (!isDict(value)) throw bad('a mapping');
      return value;
    default:
      return value;
  }
}

function checkConstraints(input: InputDef, value: unknown, path: PathSegment[]) {
  for (const c of input.constraints) {
    const [op, arg] = Object.entries(c)[0] ?? [];
    let ok = true;
    const num = typeof value === 'number' ? value : NaN;
    const len = typeof value === 'string' || Array.isArray(value) ? value.length : NaN;
    switch (op) {
      case 'valid_values':
        ok = Array.isArray(arg) && arg.some((a) => a === value || String(a) === String(value));
        break;
      case 'equal':
        ok = arg === value;
        break;
      case 'greater_than':
        ok = num > Number(arg);
        break;
      case 'greater_or_equal':
        ok = num >= Number(arg);
        break;
      case 'less_than':
        ok = num < Number(arg);
        break;
      case 'less_or_equal':
        ok = num <= Number(arg);
        break;
      case 'in_range':
        ok = Array.isArray(arg) && num >= Number(arg[0]) && num <= Number(arg[1]);
        break;
      case 'length':
        ok = len === Number(arg);
        break;
      case 'min_length':
        ok = len >= Number(arg);
        break;
      case 'max_length':
        ok = len <= Number(arg);
        break;
      case 'pattern':
        try {
          ok = typeof value === 'string' && new RegExp(`^(?:${String(arg)})$`).test(value);
        } catch {
          ok = true;
        }
        break;
    }
    if (!ok) throw new ToscaError(`value ${JSON.stringify(value)} for input "${input.name}" violates constraint ${op}: ${JSON.stringify(arg)}`, path, 'bad_param_values');
  }
}

/** Effective input values: param_values over defaults, coerced and validated. */
export function resolveInputValues(template: ToscaTemplate, params: Dict, errors: ToscaError[]): Dict {
  const values: Dict = {};
  for (const input of template.inputs.values()) {
    const fromParams = Object.prototype.hasOwnProperty.call(params, input.name);
    const path: PathSegment[] = fromParams ? ['param_values', input.name] : ['topology_template', 'inputs', input.name, 'default'];
    const raw = fromParams ? params[input.name] : input.default;
    if (raw === undefined || raw === null) continue;
    try {
      const value = coerce(input, raw, path);
      checkConstraints(input, input.type === 'scalar-unit.size' ? raw : value, path);
      values[input.name] = value;
    } catch (err) {
      if (err instanceof ToscaError) errors.push(err);
      else throw err;
    }
  }
  return values;
}

function hotConstraint(op: string, arg: unknown): Dict | null {
  switch (op) {
    case 'equal':
      return { allowed_values: [arg] };
    case 'valid_values':
      return { allowed_values: arg };
    case 'greater_than':
      return { range: { min: Number(arg) + 1 } };
    case 'greater_or_equal':
      return { range: { min: arg } };
    case 'less_than':
      return { range: { max: Number(arg) - 1 } };
    case 'less_or_equal':
      return { range: { max: arg } };
    case 'in_range':
      return Array.isArray(arg) ? { range: { min: Math.min(...arg.map(Number)), max: Math.max(...arg.map(Number)) } } : null;
    case 'length':
      return { length: { min: arg, max: arg } };
    case 'min_length':
      return { length: { min: arg } };
    case 'max_length':
      return { length: { max: arg } };
    case 'pattern':
      return { allowed_pattern: arg };
  }
  return null;
}

export function hotParameters(template: ToscaTemplate, values: Dict): Dict {
  const out: Dict = {};
  for (const input of template.inputs.values()) {
    const param: Dict = { type: HOT_TYPES[input.type] ?? 'string' };
    if (input.description !== undefined) param.description = input.description;
    let value = values[input.name];
    if (value !== undefined && input.type === 'scalar-unit.size') value = sizeToGiBCeil(value);
    if (value !== undefined) param.default = value;
    const constraints = input.constraints.map((c) => hotConstraint(...(Object.entries(c)[0] as [string, unknown]))).filter((c): c is Dict => c !== null);
    if (constraints.length) param.constraints = constraints;
    out[input.name] = param;
  }
  return out;
}
