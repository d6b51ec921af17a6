// Keystone's identity logic: authenticate a POST /v3/auth/tokens body, validate and revoke tokens,
// and render token bodies exactly in Keystone's shape.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store';
import type { SandboxConfig } from '../config';
import { hexId, isoMicros, sha256 } from '../util';
import { buildCatalog } from './catalog';
import type { AppCredential, Project, Role, TokenRecord, User } from './model';

export class KeystoneError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}
const unauthorized = () => new KeystoneError(401, 'The request you have made requires authentication.');

export interface AuthContext {
  token: TokenRecord;
  user: User;
  project: Project | null;
  roleNames: string[];
  isAdmin: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function field(obj: Record<string, unknown>, key: string, where: string): Record<string, unknown> {
  const v = obj[key];
  if (!isObject(v)) throw new KeystoneError(400, `Invalid input for field '${where}${key}': ${JSON.stringify(v ?? null)} is not of type 'object'`);
  return v;
}
function stringField(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') throw new KeystoneError(400, `Invalid input for field '${where}${key}': expected a non-empty string`);
  return v;
}

export class Keystone {
  constructor(
    private readonly store: Store,
    private readonly config: SandboxConfig,
    /** fault injection may shorten token lifetimes */
    private readonly tokenTtlSeconds: () => number,
  ) {}

  private get ks() {
    return this.store.state.keystone;
  }

  findDomain(ref: Record<string, unknown> | undefined, where: string) {
    if (!ref) return this.ks.domains[0];
    const d = typeof ref.id === 'string' ? this.ks.domains.find((x) => x.id === ref.id)
      : typeof ref.name === 'string' ? this.ks.domains.find((x) => x.name === ref.name) : undefined;
    if (!d) throw new KeystoneError(401, `Could not find domain: ${String(ref.id ?? ref.name ?? where)}.`);
    return d;
  }

  findUser(ref: Record<string, unknown>): User | undefined {
    if (typeof ref.id === 'string') return this.ks.users.find((u) => u.id === ref.id);
    if (typeof ref.name === 'string') {
      const domain = this.findDomain(isObject(ref.domain) ? ref.domain : undefined, 'user.domain');
      return this.ks.users.find((u) => u.name === ref.name && u.domainId === domain.id);
    }
    throw new KeystoneError(400, "Invalid input for field 'identity.password.user': either 'id' or 'name' is required");
  }

  /** Effective role ids of a user on a project, with implied roles expanded (admin -> member -> reader). */
  rolesOn(userId: string, projectId: string): string[] {
    const direct = this.ks.assignments.filter((a) => a.userId === userId && a.projectId === projectId).map((a) => a.roleId);
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      this.ks.roles.find((r) => r.id === id)?.implies.forEach(visit);
    };
    direct.forEach(visit);
    return [...seen];
  }

  private resolveProjectScope(scope: Record<string, unknown>): Project {
    const ref = field(scope, 'project', 'scope.');
    let project: Project | undefined;
    if (typeof ref.id === 'string') project = this.ks.projects.find((p) => p.id === ref.id);
    else if (typeof ref.name === 'string') {
      const domain = this.findDomain(isObject(ref.domain) ? ref.domain : undefined, 'scope.project.domain');
      project = this.ks.projects.find((p) => p.name === ref.name && p.domainId === domain.id);
    } else throw new KeystoneError(400, "Invalid input for field 'scope.project': either 'id' or 'name' is required");
    if (!project || !project.enabled) throw unauthorized();
    return project;
  }

