// Assembles the HOT documents: the main template and, with a scaling policy, the nested member
// template (<policy>_res.yaml) holding every resource that is not a policy resource.
import type { Context } from './context';
import { hotDescription, mimicHeatTranslatorText } from './heat-translator-text';
import { resourceToHot, type HotResource } from './hot';
import type { Dict } from './model';
import { nestedTemplateName } from './policies/scaling';

const HOT_VERSION = '2013-05-23';

export interface Assembled {
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
export function heatTranslatorText(a: Assembled): Assembled {
  const fix = (hot: Dict): Dict => {
    const { heat_template_version, description, ...rest } = hot;
    return { heat_template_version, ...(description !== undefined ? { description } : {}), ...mimicHeatTranslatorText(rest) };
  };
  return { ...a, template: fix(a.template), files: Object.fromEntries(Object.entries(a.files).map(([k, v]) => [k, fix(v)])) };
}

function scalingPolicies(ctx: Context) {
  return ctx.template.policies.filter((p) => ctx.template.types.isDerivedFrom('policy_types', p.type, 'tosca.policies.Scaling'));
}

/** Main HOT and, with a scaling policy, the nested member template holding every non-policy resource. */
export function assemble(ctx: Context, parameters: Dict, outputs: Dict, nestedDescription: string): Assembled {
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

