// Checking a VIM's credentials against its Keystone, step by step, so a failure says exactly
// what is wrong: the URL (unreachable, TLS, not a Keystone), the user/password (or application
// credential), or the project.
// (Tacker answered 500 for all of these.)
import { authenticate, discoverV3, HttpClient, listRegions, OpenStackError, type TokenInfo } from '../../openstack';
import { ApiError } from '../api/errors';
import type { VimCreateInput } from './attributes';

export interface VimCredentials {
  authUrl: string;
  username?: string;
  userId?: string;
  /** Application credential id: then `secret` is its secret, and no user is given. */
  appCredId?: string;
  /** The password, or the application credential's secret. */
  secret: string;
  userDomainName?: string;
  projectName?: string;
  projectId?: string;
  projectDomainName?: string;
  certVerify: boolean;
}

export interface VerifiedVim {
  /** The Keystone v3 URL found by version discovery (what is stored as auth_url). */
  authUrl: string;
  projectId: string;
  projectName: string;
  regions: string[];
}

/** Verification attempts are quick: the user is waiting for the form to answer. */
const VERIFY_HTTP = { timeoutMs: 10_000, retries: 1, backoffMs: 200 };

function vimError(field: string, kind: string, message: string, cause?: OpenStackError): ApiError {
  return new ApiError(400, 'VimVerificationFailed', message, { field, kind, ...(cause ? { upstream: cause.toJSON() } : {}) });
}

/** What a failure on the way to Keystone means for the auth URL. */
function urlProblem(url: string, e: unknown): ApiError | null {
  if (!(e instanceof OpenStackError)) return null;
  switch (e.kind) {
    case 'unreachable':
      return vimError('auth_url', 'unreachable', `Cannot reach the VIM's Keystone at ${url}: ${e.message}`, e);
    case 'timeout':
      return vimError('auth_url', 'timeout', `The VIM's Keystone at ${url} did not answer in time: ${e.message}`, e);
    case 'tls':
      return vimError(
        'auth_url',
        'tls',
        `TLS verification of ${url} failed: ${e.message}. Install a trusted certificate on the VIM, or register it with cert_verify False.`,
        e,
      );
    case 'server':
      return vimError('auth_url', 'server', `The VIM's Keystone at ${url} answered with an error: ${e.message}`, e);
    default:
      return null;
  }
}

/**
 * Version discovery, then a password check without a project (a failure here is the user or
 * password), then a project-scoped token (a failure here is the project), then the regions.
 */
export async function verifyVim(c: VimCredentials): Promise<VerifiedVim> {
  const http = new HttpClient({ ...VERIFY_HTTP, certVerify: c.certVerify });
  try {
    let v3: string;
    try {
      v3 = await discoverV3(http, c.authUrl);
    } catch (e) {
      throw urlProblem(c.authUrl, e) ?? vimError('auth_url', 'not_keystone', `${c.authUrl} is not a Keystone v3 endpoint: ${(e as Error).message}`);
    }
    if (c.appCredId) return await verifyAppCred(http, v3, c);
    const user = c.userId ? `user id ${c.userId}` : `user ${c.username} (domain ${c.userDomainName ?? 'Default'})`;
    const auth = {
      type: 'password' as const,
      password: c.secret,
      username: c.userId ? undefined : c.username,
      userId: c.userId,
      userDomainName: c.userDomainName,
    };
    try {
      await authenticate(http, { authUrl: v3, auth, scope: { unscoped: true } });
    } catch (e) {
      throw authProblem(v3, e) ?? vimError('auth_cred.password', 'auth', `Keystone at ${v3} refused the credentials of ${user}: wrong user name, domain or password (${(e as Error).message})`, e as OpenStackError);
    }
    const project = c.projectId ? `project id ${c.projectId}` : `project ${c.projectName} (domain ${c.projectDomainName ?? 'Default'})`;
    let token: TokenInfo;
    try {
      token = await authenticate(http, {
        authUrl: v3,
        auth,
        scope: c.projectId ? { projectId: c.projectId } : { projectName: c.projectName!, projectDomainName: c.projectDomainName },
      });
    } catch (e) {
      throw urlProblem(v3, e) ?? vimError('vim_project', 'project', `The credentials are valid, but ${user} cannot get a token for ${project}: unknown project or no role on it (${(e as Error).message})`, e as OpenStackError);
    }
    if (!token.project) throw vimError('vim_project', 'project', `Keystone at ${v3} did not scope the token to ${project}`);
    return { authUrl: v3, projectId: token.project.id, projectName: token.project.name, regions: await regionsOf(http, v3, token) };
  } finally {
    http.close();
  }
}

