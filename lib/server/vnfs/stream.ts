// Server-Sent Events of VNF changes for one caller: what they may see (project scope + policy),
// narrowed to the VNFs they asked for; replay after Last-Event-ID, resync when that is impossible.
import type { Identity } from '../auth/identity';
import { vnfBus, type StreamMessage } from './bus';

export interface StreamFilter {
  /** only these VNFs; empty = every VNF the caller may see */
  vnfIds: string[];
}

type Allowed = (rule: string, target: Record<string, unknown>) => Promise<boolean>;

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

export function sseFrame(m: StreamMessage): string {
  return `id: ${m.id}\nevent: ${m.payload.kind}\ndata: ${JSON.stringify({ ...m.payload, at: m.at })}\n\n`;
}

async function visible(identity: Identity, allowed: Allowed, filter: StreamFilter, m: StreamMessage): Promise<boolean> {
  if (filter.vnfIds.length && !filter.vnfIds.includes(m.vnfId)) return false;
  if (!identity.isAdmin && m.tenantId !== identity.projectId) return false;
  if (m.payload.kind === 'vnf') return allowed('get_vnf', m.payload.vnf);
  if (m.payload.kind === 'event') return allowed('get_event', m.payload.event);
  return allowed('get_vnf', { tenant_id: m.tenantId, id: m.vnfId });
}

export function vnfEventStream(identity: Identity, allowed: Allowed, filter: StreamFilter, lastEventId: string | null, signal: AbortSignal): ReadableStream<Uint8Array> {
  const bus = vnfBus();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  // Messages are checked one at a time, in order, so the client sees them in sequence.
  let chain = Promise.resolve();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const forward = (m: StreamMessage) => {
        chain = chain.then(async () => {
          if (await visible(identity, allowed, filter, m)) send(sseFrame(m));
        }).catch(() => {});
      };
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      send(`retry: 1000\n: connected ${bus.boot}\n\n`);
      if (lastEventId) {
        const missed = bus.since(lastEventId);
        if (missed === null) send(`event: resync\ndata: {}\n\n`);
        else missed.forEach(forward);
      }
      unsubscribe = bus.subscribe(forward);
      heartbeat = setInterval(() => send(`: keep-alive\n\n`), HEARTBEAT_MS);
      signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
}
