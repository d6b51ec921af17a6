// The translation context the type and policy modules work against: the resources built so far, the
// node -> resource map, and the function translation (get_input, get_attribute...) bound to the template.
import type { PathSegment } from './errors';
import { resolveInputs, translateValue, type FunctionHost } from './functions';
import type { HotResource, TranslationContext, TranslationMode } from './hot';
import { isDict, type Dict, type NodeTemplate, type ToscaTemplate } from './model';
import { nodeTranslatorFor } from './types/registry';
import type { NodeTranslator } from './types/translator';

export type Context = TranslationContext & FunctionHost & { translators: Map<string, NodeTranslator> };

export function createContext(template: ToscaTemplate, mode: TranslationMode, inputValues: Dict): Context {
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

