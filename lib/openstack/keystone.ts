// Keystone v3 (identity): version discovery, password / application-credential /
// token authentication, project scope, token validation and revocation, the
// projects a token may scope to, regions, and service catalog endpoint selection.
// Also the Session: a scoped token that renews itself before it expires (or when a
// service answers 401) and sends authenticated requests to catalog endpoints.
import { z } from 'zod';
import { OpenStackError } from './errors';
import { HttpClient, joinUrl, queryString, type HttpRequest, type HttpResponse } from './http';
import { parseBody } from './parse';

// ---------------------------------------------------------------- shapes (zod)

const nameId = z.object({ id: z.string(), name: z.string() });

const endpointSchema = z.object({
  id: z.string().optional(),
  interface: z.string(),
  region_id: z.string().nullish(),
  region: z.string().nullish(),
  url: z.string(),
});

const catalogEntrySchema = z.object({
  id: z.string().optional(),
  type: z.string(),
  name: z.string().optional(),
  endpoints: z.array(endpointSchema),
});

const tokenSchema = z.object({
  methods: z.array(z.string()),
  user: z.object({ id: z.string(), name: z.string(), domain: nameId }),
  expires_at: z.string(),
  issued_at: z.string().optional(),
  audit_ids: z.array(z.string()).optional(),
  project: z.object({ id: z.string(), name: z.string(), domain: nameId }).optional(),
  domain: nameId.optional(),
  roles: z.array(nameId).optional(),
  catalog: z.array(catalogEntrySchema).optional(),
  application_credential: z.object({ id: z.string(), name: z.string().optional(), restricted: z.boolean().optional() }).optional(),
});

const tokenBodySchema = z.object({ token: tokenSchema });

const versionSchema = z.object({
  id: z.string(),
  status: z.string().optional(),
  links: z.array(z.object({ rel: z.string(), href: z.string() })).optional(),
});
// GET / -> 300 {"versions": {"values": [...]}};  GET /v3 -> 200 {"version": {...}}
const discoverySchema = z.union([
  z.object({ versions: z.object({ values: z.array(versionSchema) }) }),
  z.object({ version: versionSchema }),
]);

const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  description: z.string().nullish(),
  enabled: z.boolean().optional(),
  parent_id: z.string().nullish(),
});
const projectsBodySchema = z.object({ projects: z.array(projectSchema) });

const regionSchema = z.object({
  id: z.string(),
  description: z.string().nullish(),
  parent_region_id: z.string().nullish(),
});
const regionsBodySchema = z.object({ regions: z.array(regionSchema) });
const catalogBodySchema = z.object({ catalog: z.array(catalogEntrySchema) });

// ---------------------------------------------------------------- public types

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface NameAndId {
  id: string;
  name: string;
}

export interface TokenInfo {
  /** The token itself (X-Subject-Token); send as X-Auth-Token. */
  token: string;
  expiresAt: Date;
  issuedAt: Date | null;
  methods: string[];
  user: NameAndId & { domain: NameAndId };
  /** null for unscoped / domain-scoped tokens. */
  project: (NameAndId & { domain: NameAndId }) | null;
  roles: NameAndId[];
  catalog: CatalogEntry[];
  applicationCredentialId: string | null;
  auditIds: string[];
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
}

export interface Region {
  id: string;
  description: string;
  parentRegionId: string | null;
}

export type AuthMethod =
  | {
      type: 'password';
      password: string;
      /** username (needs a user domain, default "Default") or userId */
      username?: string;
      userId?: string;
      userDomainName?: string;
      userDomainId?: string;
    }
  | { type: 'applicationCredential'; id: string; secret: string }
  | { type: 'token'; token: string };

export type Scope =
  | { projectId: string }
  | { projectName: string; projectDomainName?: string; projectDomainId?: string }
  | { unscoped: true };

// ---------------------------------------------------------------- version discovery

const discoveredV3 = new Map<string, string>();

/**
 * The v3 base URL for an auth URL given with or without "/v3" (e.g. "http://h:5000",
 * "http://h:5000/v3/", "https://h/identity"). Asks Keystone when the URL does not end
 * in /v3; falls back to appending /v3 when the root does not answer with a version list.
 */
