// The one request pipeline every API route goes through, written once:
// request id -> error boundary -> authentication -> context -> body validation -> policy -> handler.
// Route handlers stay small: they declare what they need and do the work.
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { authenticate } from '../auth/authenticate';
import type { Identity } from '../auth/identity';
import { log, logContext } from '../log';
import { authorize, type PolicyTarget } from '../policy';
import { ApiError, badRequest, errorBody, forbidden, unauthorized } from './errors';
import { describeIssues } from './attributes';
import { mapUpstreamError } from './upstream-errors';

export interface ApiContext<B> {
  req: NextRequest;
  requestId: string;
  identity: Identity;
  body: B;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Checks a policy rule against a target; throws 403 (or 404 with `hideAs`, so nothing leaks). */
  authorize(rule: string, target: PolicyTarget, hideAs?: ApiError): Promise<void>;
  /** Same check, as a boolean (for filtering lists). */
  allowed(rule: string, target: PolicyTarget): Promise<boolean>;
}

export interface RouteSpec<B> {
  /** Name for logs, e.g. "vims.create". */
  name: string;
  /** Validator of the JSON body (compiled from the attribute table). */
  body?: z.ZodType<B>;
  /** Policy rule checked before the handler, with a target built from the request. */
  policy?: { rule: string; target?: (ctx: Omit<ApiContext<B>, 'authorize' | 'allowed'>) => PolicyTarget };
  /** Public routes (version discovery) skip authentication. */
  public?: boolean;
}

type Handler<B> = (ctx: ApiContext<B>) => Promise<Response | unknown>;
type NextRouteArgs = { params: Promise<Record<string, string | string[]>> };

const MAX_BODY_BYTES = 6 * 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: status === 204 ? headers : { 'content-type': 'application/json', ...headers },
  });
}

export function apiRoute<B = undefined>(spec: RouteSpec<B>, handler: Handler<B>) {
  return async (req: NextRequest, args: NextRouteArgs): Promise<Response> => {
    const requestId = `req-${randomUUID()}`;
    const started = performance.now();
    const store: { requestId: string; user?: string; project?: string } = { requestId };
    return logContext.run(store, async () => {
      let response: Response;
      try {
        response = await runPipeline(spec, handler, req, args, requestId, store);
      } catch (err) {
        response = errorResponse(err, spec.name);
      }
      response.headers.set('x-openstack-request-id', requestId);
      log.info('request', {
        route: spec.name,
        method: req.method,
        path: req.nextUrl.pathname,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
      });
      return response;
    });
  };
}

async function runPipeline<B>(
  spec: RouteSpec<B>,
  handler: Handler<B>,
  req: NextRequest,
  args: NextRouteArgs,
  requestId: string,
  store: { user?: string; project?: string },
): Promise<Response> {
  const identity = spec.public ? anonymous() : await authenticate(req);
  if (!identity) throw unauthorized();
  store.user = identity.userName;
  store.project = identity.projectId;
  if (identity.via === 'session' && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);

  const params = Object.fromEntries(Object.entries((await args?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
  const body = spec.body ? await readBody(req, spec.body) : (undefined as B);

  const check = async (rule: string, target: PolicyTarget) => authorize(rule, target, identity);
  const base = { req, requestId, identity, body, params, query: req.nextUrl.searchParams };
  const ctx: ApiContext<B> = {
    ...base,
    allowed: check,
    async authorize(rule, target, hideAs) {
      if (!(await check(rule, target))) throw hideAs ?? forbidden(`Policy doesn't allow ${rule} to be performed.`);
    },
  };
  if (spec.policy) await ctx.authorize(spec.policy.rule, spec.policy.target ? spec.policy.target(base) : { tenant_id: identity.projectId });

  const result = await handler(ctx);
  return result instanceof Response ? result : json(result);
}

async function readBody<B>(req: NextRequest, schema: z.ZodType<B>): Promise<B> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, 'RequestEntityTooLarge', `Request body is larger than ${MAX_BODY_BYTES} bytes`);
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw badRequest(`Malformed request body: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { message, detail } = describeIssues(parsed.error.issues);
    throw badRequest(message, detail);
  }
  return parsed.data;
}

/** Browser sessions carry a cookie: refuse mutations that another site made the browser send. */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get('origin');
  const fetchSite = req.headers.get('sec-fetch-site');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  const sameOrigin = origin ? safeHost(origin) === host : fetchSite === 'same-origin' || fetchSite === null;
  if (!sameOrigin || (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')) {
    throw new ApiError(403, 'CrossSiteRequestRefused', 'Cross-site request refused: mutations with a session cookie must come from this site');
  }
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function anonymous(): Identity {
  return { userId: '', userName: 'anonymous', domainId: '', projectId: '', projectName: '', roles: [], isAdmin: false, token: '', expiresAt: '', via: 'token' };
}

function errorResponse(err: unknown, route: string): Response {
  const apiError = err instanceof ApiError ? err : mapUpstreamError(err);
  if (apiError) return json(errorBody(apiError), apiError.status);
  log.error('unhandled error', { route, error: err instanceof Error ? err.stack : String(err) });
  return json(errorBody(new ApiError(500, 'InternalServerError', 'An unexpected error occurred; see the server log for this request id')), 500);
}
