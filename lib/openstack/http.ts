// HTTP transport shared by all OpenStack clients: one request = bounded attempts,
// each with a timeout; retries with exponential backoff on 5xx and connection
// errors (never on 4xx); per-cloud TLS trust (custom CA bundle, or no verification);
// every attempt reported to a hook with the service's request id.
//
// Built on node:http / node:https rather than fetch: Node 20 does not expose
// undici's Agent (needed to pass a CA bundle or disable verification to fetch),
// while https.Agent takes `ca` and `rejectUnauthorized` directly, and we need
// manual redirect handling anyway (Heat's 302 for stack names).
import http from 'node:http';
import https from 'node:https';
import { OpenStackError, extractErrorMessage, kindForStatus, type ServiceName } from './errors';

export interface RequestLogEntry {
  service: ServiceName;
  method: string;
  url: string;
  status: number; // 0 = no answer
  requestId: string | null;
  durationMs: number;
  attempt: number; // 1-based
  willRetry: boolean;
  error?: string;
}

export interface HttpOptions {
  /** Per-attempt timeout (connect + headers + body). Default 30 s. */
  timeoutMs?: number;
  /** Extra attempts after the first for retryable failures. Default 3. */
  retries?: number;
  /** First backoff delay; doubles each retry (with jitter). Default 500 ms. */
  backoffMs?: number;
  /** Upper bound of one backoff delay. Default 8 s. */
  maxBackoffMs?: number;
  /** false = accept any server certificate (the VIM's `cert_verify: False`). Default true. */
  certVerify?: boolean;
  /** PEM text of extra CA certificate(s) to trust for this cloud. */
  caBundle?: string;
  /** Called after every attempt; default: one line on stderr when TRELLIS_OPENSTACK_LOG is set. */
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
}

export interface HttpRequest {
  service: ServiceName;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** JSON-encoded when present (undefined = no body). */
  json?: unknown;
  /** Follow 301/302/303/307/308 for GET/HEAD (max 3 hops). Default true. */
  followRedirects?: boolean;
  /**
   * POST/PATCH are retried only when the request surely did not reach the server
   * (connection refused, DNS failure, stale keep-alive socket) unless this is set:
   * a second stack-create or scaling signal must not happen by accident.
   */
  retrySafe?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, else null. */
  body: unknown;
  text: string;
  requestId: string | null;
  url: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

// Failures where the request was certainly never processed, so even a POST may be retried.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

function isTlsError(err: NodeJS.ErrnoException): boolean {
  const code = err.code ?? '';
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'EPROTO'
  );
}

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function defaultLogger(entry: RequestLogEntry): void {
  if (!process.env.TRELLIS_OPENSTACK_LOG) return;
  process.stderr.write(
    `[openstack] ${entry.service} ${entry.method} ${entry.url} -> ${entry.status || entry.error} ` +
      `req=${entry.requestId ?? '-'} ${entry.durationMs}ms attempt=${entry.attempt}${entry.willRetry ? ' (retrying)' : ''}\n`,
  );
}

