// The translation pipeline: source -> model -> HOT resources -> (Tacker post-processing) -> result.
// Every failure becomes a TemplateError with a path and, for YAML sources, a line and column.
import { assemble, heatTranslatorText } from './assemble';
import { addKeyNameParameter, translateNodes, translateOutputs } from './build';
import { createContext } from './context';
import { ToscaError, joinPath, type PathSegment, type TemplateError } from './errors';
import type { TranslationMode } from './hot';
import { describeInputs, hotParameters, resolveInputValues, type InputParameter } from './inputs';
import { buildTemplate, isDict, type Dict, type ToscaTemplate } from './model';
import { policyTranslatorFor } from './policies/registry';
import { parseYaml, YamlSourceError, type ParsedSource } from './source';
import { assembleTacker } from './tacker/pipeline';
import { applySubstitutionMappings } from './tacker/substitution';
import { nodeTranslatorFor } from './types/registry';

export interface TranslateOptions {
  /** param_values: YAML text or an object. */
  paramValues?: string | object;
  /** 'tacker' (default): Tacker's VNFD pipeline. 'heat-translator': plain heat-translator output. */
  mode?: TranslationMode;
  /** Imported type files: relative path as written in `imports` -> YAML text or data (map or lookup function). */
  imports?: Record<string, string | object> | ((path: string) => string | object | undefined);
  /** Files referenced by `get_file` (VNFC install scripts), inlined by the Tacker pipeline. */
  files?: Record<string, string>;
  /** Alarm trigger name -> alarm URL (Tacker puts the webhook URLs here). */
  alarmUrls?: Record<string, string>;
  /** Extra flavor extra_specs from configuration (Tacker's [openstack_vim] flavor_extra_specs). */
  flavorExtraSpecs?: Record<string, string>;
  /** Resource type -> property -> 'value_specs' for properties the target Heat lacks (Tacker's Kilo support). */
  unsupportedProperties?: Record<string, Record<string, string>>;
}

export interface TranslateResult {
  template: Record<string, unknown> | null;
  files: Record<string, Record<string, unknown>>;
  monitoringPolicy: Record<string, unknown> | null;
  /** monitoringPolicy as Tacker stores it (Python json.dumps formatting). */
  monitoringPolicyJson: string | null;
  scalingGroupNames: Record<string, string> | null;
  inputs: InputParameter[];
  errors: TemplateError[];
}

function failed(errors: TemplateError[], inputs: InputParameter[] = []): TranslateResult {
  return { template: null, files: {}, monitoringPolicy: null, monitoringPolicyJson: null, scalingGroupNames: null, inputs, errors };
}

export function translate(source: string | object, options: TranslateOptions = {}): TranslateResult {
  try {
    return run(source, options);
  } catch (err) {
    // Last-resort guard: translate() never throws.
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ToscaError) return failed([{ message, path: joinPath(err.path), code: err.code }]);
    return failed([{ message: `internal error: ${message}`, path: '', code: 'internal' }]);
  }
}

