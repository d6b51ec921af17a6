// The Cloud facade: one authenticated session per VIM (cloud + project), with a
// client per service bound to it.
//
//   const cloud = await Cloud.connect({ authUrl, username: 'admin', password, projectName: 'admin' });
//   await cloud.heat.create({ name: 'vnf1', template, files });
//   const servers = await cloud.nova.servers();
import { OpenStackError } from './errors';
import { GlanceClient } from './glance';
import { HeatClient } from './heat';
import { HttpClient, type HttpOptions, type RequestLogEntry } from './http';
import { KeystoneClient, Session, type AuthMethod, type EndpointInterface, type Scope, type TokenInfo } from './keystone';
import { NeutronClient } from './neutron';
import { NovaClient } from './nova';

export interface CloudConnectOptions {
  authUrl: string;
  // password auth: username (+ userDomainName/Id, default "Default") or userId
  username?: string;
  userId?: string;
  password?: string;
  userDomainName?: string;
  userDomainId?: string;
  // or an application credential (already bound to a project)
  appCred?: { id: string; secret: string };
  // or an existing token (e.g. the logged-in user's); cannot be renewed when it expires
  token?: string;
  // project scope: by id, or by name + domain (default "Default")
  projectId?: string;
  projectName?: string;
  projectDomainName?: string;
  projectDomainId?: string;
  region?: string;
  interface?: EndpointInterface;
  /** false = do not verify the server certificate (VIM `cert_verify: False`). */
  certVerify?: boolean;
  /** PEM CA bundle to trust for this cloud. */
  caBundle?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Nova microversion (default "2.1"). */
  computeMicroversion?: string;
}

export class Cloud {
  readonly keystone: KeystoneClient;
  readonly heat: HeatClient;
  readonly nova: NovaClient;
  readonly glance: GlanceClient;
  readonly neutron: NeutronClient;

  private constructor(readonly session: Session, computeMicroversion?: string) {
    this.keystone = new KeystoneClient(session);
    this.heat = new HeatClient(session);
    this.nova = new NovaClient(session, computeMicroversion);
    this.glance = new GlanceClient(session);
    this.neutron = new NeutronClient(session);
  }

  /** Authenticate (errors: OpenStackError with kind 'auth' | 'unreachable' | 'tls' | ...). */
  static async connect(opts: CloudConnectOptions): Promise<Cloud> {
    const http = new HttpClient(httpOptionsOf(opts));
    try {
      const session = await Session.create(http, {
        authUrl: opts.authUrl,
        auth: authMethodOf(opts),
        scope: scopeOf(opts),
        region: opts.region,
        interface: opts.interface,
      });
      return new Cloud(session, opts.computeMicroversion);
    } catch (e) {
      http.close();
      throw e;
    }
  }

  /** The current token (renewed if close to expiry). */
  token(): Promise<TokenInfo> {
    return this.session.getToken();
  }

  /** Close idle connections. The token stays valid (use keystone.revoke() to log out). */
  close(): void {
    this.session.http.close();
  }
}

function httpOptionsOf(o: CloudConnectOptions): HttpOptions {
  return {
    certVerify: o.certVerify,
    caBundle: o.caBundle,
    timeoutMs: o.timeoutMs,
    retries: o.retries,
    backoffMs: o.backoffMs,
    onRequest: o.onRequest,
  };
}

function authMethodOf(o: CloudConnectOptions): AuthMethod {
  if (o.appCred) return { type: 'applicationCredential', id: o.appCred.id, secret: o.appCred.secret };
  if (o.token) return { type: 'token', token: o.token };
  if (o.password !== undefined && (o.username || o.userId)) {
    return {
      type: 'password',
      password: o.password,
      username: o.username,
      userId: o.userId,
      userDomainName: o.userDomainName,
      userDomainId: o.userDomainId,
    };
  }
  throw new OpenStackError({
    kind: 'badRequest',
    service: 'keystone',
    message: 'credentials missing: give username (or userId) + password, appCred {id, secret}, or token',
  });
}

function scopeOf(o: CloudConnectOptions): Scope | undefined {
  if (o.projectId) return { projectId: o.projectId };
  if (o.projectName) return { projectName: o.projectName, projectDomainName: o.projectDomainName, projectDomainId: o.projectDomainId };
  return undefined;
}

export { OpenStackError, isOpenStackError, type OpenStackErrorKind } from './errors';
export { HttpClient, type HttpOptions, type RequestLogEntry } from './http';
export {
  Session,
  KeystoneClient,
  authenticate,
  discoverV3,
  validateToken,
  revokeToken,
  rescope,
  listAuthProjects,
  listRegions,
  getCatalog,
  selectEndpoint,
  type TokenInfo,
  type Project,
  type Region,
  type CatalogEntry,
  type AuthMethod,
  type Scope,
} from './keystone';
export { HeatClient, type Stack, type StackSummary, type StackResource, type StackResourceDetail, type StackEvent, type StackOutput, type StackRef } from './heat';
export { NovaClient, serverAddresses, type Server, type Flavor } from './nova';
export { GlanceClient, type Image } from './glance';
export { NeutronClient, type Network, type Subnet, type Port } from './neutron';
