// The browser's side of /api/stream: one EventSource per page, whose messages are merged into
// react-query's cache (the pages never poll for status). EventSource reconnects by itself and
// sends Last-Event-ID; a `resync` (server restarted, or too far behind) refetches instead.
'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface VnfRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  vnfd_id: string;
  vim_id: string;
  instance_id: string | null;
  status: string;
  mgmt_url: string | null;
  mgmt_ip_address: string | null;
  error_reason: string | null;
  placement_attr: { region_name?: string; vim_name?: string };
  attributes: Record<string, string>;
  created_at: string | null;
  updated_at: string | null;
}

export interface VnfProgress {
  vnfId: string;
  stackStatus: string;
  done: number;
  total: number;
  resources: { name: string; type: string; status: string; parent?: string }[];
  at: number;
}

export type StreamMessage =
  | { kind: 'vnf'; vnf: VnfRow; at: number }
  | { kind: 'vnf_deleted'; vnfId: string; at: number }
  | ({ kind: 'progress' } & VnfProgress)
  | { kind: 'event'; event: { resource_id: string } & Record<string, unknown>; at: number };

export const vnfKeys = {
  list: ['vnfs'] as const,
  one: (id: string) => ['vnf', id] as const,
  progress: (id: string) => ['vnf-progress', id] as const,
  mapping: (id: string) => ['vnf-mapping', id] as const,
};

/** Replaces (or appends) one VNF in a list, keeping order. Pure. */
export function mergeVnf(list: VnfRow[] | undefined, vnf: VnfRow): VnfRow[] | undefined {
  if (!list) return list;
  const i = list.findIndex((v) => v.id === vnf.id);
  if (i < 0) return [...list, vnf];
  const next = list.slice();
  // keep fields the page added (e.g. the VNFD name) that the stream's Tacker view does not carry
  next[i] = { ...next[i], ...vnf };
  return next;
}

/** Applies one stream message to the cache. */
export function applyStreamMessage(qc: QueryClient, m: StreamMessage) {
  switch (m.kind) {
    case 'vnf':
      qc.setQueryData<VnfRow[]>(vnfKeys.list, (list) => mergeVnf(list, m.vnf));
      qc.setQueryData<VnfRow>(vnfKeys.one(m.vnf.id), (old) => ({ ...old, ...m.vnf }));
      if (!m.vnf.status.startsWith('PENDING_')) qc.removeQueries({ queryKey: vnfKeys.progress(m.vnf.id) });
      void qc.invalidateQueries({ queryKey: vnfKeys.mapping(m.vnf.id) });
      break;
    case 'vnf_deleted':
      qc.setQueryData<VnfRow[]>(vnfKeys.list, (list) => list?.filter((v) => v.id !== m.vnfId));
      qc.setQueryData<VnfRow | null>(vnfKeys.one(m.vnfId), (v) => (v ? { ...v, status: 'DELETED' } : v));
      break;
    case 'progress':
      qc.setQueryData<VnfProgress>(vnfKeys.progress(m.vnfId), m);
      break;
    case 'event':
      void qc.invalidateQueries({ queryKey: ['events', m.event.resource_id] });
      void qc.invalidateQueries({ queryKey: ['events', 'all'] });
      break;
  }
}

const KINDS = ['vnf', 'vnf_deleted', 'progress', 'event'] as const;

/** Opens the stream for these VNFs (none = all visible) while the component is mounted. */
export function useVnfStream(vnfIds: string[] = []): { connected: boolean } {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  const key = vnfIds.join(',');
  useEffect(() => {
    const url = `/api/stream${key ? `?vnf=${encodeURIComponent(key)}` : ''}`;
    const source = new EventSource(url);
    let dropped = false;
    source.onopen = () => {
      setConnected(true);
      // After a drop, anything missed beyond the replay window is refetched.
      if (dropped) void qc.invalidateQueries({ queryKey: vnfKeys.list });
    };
    source.onerror = () => {
      dropped = true;
      setConnected(false);
    };
    for (const kind of KINDS) {
      source.addEventListener(kind, (e) => {
        try {
          applyStreamMessage(qc, { kind, ...JSON.parse((e as MessageEvent).data) } as StreamMessage);
        } catch {
          // a malformed message is skipped; the next one carries the full row again
        }
      });
    }
    source.addEventListener('resync', () => {
      void qc.invalidateQueries({ queryKey: vnfKeys.list });
      void qc.invalidateQueries({ queryKey: ['vnf'] });
    });
    return () => source.close();
  }, [key, qc]);
  return { connected };
}
