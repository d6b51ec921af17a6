// heat-translator writes the HOT with PyYAML and then deletes every single quote and collapses blank
// lines (HotTemplate.output_to_yaml), while the description is re-wrapped with textwrap. Its expected
// outputs (and Heat, which reads that text) see the result, so we reproduce the effect on the data:
// quotes vanish ("application's" -> "applications"), quoted multi-line strings fold into one line.
import { isDict } from './model';

/** Top-level description: whitespace-normalised, as a folded block (ends with a newline). */
export function hotDescription(description: string): string {
  return `${description.split(/\s+/).filter(Boolean).join(' ')}\n`;
}

function foldString(s: string): string {
  if (!s.includes("'") && !s.includes('\n')) return s;
  return s
    .replace(/'/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/** Applies the quote/blank-line rewrite to every string value below the top level. */
export function mimicHeatTranslatorText<T>(value: T): T {
  if (typeof value === 'string') return foldString(value) as T;
  if (Array.isArray(value)) return value.map((v) => mimicHeatTranslatorText(v)) as T;
  if (isDict(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mimicHeatTranslatorText(v);
    return out as T;
  }
  return value;
}