  /** Handles the body of POST /v3/auth/tokens; returns the new token record. */
  issue(body: unknown): TokenRecord {
    if (!isObject(body)) throw new KeystoneError(400, "Invalid input for field 'auth': the request body must be a JSON object with 'auth'");
    const auth = field(body, 'auth', '');
    const identity = field(auth, 'identity', 'auth.');
    const methods = identity.methods;
    if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => typeof m === 'string')) {
      throw new KeystoneError(400, "Invalid input for field 'auth.identity.methods': must be a non-empty list of strings");
    }
    // "scope": "unscoped" asks for an unscoped token even when the user has a default project
    const explicitlyUnscoped = auth.scope === 'unscoped';
    if (auth.scope !== undefined && !explicitlyUnscoped && !isObject(auth.scope)) {
      throw new KeystoneError(400, "Invalid input for field 'auth.scope': must be an object or \"unscoped\"");
    }
    const scope = isObject(auth.scope) ? auth.scope : undefined;
    if (scope && scope.project === undefined) {
      // domain and system scopes are not offered by the sandbox
      throw new KeystoneError(401, 'The sandbox issues project-scoped and unscoped tokens only (no domain or system scope).');
    }
    // Keystone stores token times with whole seconds
    const now = Math.floor(Date.now() / 1000) * 1000;
    let user: User;
    let projectId: string | null = null;
    let roleIds: string[] = [];
    let appCred: AppCredential | null = null;

    if (methods.includes('application_credential')) {
      const ac = field(identity, 'application_credential', 'auth.identity.');
      const secret = stringField(ac, 'secret', 'auth.identity.application_credential.');
      let found: AppCredential | undefined;
      if (typeof ac.id === 'string') found = this.ks.appCredentials.find((c) => c.id === ac.id);
      else if (typeof ac.name === 'string' && isObject(ac.user)) {
        const owner = this.findUser(ac.user);
        found = this.ks.appCredentials.find((c) => c.name === ac.name && c.userId === owner?.id);
      } else throw new KeystoneError(400, "Invalid input for field 'auth.identity.application_credential': 'id', or 'name' and 'user', is required");
      if (!found || sha256(found.salt + secret) !== found.secretHash) throw unauthorized();
      if (found.expiresAt !== null && found.expiresAt < now) throw unauthorized();
      appCred = found;
      user = this.ks.users.find((u) => u.id === found!.userId)!;
      projectId = found.projectId;
      roleIds = this.expand(found.roleIds);
    } else if (methods.includes('password')) {
      const password = field(identity, 'password', 'auth.identity.');
      const userRef = field(password, 'user', 'auth.identity.password.');
      const secret = stringField(userRef, 'password', 'auth.identity.password.user.');
      const found = this.findUser(userRef);
      if (!found || !found.enabled || sha256(found.salt + secret) !== found.passwordHash) throw unauthorized();
      user = found;
    } else if (methods.includes('token')) {
      const tokenRef = field(identity, 'token', 'auth.identity.');
      const existing = this.validate(stringField(tokenRef, 'id', 'auth.identity.token.'));
      if (!existing) throw unauthorized();
      user = this.ks.users.find((u) => u.id === existing.userId)!;
    } else {
      throw new KeystoneError(401, `Attempted to authenticate with an unsupported method.`);
    }

    if (!appCred) {
      if (scope?.project !== undefined) {
        const project = this.resolveProjectScope(scope);
        roleIds = this.rolesOn(user.id, project.id);
        if (roleIds.length === 0) throw unauthorized();
        projectId = project.id;
      } else if (scope === undefined && !explicitlyUnscoped && user.defaultProjectId && this.rolesOn(user.id, user.defaultProjectId).length > 0) {
        // Keystone scopes to the default project when no scope is given
        projectId = user.defaultProjectId;
        roleIds = this.rolesOn(user.id, projectId);
      }
    }

    const record: TokenRecord = {
      id: 'gAAAAAB' + randomBytes(96).toString('base64url'),
      userId: user.id,
      projectId,
      methods: methods as string[],
      roleIds,
      issuedAt: now,
      expiresAt: now + this.tokenTtlSeconds() * 1000,
      auditId: randomBytes(16).toString('base64url').slice(0, 22),
      appCredentialId: appCred?.id ?? null,
    };
    this.ks.tokens[record.id] = record;
    this.pruneExpired(now);
    this.store.changed();
    return record;
  }

  private expand(roleIds: string[]): string[] {
    const out = new Set<string>();
    const visit = (id: string) => {
      if (out.has(id)) return;
      out.add(id);
      this.ks.roles.find((r) => r.id === id)?.implies.forEach(visit);
    };
    roleIds.forEach(visit);
    return [...out];
  }

  private pruneExpired(now: number): void {
    for (const [id, t] of Object.entries(this.ks.tokens)) if (t.expiresAt < now) delete this.ks.tokens[id];
  }

  /** The live record of a token string, or null if unknown, revoked or expired. */
  validate(token: string | undefined): TokenRecord | null {
    if (!token) return null;
    const record = this.ks.tokens[token];
    if (!record || record.expiresAt <= Date.now()) return null;
    return record;
  }

  revoke(token: string): boolean {
    if (!this.validate(token)) return false;
    delete this.ks.tokens[token];
    this.store.changed();
    return true;
  }

  /** Expires every issued token now (fault injection: "expire tokens early"). */
  expireAll(): number {
    const n = Object.keys(this.ks.tokens).length;
    this.ks.tokens = {};
    this.store.changed();
    return n;
  }

  authContext(token: string | undefined): AuthContext | null {
    const record = this.validate(token);
    if (!record) return null;
    const user = this.ks.users.find((u) => u.id === record.userId);
    if (!user) return null;
    const project = record.projectId ? this.ks.projects.find((p) => p.id === record.projectId) ?? null : null;
    const roleNames = record.roleIds.map((id) => this.ks.roles.find((r) => r.id === id)?.name).filter((n): n is string => !!n);
    return { token: record, user, project, roleNames, isAdmin: roleNames.includes('admin') };
  }

  role(id: string): Role | undefined {
    return this.ks.roles.find((r) => r.id === id);
  }

  /** `{"token": {...}}` as Keystone renders it. */
  tokenBody(record: TokenRecord, baseUrl: string, withCatalog: boolean): unknown {
    const user = this.ks.users.find((u) => u.id === record.userId)!;
    const userDomain = this.ks.domains.find((d) => d.id === user.domainId)!;
    const token: Record<string, unknown> = {
      methods: record.methods,
      user: { domain: { id: userDomain.id, name: userDomain.name }, id: user.id, name: user.name, password_expires_at: null },
      audit_ids: [record.auditId],
      expires_at: isoMicros(record.expiresAt),
      issued_at: isoMicros(record.issuedAt),
    };
    if (record.projectId) {
      const project = this.ks.projects.find((p) => p.id === record.projectId)!;
      const domain = this.ks.domains.find((d) => d.id === project.domainId)!;
      token.project = { domain: { id: domain.id, name: domain.name }, id: project.id, name: project.name };
      token.is_domain = false;
      token.roles = record.roleIds.map((id) => ({ id, name: this.role(id)?.name ?? id }));
      if (withCatalog) token.catalog = buildCatalog(baseUrl, project.id, this.config.nfvUrl, this.config.region);
    }
    if (record.appCredentialId) {
      const ac = this.ks.appCredentials.find((c) => c.id === record.appCredentialId);
      token.application_credential = { id: record.appCredentialId, name: ac?.name ?? '', restricted: !(ac?.unrestricted ?? false) };
    }
    return { token };
  }
}