export function requestIdOf(headers: http.IncomingHttpHeaders): string | null {
  const v = headers['x-openstack-request-id'] ?? headers['x-compute-request-id'] ?? headers['x-request-id'];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export class HttpClient {
  readonly timeoutMs: number;
  readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly onRequest: (entry: RequestLogEntry) => void;
  private readonly userAgent: string;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(opts: HttpOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = Math.max(0, opts.retries ?? 3);
    this.backoffMs = opts.backoffMs ?? 500;
    this.maxBackoffMs = opts.maxBackoffMs ?? 8_000;
    this.onRequest = opts.onRequest ?? defaultLogger;
    this.userAgent = opts.userAgent ?? 'trellis-openstack-client';
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: 16,
      rejectUnauthorized: opts.certVerify !== false,
      ...(opts.caBundle ? { ca: opts.caBundle } : {}),
    });
  }

  /** Close idle keep-alive sockets (tests, shutdown). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Send a request; resolves for status < 400 (3xx only when not followed), throws OpenStackError otherwise. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url;
    let headers = { ...(req.headers ?? {}) };
    const follow = req.followRedirects ?? (req.method === 'GET' || req.method === 'HEAD');
    for (let hop = 0; ; hop++) {
      const res = await this.requestWithRetries({ ...req, url, headers });
      if (!follow || !REDIRECT_STATUSES.has(res.status) || hop >= MAX_REDIRECTS) return res;
      const location = res.headers.location;
      if (!location) return res;
      const next = new URL(location, url);
      // Never hand the token to another origin.
      if (next.origin !== new URL(url).origin) {
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'x-auth-token'));
      }
      url = next.toString();
    }
  }

  private async requestWithRetries(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.method === 'GET' || req.method === 'HEAD' || req.method === 'PUT' || req.method === 'DELETE';
    const mayRetryAfterProcessing = idempotent || req.retrySafe === true;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const outcome = await this.attempt(req).then(
        (res) => ({ res, err: null as unknown }),
        (err: unknown) => ({ res: null, err }),
      );
      const durationMs = Date.now() - started;
      const canRetry = attempt <= this.retries;

      if (outcome.res) {
        const res = outcome.res;
        const retry = canRetry && res.status >= 500 && mayRetryAfterProcessing;
        this.onRequest({
          service: req.service, method: req.method, url: req.url, status: res.status,
          requestId: res.requestId, durationMs, attempt, willRetry: retry,
        });
        if (retry) {
          await this.sleep(attempt);
          continue;
        }
        if (res.status >= 400) throw this.httpError(req, res);
        return res;
      }

      const err = outcome.err as NodeJS.ErrnoException & { reusedSocket?: boolean };
      const mapped = this.transportError(req, err);
      // A reset on a reused keep-alive socket means the server closed it while idle:
      // the request was not processed (Node's documented retry case).
      const notSent = NOT_SENT_CODES.has(err.code ?? '') || (err.reusedSocket === true && err.code === 'ECONNRESET');
      const retryable = mapped.kind === 'unreachable' || mapped.kind === 'timeout';
      const retry = canRetry && retryable && (mayRetryAfterProcessing || notSent);
      this.onRequest({
        service: req.service, method: req.method, url: req.url, status: 0, requestId: null,
        durationMs, attempt, willRetry: retry, error: mapped.message,
      });
      if (retry) {
        // stale keep-alive sockets are retried at once; real outages back off
        if (!(err.reusedSocket && err.code === 'ECONNRESET')) await this.sleep(attempt);
        continue;
      }
      throw mapped;
    }
  }

  private sleep(attempt: number): Promise<void> {
    const base = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
    const jittered = base / 2 + Math.random() * (base / 2);
    return new Promise((r) => setTimeout(r, jittered));
  }

  private attempt(req: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      let target: URL;
      try {
        target = new URL(req.url);
      } catch {
        reject(Object.assign(new Error(`invalid URL: ${req.url}`), { code: 'ERR_INVALID_URL' }));
        return;
      }
      const isHttps = target.protocol === 'https:';
      const payload = req.json === undefined ? undefined : Buffer.from(JSON.stringify(req.json));
      const headers: Record<string, string | number> = {
        Accept: 'application/json',
        'User-Agent': this.userAgent,
        ...req.headers,
      };
      if (payload) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = payload.length;
      }
      const lib = isHttps ? https : http;
      const clientReq = lib.request(target, {
        method: req.method,
        headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
      });
      const timer = setTimeout(() => clientReq.destroy(new AttemptTimeout(this.timeoutMs)), this.timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        (err as { reusedSocket?: boolean }).reusedSocket = clientReq.reusedSocket;
        reject(err);
      };
      clientReq.on('error', fail);
      clientReq.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) {
            res.destroy(new Error(`response body larger than ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: parseJson(text, res.headers['content-type']),
            text,
            requestId: requestIdOf(res.headers),
            url: req.url,
          });
        });
      });
      if (payload) clientReq.write(payload);
      clientReq.end();
    });
  }

  private httpError(req: HttpRequest, res: HttpResponse): OpenStackError {
    const { message, errorType } = extractErrorMessage(res.body, res.text);
    return new OpenStackError({
      kind: kindForStatus(res.status),
      service: req.service,
      status: res.status,
      message: message ?? `${req.service} answered HTTP ${res.status} to ${req.method} ${stripQuery(req.url)}`,
      errorType,
      requestId: res.requestId,
      method: req.method,
      url: req.url,
    });
  }

  private transportError(req: HttpRequest, err: NodeJS.ErrnoException): OpenStackError {
    const where = `${req.method} ${stripQuery(req.url)}`;
    if (err instanceof AttemptTimeout) {
      return new OpenStackError({
        kind: 'timeout', service: req.service, method: req.method, url: req.url, cause: err,
        message: `${req.service} did not answer ${where} within ${this.timeoutMs} ms`,
      });
    }
    if (isTlsError(err)) {
      return new OpenStackError({
        kind: 'tls', service: req.service, method: req.method, url: req.url, cause: err,
        message: `TLS failure talking to ${req.service} at ${originOf(req.url)}: ${err.message} (${err.code}); ` +
          'give the cloud a CA bundle or disable certificate verification for it',
      });
    }
    const code = err.code ?? '';
    if (code === 'ERR_INVALID_URL') {
      return new OpenStackError({ kind: 'badRequest', service: req.service, method: req.method, url: req.url, cause: err, message: err.message });
    }
    // everything else at the transport level (refused, reset, DNS, hang-up, body too large)
    return new OpenStackError({
      kind: 'unreachable', service: req.service, method: req.method, url: req.url, cause: err,
      message: `cannot reach ${req.service} at ${originOf(req.url)}: ${err.message}${code ? ` (${code})` : ''}`,
    });
  }
}

function parseJson(text: string, contentType: string | undefined): unknown {
  if (!text) return null;
  const looksJson = (contentType ?? '').includes('json') || /^\s*[[{"]|^\s*null\s*$/.test(text);
  if (!looksJson) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : url.slice(0, i);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Build a query string; arrays become repeated keys (Heat's `?id=a&id=b`). */
export function queryString(params: Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) sp.append(key, String(v));
    else sp.append(key, String(value));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Join a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
  if (!path) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
