// Server settings, read once from the environment (defaults: the embedded sandbox cloud).
export const config = {
  /** Keystone v3 that users sign in against (Horizon's OPENSTACK_KEYSTONE_URL). */
  keystoneUrl: process.env.TRELLIS_KEYSTONE_URL || 'http://127.0.0.1:5100/identity/v3',
  /** The domain pre-filled on the sign-in form. */
  defaultDomain: process.env.TRELLIS_DEFAULT_DOMAIN || 'Default',
  /** How long a validated X-Auth-Token is trusted before asking Keystone again (keystonemiddleware: token_cache_time). */
  tokenCacheSeconds: Number(process.env.TRELLIS_TOKEN_CACHE_SECONDS || 60),
  /** Sign-in throttle: failures allowed before each further attempt is delayed. */
  signInFreeFailures: 3,
};