/** A failure of the first authentication that is not about the credentials. */
function authProblem(v3: string, e: unknown): ApiError | null {
  const url = urlProblem(v3, e);
  if (url) return url;
  if (e instanceof OpenStackError && e.kind === 'notFound') {
    return vimError('auth_url', 'not_keystone', `${v3} is not a Keystone v3 endpoint (POST auth/tokens answered 404)`, e);
  }
  return null;
}

/** An application credential is bound to one project: it must be the VIM's vim_project. */
async function verifyAppCred(http: HttpClient, v3: string, c: VimCredentials): Promise<VerifiedVim> {
  let token: TokenInfo;
  try {
    token = await authenticate(http, { authUrl: v3, auth: { type: 'applicationCredential', id: c.appCredId!, secret: c.secret } });
  } catch (e) {
    throw authProblem(v3, e) ?? vimError('auth_cred.application_credential_secret', 'auth', `Keystone at ${v3} refused application credential ${c.appCredId}: unknown id, wrong secret or expired (${(e as Error).message})`, e as OpenStackError);
  }
  const p = token.project;
  const matches = p && (c.projectId ? p.id === c.projectId : p.name === c.projectName && p.domain.name === (c.projectDomainName ?? 'Default'));
  if (!p || !matches) {
    const wanted = c.projectId ? `project id ${c.projectId}` : `project ${c.projectName} (domain ${c.projectDomainName ?? 'Default'})`;
    throw vimError('vim_project', 'project', `Application credential ${c.appCredId} belongs to ${p ? `project ${p.name} (${p.id})` : 'no project'}, not to ${wanted}`);
  }
  return { authUrl: v3, projectId: p.id, projectName: p.name, regions: await regionsOf(http, v3, token) };
}

/** Keystone's region list; the catalog's regions when the user may not list them. */
async function regionsOf(http: HttpClient, v3: string, token: TokenInfo): Promise<string[]> {
  try {
    const regions = await listRegions(http, { authUrl: v3, token: token.token });
    if (regions.length) return regions.map((r) => r.id).sort();
  } catch (e) {
    if (!(e instanceof OpenStackError)) throw e;
  }
  const fromCatalog = new Set<string>();
  for (const entry of token.catalog) for (const ep of entry.endpoints) if (ep.region_id ?? ep.region) fromCatalog.add((ep.region_id ?? ep.region)!);
  return [...fromCatalog].sort();
}

/** The credentials of a create body (POST /v1.0/vims, the test-connection button). */
export function credentialsOfInput(input: Pick<VimCreateInput, 'auth_url' | 'auth_cred' | 'vim_project'>): VimCredentials {
  const { auth_cred: c, vim_project: p } = input;
  return {
    authUrl: input.auth_url,
    username: c.username,
    userId: c.user_id,
    appCredId: c.application_credential_id,
    secret: (c.application_credential_id ? c.application_credential_secret : c.password) ?? '',
    userDomainName: c.user_domain_name,
    projectName: p.name,
    projectId: p.id,
    projectDomainName: p.project_domain_name,
    certVerify: c.cert_verify !== 'False',
  };
}
