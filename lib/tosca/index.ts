// Public API of the TOSCA -> Heat HOT translator. Pure: no Node built-ins, runs in the browser too.
export { translate } from './translate';
export type { TranslateOptions, TranslateResult } from './translate';
export type { TemplateError, ErrorCode } from './errors';
export type { InputParameter } from './inputs';
export { toYaml } from './yaml-out';
export { NODE_TYPE_CATALOG, POLICY_TYPE_CATALOG } from './catalog';
export type { CatalogType, CatalogProperty, CatalogCapability } from './catalog';
export { pythonJson } from './tacker/monitoring';
export { inspectVnfd } from './tacker/inspect';
export type { VnfdFacts } from './tacker/inspect';
export { addResourcesTpl, convertUnsupportedResProp } from './tacker/hot-utils';
export { applySubstitutionMappings } from './tacker/substitution';
