// The contract every node-type module implements, and helpers they share.
import type { HotResource, TranslationContext } from '../hot';
import type { NodeTemplate, Requirement } from '../model';

export interface NodeTranslator {
  /** The TOSCA type this module translates (subtypes use it too unless they have their own module). */
  toscaType: string;
  description: string;
  /** Heat resource type produced for the node (documentation / catalog). */
  heatType: string | null;
  /** Phase 1: create the node's main resource (null: the node has no resource of its own). */
  create(node: NodeTemplate, ctx: TranslationContext): HotResource | null;
  /** Phase 2 runs in this order (lower first): servers before the ports that attach to them. */
  fillOrder?: number;
  /** Phase 2: fill properties; every resource exists at this point. */
  fill?(node: NodeTemplate, resource: HotResource | null, ctx: TranslationContext): void;
  /** Requirements this module turns into properties rather than `depends_on`. */
  consumes?(req: Requirement, ctx: TranslationContext): boolean;
  /** HOT expression for a TOSCA attribute; undefined when it has no HOT equivalent. */
  attribute?(node: NodeTemplate, attribute: string, args: unknown[], ctx: TranslationContext): unknown;
}

export function isRelationship(ctx: TranslationContext, req: Requirement, base: string): boolean {
  return ctx.template.types.isDerivedFrom('relationship_types', req.relationship, base);
}

/** Inserts keeping `order` ascending and insertion order among equals (bisect_right). */
export function insertByOrder<T extends { order: number }>(list: T[], item: T) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (item.order < list[mid].order) hi = mid;
    else lo = mid + 1;
  }
  list.splice(lo, 0, item);
}