export async function discoverV3(http: HttpClient, authUrl: string): Promise<string> {
  const trimmed = authUrl.trim().replace(/\/+$/, '');
  if (/\/v3$/.test(trimmed)) return trimmed;
  const cached = discoveredV3.get(trimmed);
  if (cached) return cached;

  let res: HttpResponse;
  try {
    res = await http.request({ service: 'keystone', method: 'GET', url: trimmed + '/', followRedirects: false });
  } catch (e) {
    // some proxies only serve /v3; anything else (unreachable, TLS) is the caller's answer
    if (e instanceof OpenStackError && e.kind === 'notFound') return remember(trimmed, trimmed + '/v3');
    throw e;
  }
  const parsed = discoverySchema.safeParse(res.body);
  if (!parsed.success) return remember(trimmed, trimmed + '/v3');
  const versions = 'versions' in parsed.data ? parsed.data.versions.values : [parsed.data.version];
  const v3 = versions.find((v) => v.id.startsWith('v3'));
  if (!v3) {
    throw new OpenStackError({
      kind: 'badRequest', service: 'keystone', status: res.status, requestId: res.requestId, url: trimmed,
      message: `the identity service at ${trimmed} offers no v3 API (versions: ${versions.map((v) => v.id).join(', ') || 'none'})`,
    });
  }
  const self = v3.links?.find((l) => l.rel === 'self')?.href;
  return remember(trimmed, self ? self.replace(/\/+$/, '') : trimmed + '/v3');
}

function remember(key: string, v3: string): string {
  discoveredV3.set(key, v3);
  return v3;
}

// ---------------------------------------------------------------- authentication

function identityBody(auth: AuthMethod): Record<string, unknown> {
  switch (auth.type) {
    case 'password': {
      if (!auth.userId && !auth.username) {
        throw new OpenStackError({ kind: 'badRequest', service: 'keystone', message: 'password auth needs username or userId' });
      }
      const user: Record<string, unknown> = auth.userId
        ? { id: auth.userId, password: auth.password }
        : {
            name: auth.username,
            password: auth.password,
            domain: auth.userDomainId ? { id: auth.userDomainId } : { name: auth.userDomainName ?? 'Default' },
          };
      return { methods: ['password'], password: { user } };
    }
    case 'applicationCredential':
      return { methods: ['application_credential'], application_credential: { id: auth.id, secret: auth.secret } };
    case 'token':
      return { methods: ['token'], token: { id: auth.token } };
  }
}

function scopeBody(scope: Scope | undefined): Record<string, unknown> | undefined {
  if (!scope || 'unscoped' in scope) return undefined;
  if ('projectId' in scope) return { project: { id: scope.projectId } };
  return {
    project: {
      name: scope.projectName,
      domain: scope.projectDomainId ? { id: scope.projectDomainId } : { name: scope.projectDomainName ?? 'Default' },
    },
  };
}

function toTokenInfo(res: HttpResponse, tokenValue: string): TokenInfo {
  const { token } = parseBody(tokenBodySchema, res, 'keystone', 'a token request');
  const expiresAt = new Date(token.expires_at);
  if (Number.isNaN(expiresAt.getTime())) {
    throw new OpenStackError({ kind: 'server', service: 'keystone', status: res.status, message: `keystone answered an invalid expires_at: ${token.expires_at}` });
  }
  return {
    token: tokenValue,
    expiresAt,
    issuedAt: token.issued_at ? new Date(token.issued_at) : null,
    methods: token.methods,
    user: token.user,
    project: token.project ?? null,
    roles: token.roles ?? [],
    catalog: token.catalog ?? [],
    applicationCredentialId: token.application_credential?.id ?? null,
    auditIds: token.audit_ids ?? [],
  };
}

function subjectToken(res: HttpResponse): string {
  const v = res.headers['x-subject-token'];
  const token = Array.isArray(v) ? v[0] : v;
  if (!token) {
    throw new OpenStackError({ kind: 'server', service: 'keystone', status: res.status, requestId: res.requestId, message: 'keystone issued a token without an X-Subject-Token header' });
  }
  return token;
}

export interface AuthenticateOptions {
  authUrl: string;
  auth: AuthMethod;
  /** Ignored for application credentials: they are bound to their project. */
  scope?: Scope;
}

