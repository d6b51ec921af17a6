// Helpers for the TOSCA conformance tests: locate ../shared next to the repo, read and parse YAML.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import jsYaml from 'js-yaml';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const TACKER_DIR = path.join(SHARED, 'conformance/tacker-pike');
export const HT_DIR = path.join(SHARED, 'conformance/heat-translator');

export const read = (file: string) => fs.readFileSync(file, 'utf8');
/** Both sides are parsed with the same YAML parser, as PAIRS.md asks (2013-05-23 stays a string). */
export function loadYaml(file: string): Record<string, unknown> {
  const text = read(file);
  try {
    return parse(text, { uniqueKeys: false }) as Record<string, unknown>;
  } catch {
    // A few expected files use PyYAML leniencies (an unindented continuation of a quoted scalar);
    // js-yaml's core schema reads them like PyYAML while keeping dates as strings.
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>;
  }
}
/** Round-trips our data through JSON so `undefined`-valued keys cannot hide in an equality check. */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
