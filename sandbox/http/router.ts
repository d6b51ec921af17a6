// A minimal method + path-pattern route table (":name" segments capture one path segment).
import type { RequestContext } from '../context';
import type { Reply } from './respond';

export type Params = Record<string, string>;
/** `Extra` is what the service passes along after authentication (e.g. the caller's auth context). */
export type Handler<Extra = undefined> = (ctx: RequestContext, params: Params, extra: Extra) => Reply | Promise<Reply>;

interface Route<Extra> { method: string; segments: string[]; handler: Handler<Extra> }

export class Router<Extra = undefined> {
  private readonly routes: Route<Extra>[] = [];

  add(method: string, pattern: string, handler: Handler<Extra>): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  /** Finds the handler; returns "method-not-allowed" when the path exists for another method. */
  match(method: string, path: string): { handler: Handler<Extra>; params: Params } | 'method-not-allowed' | null {
    const parts = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : null;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: string[], parts: string[]): Params | null {
  if (pattern.length !== parts.length) return null;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
    } else if (pattern[i] !== parts[i]) return null;
  }
  return params;
}