/** POST /v3/auth/tokens. Wrong credentials -> OpenStackError kind 'auth' with Keystone's message. */
export async function authenticate(http: HttpClient, opts: AuthenticateOptions): Promise<TokenInfo> {
  const v3 = await discoverV3(http, opts.authUrl);
  const scope = opts.auth.type === 'applicationCredential' ? undefined : scopeBody(opts.scope);
  let res: HttpResponse;
  try {
    res = await http.request({
      service: 'keystone',
      method: 'POST',
      url: joinUrl(v3, 'auth/tokens'),
      json: { auth: { identity: identityBody(opts.auth), ...(scope ? { scope } : {}) } },
      retrySafe: true, // issuing a token twice is harmless
    });
  } catch (e) {
    // Keystone answers 404 "Could not find Application Credential / Project ..." for
    // credentials or scopes that do not exist: for the caller that is a failed login.
    if (e instanceof OpenStackError && e.kind === 'notFound') {
      throw new OpenStackError({ kind: 'auth', service: 'keystone', status: e.status, message: e.message, requestId: e.requestId, errorType: e.errorType, method: e.method, url: e.url });
    }
    throw e;
  }
  return toTokenInfo(res, subjectToken(res));
}

/** Exchange a token for one scoped to another project (same user, no password needed). */
export function rescope(http: HttpClient, opts: { authUrl: string; token: string; scope: Scope }): Promise<TokenInfo> {
  return authenticate(http, { authUrl: opts.authUrl, auth: { type: 'token', token: opts.token }, scope: opts.scope });
}

/**
 * GET /v3/auth/tokens: the details of `subjectToken`, or null when Keystone no longer
 * recognises it (revoked, expired, garbage). `authToken` defaults to the subject itself.
 */
export async function validateToken(
  http: HttpClient,
  opts: { authUrl: string; subjectToken: string; authToken?: string; noCatalog?: boolean },
): Promise<TokenInfo | null> {
  const v3 = await discoverV3(http, opts.authUrl);
  try {
    const res = await http.request({
      service: 'keystone',
      method: 'GET',
      url: joinUrl(v3, 'auth/tokens') + (opts.noCatalog ? '?nocatalog' : ''),
      headers: { 'X-Auth-Token': opts.authToken ?? opts.subjectToken, 'X-Subject-Token': opts.subjectToken },
    });
    return toTokenInfo(res, opts.subjectToken);
  } catch (e) {
    // 404 = unknown subject; 401 = the auth token (often the same one) is invalid
    if (e instanceof OpenStackError && (e.status === 404 || (e.status === 401 && !opts.authToken))) return null;
    throw e;
  }
}

/** DELETE /v3/auth/tokens. Revoking a token Keystone no longer knows is not an error. */
export async function revokeToken(
  http: HttpClient,
  opts: { authUrl: string; subjectToken: string; authToken?: string },
): Promise<void> {
  const v3 = await discoverV3(http, opts.authUrl);
  try {
    await http.request({
      service: 'keystone',
      method: 'DELETE',
      url: joinUrl(v3, 'auth/tokens'),
      headers: { 'X-Auth-Token': opts.authToken ?? opts.subjectToken, 'X-Subject-Token': opts.subjectToken },
    });
  } catch (e) {
    if (e instanceof OpenStackError && (e.status === 404 || (e.status === 401 && !opts.authToken))) return;
    throw e;
  }
}

/** GET /v3/auth/projects: the projects this token's user may scope to. */
export async function listAuthProjects(http: HttpClient, opts: { authUrl: string; token: string }): Promise<Project[]> {
  const v3 = await discoverV3(http, opts.authUrl);
  const res = await http.request({ service: 'keystone', method: 'GET', url: joinUrl(v3, 'auth/projects'), headers: { 'X-Auth-Token': opts.token } });
  return parseBody(projectsBodySchema, res, 'keystone', 'GET /v3/auth/projects').projects.map((p) => ({
    id: p.id,
    name: p.name,
    domainId: p.domain_id,
    description: p.description ?? '',
    enabled: p.enabled ?? true,
  }));
}

/** GET /v3/regions. */
export async function listRegions(http: HttpClient, opts: { authUrl: string; token: string }): Promise<Region[]> {
  const v3 = await discoverV3(http, opts.authUrl);
  const res = await http.request({ service: 'keystone', method: 'GET', url: joinUrl(v3, 'regions'), headers: { 'X-Auth-Token': opts.token } });
  return parseBody(regionsBodySchema, res, 'keystone', 'GET /v3/regions').regions.map((r) => ({
    id: r.id,
    description: r.description ?? '',
    parentRegionId: r.parent_region_id ?? null,
  }));
}

/** GET /v3/auth/catalog (the catalog without re-issuing a token). */
export async function getCatalog(http: HttpClient, opts: { authUrl: string; token: string }): Promise<CatalogEntry[]> {
  const v3 = await discoverV3(http, opts.authUrl);
  const res = await http.request({ service: 'keystone', method: 'GET', url: joinUrl(v3, 'auth/catalog'), headers: { 'X-Auth-Token': opts.token } });
  return parseBody(catalogBodySchema, res, 'keystone', 'GET /v3/auth/catalog').catalog;
}

