// next-auth: the dashboard signs users in against Keystone, like Horizon. The session (an
// encrypted JWT cookie) carries the user's project-scoped Keystone token, roles and project.
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { config } from '../config';
import { log } from '../log';
import { forgetToken } from './authenticate';
import type { Identity } from './identity';
import { revoke, signIn, switchProject } from './keystone';
import { authSecret } from './secret';
import { delayBeforeAttempt, recordFailure, recordSuccess, throttleKey } from './throttle';

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 3600 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        id: 'keystone',
        name: 'Keystone',
        credentials: { domain: { type: 'text' }, username: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const domain = credentials?.domain?.trim() || config.defaultDomain;
          const username = credentials?.username?.trim() ?? '';
          const password = credentials?.password ?? '';
          if (!username || !password) return null;
          const address = String((req?.headers as Record<string, string> | undefined)?.['x-forwarded-for'] ?? 'local');
          const key = throttleKey(username, address);
          const delay = await delayBeforeAttempt(key);
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
          try {
            const identity = await signIn({ domain, username, password });
            await recordSuccess(key);
            log.info('sign-in', { user: username, project: identity.projectName });
            return { id: identity.userId, name: identity.userName, identity } as never;
          } catch (e) {
            await recordFailure(key);
            log.warn('sign-in failed', { user: username, reason: (e as Error).message });
            return null;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user) token.identity = (user as unknown as { identity: Identity }).identity;
        // The browser asks for another project through useSession().update({ projectId }).
        if (trigger === 'update' && token.identity && typeof session?.projectId === 'string') {
          const current = token.identity as Identity;
          if (session.projectId !== current.projectId) {
            const next = await switchProject(current.token, session.projectId);
            await revoke(current.token).catch(() => undefined);
            forgetToken(current.token);
            token.identity = next;
          }
        }
        return token;
      },
      async session({ session, token }) {
        const id = token.identity as Identity | undefined;
        // The browser sees who it is, never the Keystone token.
        if (id) {
          (session as unknown as Record<string, unknown>).identity = {
            userId: id.userId,
            userName: id.userName,
            projectId: id.projectId,
            projectName: id.projectName,
            roles: id.roles,
            isAdmin: id.isAdmin,
            expiresAt: id.expiresAt,
          };
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const id = token?.identity as Identity | undefined;
        if (id?.token) {
          forgetToken(id.token);
          await revoke(id.token).catch((e) => log.warn('token revocation failed', { reason: (e as Error).message }));
        }
      },
    },
  };
}
