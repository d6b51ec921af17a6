// Errors from the clouds Trellis talks to, as API errors: the cloud's own message, a 4xx that
// says what failed. (Tacker turned all of these into 500s.)
import { OpenStackError } from '@/lib/openstack/errors';
import { ApiError } from './errors';

const STATUS_BY_KIND: Record<OpenStackError['kind'], { status: number; type: string }> = {
  unreachable: { status: 502, type: 'CloudUnreachable' },
  tls: { status: 502, type: 'CloudTLSError' },
  timeout: { status: 504, type: 'CloudTimeout' },
  auth: { status: 502, type: 'CloudAuthenticationFailed' },
  notFound: { status: 404, type: 'CloudResourceNotFound' },
  conflict: { status: 409, type: 'CloudConflict' },
  badRequest: { status: 400, type: 'CloudBadRequest' },
  server: { status: 502, type: 'CloudServerError' },
};

export function mapUpstreamError(err: unknown): ApiError | null {
  if (!(err instanceof OpenStackError)) return null;
  const { status, type } = STATUS_BY_KIND[err.kind];
  return new ApiError(status, type, `${err.service}: ${err.message}`, err.toJSON());
}
