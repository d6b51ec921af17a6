// A minimal SSE reader over the stream route's Response (what EventSource does in the browser).
import { NextRequest } from 'next/server';

export interface SseEvent {
  id?: string;
  event: string;
  data: any;
  receivedAt: number;
}

type RouteFn = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function openStream(route: RouteFn, url: string, token: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const req = new NextRequest(new URL(url, 'http://trellis.test'), { headers: { 'x-auth-token': token, ...headers }, signal: abort.signal });
  const res = await route(req, { params: Promise.resolve({}) });
  const events: SseEvent[] = [];
  const listeners = new Set<(e: SseEvent) => void>();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const e: SseEvent = { event: 'message', data: null, receivedAt: Date.now() };
        let data = '';
        for (const line of frame.split('\n')) {
          if (line.startsWith('id: ')) e.id = line.slice(4);
          else if (line.startsWith('event: ')) e.event = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (!data) continue;
        e.data = JSON.parse(data);
        events.push(e);
        for (const l of listeners) l(e);
      }
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    onEvent(l: (e: SseEvent) => void) {
      listeners.add(l);
    },
    async close() {
      abort.abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}
