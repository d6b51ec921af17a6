// Typed errors of the OpenStack clients. Every failure a caller can see is an
// OpenStackError whose `kind` says what to do about it (retry later, fix the
// credentials, show "not found", ...) and whose `message` is the cloud's own
// text (Keystone's / Heat's / Nova's message), not a generic HTTP phrase.

export type OpenStackErrorKind =
  | 'unreachable' // connection refused / reset / DNS failure
  | 'tls' // certificate not trusted, hostname mismatch, handshake failure
  | 'auth' // 401 / 403, or a token that can no longer be renewed
  | 'notFound' // 404, or no such endpoint in the catalog
  | 'conflict' // 409
  | 'badRequest' // other 4xx
  | 'server' // 5xx, or a 2xx answer whose body does not have the documented shape
  | 'timeout'; // no complete answer within the per-request timeout

export type ServiceName =
  | 'keystone'
  | 'heat'
  | 'nova'
  | 'glance'
  | 'neutron'
  | (string & {}); // any other catalog service type

export interface OpenStackErrorInit {
  kind: OpenStackErrorKind;
  service: ServiceName;
  message: string;
  /** HTTP status; 0 when no answer was received. */
  status?: number;
  requestId?: string | null;
  /** The service's own error class, e.g. Heat's "StackExists" or Neutron's "NetworkNotFound". */
  errorType?: string | null;
  method?: string;
  url?: string;
  cause?: unknown;
}

export class OpenStackError extends Error {
  readonly kind: OpenStackErrorKind;
  readonly service: ServiceName;
  readonly status: number;
  readonly requestId: string | null;
  readonly errorType: string | null;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: OpenStackErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'OpenStackError';
    this.kind = init.kind;
    this.service = init.service;
    this.status = init.status ?? 0;
    this.requestId = init.requestId ?? null;
    this.errorType = init.errorType ?? null;
    this.method = init.method;
    this.url = init.url;
  }

  /** Plain object for API responses and logs (no stack trace, no token). */
  toJSON() {
    return {
      kind: this.kind,
      service: this.service,
      status: this.status,
      message: this.message,
      requestId: this.requestId,
      errorType: this.errorType,
    };
  }
}

export function isOpenStackError(e: unknown): e is OpenStackError {
  return e instanceof OpenStackError;
}

/** Error kind for an HTTP error status. */
export function kindForStatus(status: number): OpenStackErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'badRequest';
}

/**
 * The human message inside an OpenStack error body. Each service wraps it differently
 * (see shared/openstack-api/README.md "Error envelopes"):
 *   keystone  {"error": {"code", "message", "title"}}
 *   heat      {"code", "title", "explanation", "error": {"type", "traceback", "message"}}
 *   nova      {"itemNotFound": {"code", "message"}}  (any single wrapper key)
 *   neutron   {"NeutronError": {"type", "message", "detail"}}
 *   glance    an HTML page
 */
export function extractErrorMessage(body: unknown, rawText: string): { message: string | null; errorType: string | null } {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const obj = body as Record<string, unknown>;
    const inner = obj.error;
    if (inner && typeof inner === 'object') {
      const e = inner as Record<string, unknown>;
      const message = typeof e.message === 'string' ? e.message : null;
      const type = typeof e.type === 'string' ? e.type : typeof e.title === 'string' ? e.title : null;
      if (message) return { message, errorType: type };
    }
    if (typeof obj.explanation === 'string') return { message: obj.explanation, errorType: typeof obj.title === 'string' ? obj.title : null };
    // nova / neutron: one wrapper key named after the error class
    const keys = Object.keys(obj);
    if (keys.length === 1) {
      const wrapped = obj[keys[0]];
      if (wrapped && typeof wrapped === 'object') {
        const w = wrapped as Record<string, unknown>;
        if (typeof w.message === 'string') {
          return { message: w.message, errorType: typeof w.type === 'string' ? w.type : keys[0] };
        }
      }
    }
    if (typeof obj.message === 'string') return { message: obj.message, errorType: null };
    if (typeof obj.faultstring === 'string') return { message: obj.faultstring, errorType: null };
  }
  const text = htmlToText(rawText);
  return { message: text || null, errorType: null };
}

/** Glance (webob) answers errors as a small HTML page; keep only the readable text. */
function htmlToText(raw: string): string {
  const withoutHead = raw.replace(/<head[\s\S]*?<\/head>/i, '');
  return withoutHead
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