function run(source: string | object, options: TranslateOptions): TranslateResult {
  const mode = options.mode ?? 'tacker';
  // 1. Source
  let parsed: ParsedSource;
  if (typeof source === 'string') {
    try {
      parsed = parseYaml(source);
    } catch (err) {
      if (err instanceof YamlSourceError) return failed([{ message: err.message, path: '', code: err.code, ...err.position }]);
      throw err;
    }
  } else parsed = { data: source, locate: () => undefined };
  const locate = parsed.locate;
  const toTemplateError = (e: ToscaError, where: (p: readonly PathSegment[]) => ReturnType<typeof locate> = locate): TemplateError => ({
    message: e.message,
    path: joinPath(e.path),
    code: e.code,
    ...where(e.path),
  });
  if (!isDict(parsed.data)) return failed([{ message: 'a TOSCA template must be a YAML mapping', path: '', code: 'not_a_mapping', line: 1, column: 1 }]);

  // 2. param_values
  let params: Dict = {};
  let paramSource: ParsedSource | null = null;
  if (typeof options.paramValues === 'string' && options.paramValues.trim() !== '') {
    try {
      paramSource = parseYaml(options.paramValues);
    } catch (err) {
      if (err instanceof YamlSourceError) return failed([{ message: `param_values: ${err.message}`, path: 'param_values', code: 'bad_param_values', ...err.position }]);
      throw err;
    }
    if (paramSource.data !== null && !isDict(paramSource.data)) return failed([{ message: 'param_values must be a YAML mapping of input name to value', path: 'param_values', code: 'bad_param_values', line: 1, column: 1 }]);
    params = { ...((paramSource.data as Dict) ?? {}) };
  } else if (isDict(options.paramValues)) params = { ...options.paramValues };
  else if (options.paramValues !== undefined && typeof options.paramValues !== 'string') {
    return failed([{ message: 'param_values must be a mapping of input name to value', path: 'param_values', code: 'bad_param_values' }]);
  }
  const locateAny = (p: readonly PathSegment[]) => (p[0] === 'param_values' && paramSource ? paramSource.locate(p.slice(1)) : locate(p));

  // 3. Model
  let raw = parsed.data;
  const buildErrors: ToscaError[] = [];
  if (mode === 'tacker') {
    try {
      raw = applySubstitutionMappings(raw, params);
    } catch (err) {
      if (err instanceof ToscaError) return failed([toTemplateError(err)]);
      throw err;
    }
  }
  const template = buildTemplate(raw, buildErrors, (file, from) => loadImport(file, from, options, buildErrors));
  if (!template) return failed(buildErrors.map((e) => toTemplateError(e)));
  const inputs = describeInputs(template);
  checkSupport(template, buildErrors);
  if (buildErrors.length) return failed(buildErrors.map((e) => toTemplateError(e)), inputs);

  const inputErrors: ToscaError[] = [];
  const inputValues = resolveInputValues(template, params, inputErrors);
  if (inputErrors.length) return failed(inputErrors.map((e) => toTemplateError(e, locateAny)), inputs);

  // 4. Translation
  try {
    const ctx = createContext(template, mode, inputValues);
    translateNodes(ctx);
    const parameters = hotParameters(template, inputValues);
    addKeyNameParameter(ctx, params, parameters);
    const outputs = translateOutputs(ctx);
    const assembled = mode === 'tacker' ? assembleTacker(ctx, parameters, outputs, options) : heatTranslatorText(assemble(ctx, parameters, outputs, 'Scaling template'));
    return { ...assembled, inputs, errors: [] };
  } catch (err) {
    if (err instanceof ToscaError) return failed([toTemplateError(err, locateAny)], inputs);
    throw err;
  }
}

function loadImport(file: string, from: PathSegment[], options: TranslateOptions, errors: ToscaError[]): Dict | null {
  const lookup = options.imports;
  const content = typeof lookup === 'function' ? lookup(file) : (lookup?.[file] ?? lookup?.[file.replace(/^\.\//, '')]);
  if (content === undefined) {
    errors.push(new ToscaError(`imported file "${file}" is not available`, from, 'missing_file'));
    return null;
  }
  if (typeof content !== 'string') return isDict(content) ? content : null;
  try {
    const parsed = parseYaml(content);
    if (isDict(parsed.data)) return parsed.data;
    errors.push(new ToscaError(`imported file "${file}" is not a YAML mapping`, from, 'invalid_value'));
  } catch (err) {
    errors.push(new ToscaError(`imported file "${file}": ${(err as Error).message}`, from, 'yaml_syntax'));
  }
  return null;
}

function checkSupport(template: ToscaTemplate, errors: ToscaError[]) {
  const unsupported = (type: string) => `Type "${type}" is valid TOSCA type but translation support is not yet available.`;
  for (const node of template.nodes.values()) {
    if (!nodeTranslatorFor(template.types, node.type)) errors.push(new ToscaError(unsupported(node.type), [...node.path, 'type'], 'unsupported_type'));
  }
  for (const policy of template.policies) {
    if (!policyTranslatorFor(template.types, policy.type)) errors.push(new ToscaError(unsupported(policy.type), [...policy.path, 'type'], 'unsupported_type'));
  }
}

