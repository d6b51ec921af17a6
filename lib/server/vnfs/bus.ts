// In-process publish/subscribe of VNF changes for the SSE stream. Every message carries the
// project it belongs to (so the stream can scope it) and a sequence id for Last-Event-ID replay.
// Messages are published after the database transaction that made the change has committed.
import { randomUUID } from 'node:crypto';

export type StreamPayload =
  | { kind: 'vnf'; vnf: Record<string, unknown> }
  | { kind: 'vnf_deleted'; vnfId: string }
  | { kind: 'progress'; vnfId: string; stackStatus: string; done: number; total: number; resources: { name: string; type: string; status: string; parent?: string }[] }
  | { kind: 'event'; event: Record<string, unknown> };

export interface StreamMessage {
  /** "<boot>-<seq>": a reconnect to a restarted server sees another boot and resyncs. */
  id: string;
  seq: number;
  tenantId: string;
  vnfId: string;
  /** ms since epoch when the change was observed (latency measurements). */
  at: number;
  payload: StreamPayload;
}

type Listener = (m: StreamMessage) => void;

const REPLAY = 2000;
const globalBus = globalThis as unknown as { trellisVnfBus?: Bus };

class Bus {
  readonly boot = randomUUID().slice(0, 8);
  private seq = 0;
  private readonly recent: StreamMessage[] = [];
  private readonly listeners = new Set<Listener>();
  /** Event ids written by this process (published directly); the DB feed skips them. */
  private readonly localEvents = new Map<number, number>();

  markLocal(eventId: number) {
    this.localEvents.set(eventId, Date.now());
  }

  /** True once for an event this process wrote; forgets entries older than a minute. */
  takeLocal(eventId: number): boolean {
    const now = Date.now();
    for (const [id, at] of this.localEvents) if (now - at > 60_000) this.localEvents.delete(id);
    return this.localEvents.delete(eventId);
  }

  publish(tenantId: string, vnfId: string, payload: StreamPayload, at = Date.now()) {
    const seq = ++this.seq;
    const message: StreamMessage = { id: `${this.boot}-${seq}`, seq, tenantId, vnfId, at, payload };
    this.recent.push(message);
    if (this.recent.length > REPLAY) this.recent.splice(0, this.recent.length - REPLAY);
    for (const l of this.listeners) {
      try {
        l(message);
      } catch {
        // one broken subscriber must not stop the others
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount() {
    return this.listeners.size;
  }

  /** Messages after `lastEventId`; null when it is from another boot or too old (the client must resync). */
  since(lastEventId: string): StreamMessage[] | null {
    const [boot, seqText] = lastEventId.split('-');
    const seq = Number(seqText);
    if (boot !== this.boot || !Number.isInteger(seq)) return null;
    if (seq >= this.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > seq + 1) return null;
    return this.recent.filter((m) => m.seq > seq);
  }
}

export function vnfBus(): Bus {
  globalBus.trellisVnfBus ??= new Bus();
  return globalBus.trellisVnfBus;
}
