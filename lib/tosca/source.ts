// YAML source handling: parse with hard limits (alias bombs, size, depth) and map TOSCA paths
// back to 1-based line/column positions. Positions are computed lazily, only when an error needs one.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import jsYaml from 'js-yaml';
import { ToscaError, type PathSegment } from './errors';

/** A VNFD is a few kilobytes (the largest shared sample is 5 KB); past 256 KB it is refused before parsing, which bounds the worst case to about 100 ms. */
export const MAX_SOURCE_CHARS = 256 * 1024;
/** Deepest nesting accepted; real templates stay under 15. */
export const MAX_DEPTH = 64;
/** Aliases that may be expanded in one document (the `yaml` package's own guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  column: number;
}

export interface ParsedSource {
  data: unknown;
  /** Position of the node at `path`, or of its deepest existing ancestor. */
  locate(path: readonly PathSegment[]): Position | undefined;
}

export class YamlSourceError extends Error {
  constructor(
    message: string,
    readonly code: 'yaml_syntax' | 'yaml_limits',
    readonly position?: Position,
  ) {
    super(message);
  }
}

/** Cheap pre-scan for bracket nesting, so a 1000-level flow collection never reaches the parser. */
function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

/** Cheap pre-scan for block nesting: a stack of indentation levels (plus inline "- " items). */
function blockDepthExceeds(text: string, limit: number): number {
  const indents: number[] = [];
  let pos = 0;
  let line = 0;
  while (pos < text.length) {
    line++;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text.charCodeAt(i) !== 35 /* # */ && text.charCodeAt(i) !== 13) {
      let indent = i - pos;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // "- - - x" nests sequences on one line.
      while (i + 1 < end && text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) {
        i += 2;
        while (i < end && text.charCodeAt(i) === 32) i++;
        indent = i - pos;
        indents.push(indent);
      }
      if (indents.length > limit) return line;
    }
    pos = end + 1;
  }
  return 0;
}

function nodeDepthExceeds(root: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push([item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
  return false;
}

export function parseYaml(text: string): ParsedSource {
  if (text.length > MAX_SOURCE_CHARS) {
    throw new YamlSourceError(`document is too large (${text.length} characters; the limit is ${MAX_SOURCE_CHARS})`, 'yaml_limits', { line: 1, column: 1 });
  }
  const deepLine = flowDepthExceeds(text, MAX_DEPTH) ? 1 : blockDepthExceeds(text, MAX_DEPTH);
  if (deepLine) throw new YamlSourceError(`document is nested deeper than ${MAX_DEPTH} levels`, 'yaml_limits', { line: deepLine, column: 1 });
  // Fast path: js-yaml is ~10x faster than the `yaml` package. It is only used when the text has no
  // aliases (js-yaml has no alias-expansion limit); positions for errors come lazily from `yaml`.
  if (!ALIAS.test(text)) {
    try {
      const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
      let located: ParsedSource | null = null;
      return {
        data,
        locate: (path) => {
          try {
            located ??= parseWithPositions(text);
            return located.locate(path);
          } catch {
            return undefined;
          }
        },
      };
    } catch {
      // Fall through: the `yaml` package reports the error with its position.
    }
  }
  return parseWithPositions(text);
}

/** Matches a YAML alias (`*name`) after whitespace or a flow indicator. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,\]}]/;

function parseWithPositions(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new YamlSourceError(`invalid YAML: ${e.message.split('\n')[0]}`, 'yaml_syntax', position(e.pos[0]));
  }
  if (nodeDepthExceeds(doc.contents, MAX_DEPTH)) {
    throw new YamlSourceError(`document is nested deeper than ${MAX_DEPTH} levels`, 'yaml_limits', { line: 1, column: 1 });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The yaml package throws a ReferenceError when alias expansion exceeds maxAliasCount.
    throw new YamlSourceError(`YAML aliases expand too much (${(err as Error).message})`, 'yaml_limits', { line: 1, column: 1 });
  }
  return { data, locate: (path) => locateIn(doc, path, position) };
}

function locateIn(doc: Document, path: readonly PathSegment[], position: (o: number | undefined) => Position | undefined): Position | undefined {
  let node: unknown = doc.contents;
  let best: Position | undefined = position((node as Node | null)?.range?.[0]);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      best = position((pair.key as Node).range?.[0]) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      best = position(item.range?.[0]) ?? best;
      node = item;
    } else if (isSeq(node)) {
      // Lists of single-key maps (requirements, policies): find the item whose key matches.
      const item = node.items.find((it) => isMap(it) && it.items.some((p) => isScalar(p.key) && String(p.key.value) === String(segment)));
      if (!item || !isMap(item)) break;
      const pair = item.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))!;
      best = position((pair.key as Node).range?.[0]) ?? best;
      node = pair.value;
    } else break;
  }
  return best;
}

export function asSourceError(err: unknown): ToscaError | null {
  return err instanceof ToscaError ? err : null;
}
