// What every service router receives for one request.
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  method: string;
  /** path below the service prefix, e.g. "/v3/auth/tokens" for "/identity/v3/auth/tokens" */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** parsed JSON body (undefined when empty) */
  body: unknown;
  rawBody: string;
  /** e.g. http://127.0.0.1:5100 */
  baseUrl: string;
  requestId: string;
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
