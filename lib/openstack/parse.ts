// zod at the boundary: every body an OpenStack service returns is checked against
// the shape we rely on before any code reads it. A mismatch is a typed 'server'
// error naming the field, never an undefined-property crash later on.
import type { z } from 'zod';
import { OpenStackError, type ServiceName } from './errors';
import type { HttpResponse } from './http';

export function parseBody<S extends z.ZodType>(
  schema: S,
  res: Pick<HttpResponse, 'body' | 'status' | 'requestId' | 'url'>,
  service: ServiceName,
  what: string,
): z.output<S> {
  const result = schema.safeParse(res.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length ? issue.path.join('.') : '(body)';
  return fail(service, res, `${service} answered ${what} with an unexpected body: ${field}: ${issue?.message ?? 'invalid'}`);
}

function fail(service: ServiceName, res: Pick<HttpResponse, 'status' | 'requestId' | 'url'>, message: string): never {
  throw new OpenStackError({ kind: 'server', service, status: res.status, requestId: res.requestId, url: res.url, message });
}