// ---------------------------------------------------------------- catalog

export interface EndpointFilter {
  type: string;
  region?: string;
  interface?: EndpointInterface | 'publicURL' | 'internalURL' | 'adminURL';
}

/**
 * The URL of a service from a token's catalog, by type, interface (default public) and
 * region (default: the first region listing that interface). Keystone fills in
 * %(tenant_id)s for project-scoped tokens; older catalogs may still carry the template.
 */
export function selectEndpoint(catalog: CatalogEntry[], filter: EndpointFilter, projectId?: string | null): string {
  const iface = (filter.interface ?? 'public').replace(/URL$/, '');
  const entries = catalog.filter((c) => c.type === filter.type);
  const candidates = entries.flatMap((c) => c.endpoints).filter((e) => e.interface === iface);
  const match = filter.region
    ? candidates.find((e) => e.region_id === filter.region || e.region === filter.region)
    : candidates[0];
  if (!match) {
    const offered = catalog.map((c) => c.type).join(', ') || 'nothing';
    const where = filter.region ? ` in region ${filter.region}` : '';
    throw new OpenStackError({
      kind: 'notFound',
      service: 'keystone',
      message: entries.length
        ? `the catalog has no ${iface} endpoint of service type '${filter.type}'${where} (regions: ${[...new Set(entries.flatMap((c) => c.endpoints.map((e) => e.region_id ?? e.region ?? '?')))].join(', ')})`
        : `the catalog has no service of type '${filter.type}' (it offers: ${offered})`,
    });
  }
  let url = match.url;
  if (projectId) url = url.replace(/%\(tenant_id\)s|%\(project_id\)s|\$\(tenant_id\)s|\$\(project_id\)s/g, projectId);
  return url.replace(/\/+$/, '');
}

// ---------------------------------------------------------------- session

export interface SessionOptions {
  authUrl: string;
  auth: AuthMethod;
  scope?: Scope;
  region?: string;
  interface?: EndpointInterface;
  /** Renew this long before expires_at. Default 2 minutes. */
  renewBeforeMs?: number;
}

export interface ServiceRequest {
  method: HttpRequest['method'];
  /** Path below the service endpoint (or an absolute URL, e.g. a link from a response). */
  path: string;
  query?: Parameters<typeof queryString>[0];
  json?: unknown;
  headers?: Record<string, string>;
  followRedirects?: boolean;
  retrySafe?: boolean;
}

/**
 * A scoped token that stays valid: re-authenticates shortly before expiry and once more
 * when a service answers 401 (tokens can be revoked or expire early). A session built
 * from a bare token cannot re-authenticate; it then fails with kind 'auth'.
 */
export class Session {
  private current: TokenInfo;
  private renewing: Promise<TokenInfo> | null = null;
  readonly http: HttpClient;
  readonly identityUrl: string; // the discovered v3 URL
  private readonly opts: SessionOptions;

  private constructor(http: HttpClient, identityUrl: string, opts: SessionOptions, token: TokenInfo) {
    this.http = http;
    this.identityUrl = identityUrl;
    this.opts = opts;
    this.current = token;
  }

  static async create(http: HttpClient, opts: SessionOptions): Promise<Session> {
    const identityUrl = await discoverV3(http, opts.authUrl);
    const token = await authenticate(http, { authUrl: identityUrl, auth: opts.auth, scope: opts.scope });
    return new Session(http, identityUrl, opts, token);
  }

  /** The last token obtained (may be near expiry; use getToken() before sending it). */
  get tokenInfo(): TokenInfo {
    return this.current;
  }

  get region(): string | undefined {
    return this.opts.region;
  }

  get canReauthenticate(): boolean {
    return this.opts.auth.type !== 'token';
  }

  /** A token valid for at least `renewBeforeMs` more, renewing if needed. */
  async getToken(): Promise<TokenInfo> {
    const margin = this.opts.renewBeforeMs ?? 120_000;
    if (this.current.expiresAt.getTime() - Date.now() > margin) return this.current;
    return this.reauthenticate('the token expires');
  }

