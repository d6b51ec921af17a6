// Authentication of an API request: an X-Auth-Token header (validated against Keystone, with a
// short cache like keystonemiddleware) or the dashboard's next-auth session cookie.
import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { config } from '../config';
import type { Identity } from './identity';
import { identityFromToken, validate } from './keystone';
import { authSecret } from './secret';

const cache = new Map<string, { identity: Identity | null; until: number }>();
const CACHE_MAX = 5000;

export async function authenticate(req: NextRequest): Promise<Identity | null> {
  const header = req.headers.get('x-auth-token');
  if (header) return identityFromHeader(header.trim());
  return identityFromSession(req);
}

async function identityFromHeader(token: string): Promise<Identity | null> {
  const key = createHash('sha256').update(token).digest('hex');
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.identity && Date.parse(hit.identity.expiresAt) > now ? hit.identity : null;
  const info = await validate(token);
  const identity = info && info.project ? identityFromToken(info, 'token') : null;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  // Invalid tokens are cached too (briefly), so a flood of bad tokens does not flood Keystone.
  cache.set(key, { identity, until: now + (identity ? config.tokenCacheSeconds * 1000 : 5000) });
  return identity;
}

async function identityFromSession(req: NextRequest): Promise<Identity | null> {
  const jwt = await getToken({ req, secret: authSecret() });
  const identity = (jwt?.identity ?? null) as Identity | null;
  if (!identity || Date.parse(identity.expiresAt) <= Date.now()) return null;
  return { ...identity, via: 'session' };
}

/** Forget a token (after sign-out) so the cache cannot outlive the revocation. */
export function forgetToken(token: string) {
  cache.delete(createHash('sha256').update(token).digest('hex'));
}
