// HOT as YAML text: heat_template_version first, then description, parameters, resources, outputs,
// other keys after; block style, no line folding, so the output diff-reviews well.
import { stringify } from 'yaml';

const TOP_ORDER = ['heat_template_version', 'description', 'parameters', 'resources', 'outputs'];

export function toYaml(hot: object): string {
  const src = hot as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_ORDER) if (key in src) ordered[key] = src[key];
  for (const key of Object.keys(src)) if (!(key in ordered)) ordered[key] = src[key];
  return stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}