  /** Force a new token (single-flight: concurrent callers share one request). */
  reauthenticate(reason: string): Promise<TokenInfo> {
    if (!this.canReauthenticate) {
      return Promise.reject(
        new OpenStackError({ kind: 'auth', service: 'keystone', status: 401, message: `${reason} and this session has no credentials to renew it; log in again` }),
      );
    }
    if (!this.renewing) {
      this.renewing = authenticate(this.http, { authUrl: this.identityUrl, auth: this.opts.auth, scope: this.opts.scope })
        .then((t) => (this.current = t))
        .finally(() => (this.renewing = null));
    }
    return this.renewing;
  }

  /** Endpoint URL of a service type from the current token's catalog. */
  async endpoint(type: string): Promise<string> {
    const t = await this.getToken();
    return selectEndpoint(t.catalog, { type, region: this.opts.region, interface: this.opts.interface }, t.project?.id);
  }

  /**
   * Authenticated request to a catalog service. `baseUrl` overrides the catalog URL
   * (e.g. Keystone itself, or a versioned suffix the catalog lacks).
   */
  async request(service: string, req: ServiceRequest, baseUrl?: string): Promise<HttpResponse> {
    const send = async (token: TokenInfo) => {
      const base = baseUrl ?? selectEndpoint(token.catalog, { type: catalogTypeOf(service), region: this.opts.region, interface: this.opts.interface }, token.project?.id);
      const url = (/^https?:\/\//.test(req.path) ? req.path : joinUrl(base, req.path)) + (req.query ? queryString(req.query) : '');
      return this.http.request({
        service,
        method: req.method,
        url,
        headers: { ...(req.headers ?? {}), 'X-Auth-Token': token.token },
        json: req.json,
        followRedirects: req.followRedirects,
        retrySafe: req.retrySafe,
      });
    };
    const token = await this.getToken();
    try {
      return await send(token);
    } catch (e) {
      // 401 with a token we believed valid: revoked or expired early. Renew once and replay.
      if (e instanceof OpenStackError && e.status === 401 && this.canReauthenticate) {
        return send(await this.reauthenticate(`${service} rejected the token`));
      }
      throw e;
    }
  }

  /** Revoke the current token (logout). */
  async revoke(): Promise<void> {
    await revokeToken(this.http, { authUrl: this.identityUrl, subjectToken: this.current.token });
  }
}

/** Client label -> catalog service type. */
const CATALOG_TYPES: Record<string, string> = {
  keystone: 'identity',
  heat: 'orchestration',
  nova: 'compute',
  glance: 'image',
  neutron: 'network',
};

function catalogTypeOf(service: string): string {
  return CATALOG_TYPES[service] ?? service;
}

// ---------------------------------------------------------------- bound client

/** Keystone operations for a Session's user and project (the Cloud facade's `.keystone`). */
export class KeystoneClient {
  constructor(private readonly session: Session) {}

  get identityUrl(): string {
    return this.session.identityUrl;
  }

  async token(): Promise<TokenInfo> {
    return this.session.getToken();
  }

  async regions(): Promise<Region[]> {
    const t = await this.session.getToken();
    return listRegions(this.session.http, { authUrl: this.session.identityUrl, token: t.token });
  }

  async projects(): Promise<Project[]> {
    const t = await this.session.getToken();
    return listAuthProjects(this.session.http, { authUrl: this.session.identityUrl, token: t.token });
  }

  async catalog(): Promise<CatalogEntry[]> {
    const t = await this.session.getToken();
    return getCatalog(this.session.http, { authUrl: this.session.identityUrl, token: t.token });
  }

  async endpoint(filter: EndpointFilter): Promise<string> {
    const t = await this.session.getToken();
    return selectEndpoint(t.catalog, { region: this.session.region, ...filter }, t.project?.id);
  }

  /** Validate someone else's token with this session's token (what keystonemiddleware does). */
  async validate(subjectToken: string, opts: { noCatalog?: boolean } = {}): Promise<TokenInfo | null> {
    const t = await this.session.getToken();
    return validateToken(this.session.http, { authUrl: this.session.identityUrl, subjectToken, authToken: t.token, noCatalog: opts.noCatalog });
  }

  async rescope(scope: Scope): Promise<TokenInfo> {
    const t = await this.session.getToken();
    return rescope(this.session.http, { authUrl: this.session.identityUrl, token: t.token, scope });
  }

  async revoke(subjectToken?: string): Promise<void> {
    if (!subjectToken) return this.session.revoke();
    const t = await this.session.getToken();
    await revokeToken(this.session.http, { authUrl: this.session.identityUrl, subjectToken, authToken: t.token });
  }
}
