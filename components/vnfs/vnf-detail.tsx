'use client';
// VNF detail: Overview (facts + status timeline), Topology (live graph), Mapping (VNF -> stack ->
// servers), HOT (the Heat templates sent) and Events. Live via the stream for this VNF.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EventsTable } from '@/components/events/events-table';
import { Tabs } from '@/components/vnfds/tabs';
import { apiFetch } from '@/lib/client/api';
import { useVnfStream, vnfKeys, type VnfRow } from '@/lib/client/stream';
import type { VnfMapping } from '@/lib/server/vnfs/mapping';
import { MappingTable, CopyId } from './mapping-table';
import { formatTime, mgmtAddresses } from './model';
import { Topology } from './topology';
import type { TopoResource } from './topology-layout';
import { VnfActions } from './vnf-actions';
import { useVnfProgress, VnfStatus } from './vnf-status';
import styles from './vnfs.module.css';

interface EventRow { id: number; event_type: string; resource_state: string; timestamp: string; event_details: string }

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'topology', label: 'Topology' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'hot', label: 'HOT' },
  { id: 'events', label: 'Events' },
];

export function VnfDetail({ id }: { id: string }) {
  const router = useRouter();
  const [tab, setTab] = useState('overview');
  useVnfStream([id]);
  const vnf = useQuery({ queryKey: vnfKeys.one(id), queryFn: async () => (await apiFetch<{ vnf: VnfRow }>(`/v1.0/vnfs/${id}`)).vnf });
  const v = vnf.data;
  const deleted = v?.status === 'DELETED';
  const mapping = useQuery({
    queryKey: vnfKeys.mapping(id),
    queryFn: () => apiFetch<VnfMapping>(`/api/vnfs/${id}/mapping`),
    enabled: !!v?.instance_id && !deleted && (tab === 'topology' || tab === 'mapping'),
  });
  const progress = useVnfProgress(id);

  if (vnf.error) return <div className="alert alert-error" role="alert">{vnf.error.message} <Link href="/vnfs">Back to VNFs</Link></div>;
  if (!v) return <p className="muted">Loading…</p>;

  // Live statuses: the stream's progress while the stack changes, the mapping otherwise.
  const topo: TopoResource[] = progress && v.status.startsWith('PENDING_')
    ? progress.resources.map((r) => ({ name: r.name, type: r.type, status: r.status, parent: r.parent ?? null, required_by: mapping.data?.resources.find((m) => m.name === r.name && (m.parent ?? null) === (r.parent ?? null))?.required_by }))
    : mapping.data?.resources ?? [];

  return (
    <>
      <div className="page-head">
        <h1>{v.name}</h1>
        <VnfStatus id={v.id} status={v.status} />
        {!deleted && <VnfActions vnf={v} onDeleted={() => router.refresh()} />}
      </div>
      {deleted && <div className="alert alert-info" role="status">This VNF has been deleted. <Link href="/vnfs">Back to VNFs</Link></div>}
      {v.error_reason && <div className="alert alert-error" role="alert" data-testid="error-reason">{v.error_reason}</div>}
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="VNF details">
        {tab === 'overview' && <Overview vnf={v} />}
        {tab === 'topology' && (mapping.isLoading ? <p className="muted">Loading…</p> : <Topology resources={topo} />)}
        {tab === 'mapping' && (mapping.error ? <div className="alert alert-error">{mapping.error.message}</div> : mapping.data ? <MappingTable mapping={mapping.data} /> : <p className="muted">{v.instance_id ? 'Loading…' : 'The Heat stack has not been created yet.'}</p>)}
        {tab === 'hot' && <Hot vnf={v} />}
        {tab === 'events' && <EventsTable resourceId={v.id} label="VNF events" />}
      </Tabs>
    </>
  );
}

function Overview({ vnf }: { vnf: VnfRow }) {
  const events = useQuery({ queryKey: ['events', vnf.id], queryFn: () => apiFetch<{ events: EventRow[] }>(`/v1.0/events?resource_id=${encodeURIComponent(vnf.id)}`) });
  const timeline = [...(events.data?.events ?? [])].sort((a, b) => a.id - b.id);
  return (
    <div className={styles.grid2} style={{ gridTemplateColumns: 'minmax(320px, 2fr) minmax(240px, 1fr)' }}>
      <dl className={styles.kv}>
        <dt>Id</dt><dd><CopyId value={vnf.id} label="VNF id" /></dd>
        <dt>Description</dt><dd>{vnf.description || '—'}</dd>
        <dt>VNFD</dt><dd><Link href={`/vnfds/${vnf.vnfd_id}`}>{vnf.vnfd_id}</Link></dd>
        <dt>VIM / region</dt><dd>{vnf.placement_attr?.vim_name ?? vnf.vim_id} / {vnf.placement_attr?.region_name ?? '(default)'}</dd>
        <dt>Heat stack</dt><dd>{vnf.instance_id ? <CopyId value={vnf.instance_id} label="stack id" /> : '—'}</dd>
        <dt>Mgmt IPs</dt><dd className={styles.ips} data-testid="mgmt-ips">{mgmtAddresses(vnf.mgmt_url).map((a) => <span key={`${a.vdu}-${a.ip}`}>{a.vdu}: {a.ip}</span>)}</dd>
        <dt>Created</dt><dd>{formatTime(vnf.created_at)}</dd>
        <dt>Updated</dt><dd>{formatTime(vnf.updated_at) || '—'}</dd>
      </dl>
      <section aria-label="Status timeline">
        <h3 style={{ marginTop: 0 }}>Status timeline</h3>
        <ol className={styles.timeline} data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <strong>{e.resource_state}</strong> <span className="muted">{e.event_type}</span>
              <div className={styles.small}>{formatTime(e.timestamp)} — {e.event_details}</div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Hot({ vnf }: { vnf: VnfRow }) {
  const files = Object.entries(vnf.attributes).filter(([k]) => k.endsWith('.yaml'));
  return (
    <div>
      <h3>Heat template</h3>
      <pre className={styles.pre} data-testid="vnf-hot">{vnf.attributes.heat_template ?? '—'}</pre>
      {files.map(([name, text]) => (
        <div key={name}><h3>{name}</h3><pre className={styles.pre}>{text}</pre></div>
      ))}
      {vnf.attributes.param_values && <><h3>param_values</h3><pre className={styles.pre}>{vnf.attributes.param_values}</pre></>}
      {vnf.attributes.config && <><h3>config</h3><pre className={styles.pre}>{vnf.attributes.config}</pre></>}
    </div>
  );
}
