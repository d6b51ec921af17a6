// Writing responses and reading request bodies, shared by all service routers.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** JSON value (serialised), string (sent as is) or undefined (empty body). */
  body?: unknown;
  contentType?: string;
}

export class BodyError extends Error {}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; empty body -> undefined; malformed -> BodyError naming the position. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(`Malformed JSON in request body: ${(e as Error).message}`);
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  let payload = '';
  const headers: Record<string, string | string[]> = { ...(reply.headers ?? {}) };
  if (reply.body !== undefined) {
    if (typeof reply.body === 'string' && reply.contentType) payload = reply.body;
    else payload = JSON.stringify(reply.body);
    headers['Content-Type'] = reply.contentType ?? 'application/json';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}
