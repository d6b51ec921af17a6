// The translation pipeline: source -> model -> HOT resources -> (Tacker post-processing) -> result.
// Every failure becomes a TemplateError with a path and, for YAML sources, a line and column.
import { ToscaError, joinPath, type PathSegment, type TemplateError } from './errors';
import { hotDescription, mimicHeatTranslatorText } from './heat-translator-text';
import { getProperty, resolveInputs, translateValue, type FunctionHost } from './functions';
import { newResource, resourceToHot, type HotResource, type TranslationContext, type TranslationMode } from './hot';
import { describeInputs, hotParameters, resolveInputValues, type InputParameter } from './inputs';
import { buildTemplate, isDict, type Dict, type NodeTemplate, type ToscaTemplate } from './model';
import { policyTranslatorFor } from './policies/registry';
import { nestedTemplateName } from './policies/scaling';
import { parseYaml, YamlSourceError, type ParsedSource } from './source';
import { alarmMatchingMetadata } from './tacker/alarm-metadata';
import { flavorFor } from './tacker/flavor';
import { imageFor } from './tacker/image';
import { managementOutputs, managementPorts } from './tacker/management';
import { pythonJson, TACKER_VDU, vduMonitoring } from './tacker/monitoring';
import { applySubstitutionMappings } from './tacker/substitution';
import { addResourcesTpl, convertUnsupportedResProp } from './tacker/hot-utils';
import { nodeTranslatorFor } from './types/registry';
import { lifecycleOperations } from './types/software-component';
import type { NodeTranslator } from './types/translator';
import { addVolumeAttachments } from './types/volume-attachment';

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

const HOT_VERSION = '2013-05-23';

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

function createContext(template: ToscaTemplate, mode: TranslationMode, inputValues: Dict): TranslationContext & FunctionHost & { translators: Map<string, NodeTranslator> } {
  const translators = new Map<string, NodeTranslator>();
  for (const node of template.nodes.values()) translators.set(node.name, nodeTranslatorFor(template.types, node.type)!);
  const operationOutputs = collectOperationOutputs(template);
  const ctx = {
    template,
    mode,
    inputValues,
    resources: [] as HotResource[],
    byNode: new Map<string, HotResource>(),
    chainEnds: new Map<string, { first: string; last: string }>(),
    translators,
    value: (v: unknown, self: NodeTemplate | null, path: PathSegment[]) => translateValue(ctx, v, self, path),
    resolved: (v: unknown, path: PathSegment[]) => resolveInputs(ctx, v, path),
    attribute(nodeName: string, attribute: string, args: unknown[]) {
      const node = template.nodes.get(nodeName)!;
      return translators.get(nodeName)?.attribute?.(node, attribute, args, ctx);
    },
    add(resource: HotResource) {
      ctx.resources.push(resource);
      return resource;
    },
    topOfChain(nodeName: string) {
      const chain = ctx.chainEnds.get(nodeName);
      if (chain) return chain.last;
      const res = ctx.byNode.get(nodeName);
      return res && !res.hidden ? res.name : undefined;
    },
    operationOutputs: (node: string, op: string) => operationOutputs.get(`${node}.${op}`) ?? [],
  };
  return ctx;
}

/** get_operation_output references, so the producing SoftwareConfig can declare its outputs. */
function collectOperationOutputs(template: ToscaTemplate): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isDict(v)) {
      const args = v.get_operation_output;
      if (Array.isArray(args) && args.length === 4) {
        const key = `${String(args[0])}.${String(args[2])}`;
        const list = found.get(key) ?? [];
        if (!list.includes(String(args[3]))) list.push(String(args[3]));
        found.set(key, list);
      } else Object.values(v).forEach(walk);
    }
  };
  for (const node of template.nodes.values()) walk(node.raw.interfaces);
  return found;
}

function translateNodes(ctx: ReturnType<typeof createContext>) {
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
function addKeyNameParameter(ctx: ReturnType<typeof createContext>, params: Dict, parameters: Dict) {
  if (params.key_name === undefined || ctx.template.inputs.has('key_name')) return;
  parameters.key_name = { type: 'string', default: params.key_name };
  for (const res of ctx.resources) if (res.type === 'OS::Nova::Server') res.properties.key_name = { get_param: 'key_name' };
}

function translateOutputs(ctx: ReturnType<typeof createContext>): Dict {
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
function translateOutputValue(ctx: ReturnType<typeof createContext>, v: unknown, path: PathSegment[]): unknown {
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

interface Assembled {
  template: Dict;
  files: Record<string, Dict>;
  monitoringPolicy: Dict | null;
  monitoringPolicyJson: string | null;
  scalingGroupNames: Record<string, string> | null;
}

function resourcesDict(list: HotResource[], includeHidden: boolean): Dict {
  const out: Dict = {};
  for (const r of list) {
    if (r.hidden && !includeHidden) continue;
    out[r.name] = r.hidden ? { type: r.type } : resourceToHot(r);
  }
  return out;
}

/** heat-translator mode: strings as heat-translator's YAML writer leaves them (see heat-translator-text.ts). */
function heatTranslatorText(a: Assembled): Assembled {
  const fix = (hot: Dict): Dict => {
    const { heat_template_version, description, ...rest } = hot;
    return { heat_template_version, ...(description !== undefined ? { description } : {}), ...mimicHeatTranslatorText(rest) };
  };
  return { ...a, template: fix(a.template), files: Object.fromEntries(Object.entries(a.files).map(([k, v]) => [k, fix(v)])) };
}

function scalingPolicies(ctx: ReturnType<typeof createContext>) {
  return ctx.template.policies.filter((p) => ctx.template.types.isDerivedFrom('policy_types', p.type, 'tosca.policies.Scaling'));
}

/** Main HOT and, with a scaling policy, the nested member template holding every non-policy resource. */
function assemble(ctx: ReturnType<typeof createContext>, parameters: Dict, outputs: Dict, nestedDescription: string): Assembled {
  const description = ctx.template.description;
  const main: Dict = { heat_template_version: HOT_VERSION };
  if (description !== undefined) main.description = hotDescription(description);
  main.parameters = parameters;
  const files: Record<string, Dict> = {};
  const scaling = scalingPolicies(ctx);
  let scalingGroupNames: Record<string, string> | null = null;
  if (scaling.length) {
    const members = ctx.resources.filter((r) => !r.policy);
    const nested: Dict = { heat_template_version: HOT_VERSION, description: nestedDescription };
    if (Object.keys(parameters).length) nested.parameters = parameters;
    nested.resources = resourcesDict(members, true);
    files[nestedTemplateName(scaling[0].name)] = nested;
    main.resources = resourcesDict(ctx.resources.filter((r) => r.policy), false);
    scalingGroupNames = { [scaling[0].name]: `${scaling[0].name}_group` };
  } else main.resources = resourcesDict(ctx.resources, false);
  main.outputs = outputs;
  return { template: main, files, monitoringPolicy: null, monitoringPolicyJson: null, scalingGroupNames };
}

/** Tacker's post-processing (openstack/translate_template.py + tosca/utils.py, Pike) on top of assemble(). */
function assembleTacker(ctx: ReturnType<typeof createContext>, parameters: Dict, outputs: Dict, options: TranslateOptions): Assembled {
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
function inlineSoftwareConfigFiles(ctx: ReturnType<typeof createContext>, hot: Dict, files: Record<string, string> | undefined) {
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

export { newResource };
