// Token check for the non-identity services, answering like keystonemiddleware does.
import { header, type RequestContext } from '../context';
import type { Reply } from './respond';
import type { AuthContext, Keystone } from '../keystone/tokens';
import { SERVICE_PATHS } from '../keystone/catalog';

export function unauthorizedReply(ctx: RequestContext, requestIdHeader: string): Reply {
  return {
    status: 401,
    headers: { 'WWW-Authenticate': `Keystone uri="${ctx.baseUrl}${SERVICE_PATHS.identity}"`, [requestIdHeader]: ctx.requestId },
    body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } },
  };
}

/** The caller's auth context, or null when X-Auth-Token is missing, expired or revoked. */
export function serviceAuth(keystone: Keystone, ctx: RequestContext): AuthContext | null {
  const auth = keystone.authContext(header(ctx, 'x-auth-token'));
  return auth && auth.project ? auth : null;
}
