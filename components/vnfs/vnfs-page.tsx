'use client';
// The VNF Manager: every VNF the user may see, live via the stream (no polling).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import { apiFetch } from '@/lib/client/api';
import { useVnfStream, vnfKeys } from '@/lib/client/stream';
import { formatTime, mgmtAddresses, type VnfListRow } from './model';
import { VnfActions } from './vnf-actions';
import { VnfStatus } from './vnf-status';
import { useVnfPolicy } from './use-allowed';
import styles from './vnfs.module.css';

const columns: Column<VnfListRow>[] = [
  { key: 'name', header: 'Name', value: (v) => v.name, render: (v) => <Link href={`/vnfs/${v.id}`}>{v.name}</Link> },
  { key: 'vnfd', header: 'VNFD', value: (v) => v.vnfd_name ?? v.vnfd_id, render: (v) => <span>{v.vnfd_name ?? v.vnfd_id}{v.vnfd_version ? <span className="muted"> v{v.vnfd_version}</span> : null}</span> },
  { key: 'vim', header: 'VIM / region', value: (v) => v.placement_attr?.vim_name ?? v.vim_id, render: (v) => <span>{v.placement_attr?.vim_name ?? v.vim_id}{v.placement_attr?.region_name ? <span className="muted"> / {v.placement_attr.region_name}</span> : null}</span> },
  { key: 'status', header: 'Status', value: (v) => v.status, render: (v) => <VnfStatus id={v.id} status={v.status} /> },
  { key: 'mgmt', header: 'Mgmt IPs', value: (v) => mgmtAddresses(v.mgmt_url).map((a) => a.ip).join(' '), render: (v) => <span className={styles.ips}>{mgmtAddresses(v.mgmt_url).map((a) => <span key={`${a.vdu}-${a.ip}`}>{a.vdu}: {a.ip}</span>)}</span> },
  { key: 'error', header: 'Error', value: (v) => v.error_reason ?? '', render: (v) => (v.error_reason ? <span className={styles.error}>{v.error_reason}</span> : null) },
  { key: 'created', header: 'Created', value: (v) => v.created_at, render: (v) => formatTime(v.created_at) },
  { key: 'actions', header: 'Actions', render: (v) => <VnfActions vnf={v} compact /> },
];

export function VnfsPage() {
  const vnfs = useQuery({ queryKey: vnfKeys.list, queryFn: async () => (await apiFetch<{ vnfs: VnfListRow[] }>('/api/vnfs')).vnfs });
  const { connected } = useVnfStream();
  const allowed = useVnfPolicy(undefined);
  return (
    <>
      <div className="page-head">
        <h1>VNF Manager</h1>
        <span className={styles.small} aria-live="polite" data-testid="stream-state">{connected ? '● live' : '○ connecting…'}</span>
        {allowed('create_vnf') && <Link className="btn btn-primary" href="/vnfs/launch">Launch VNF</Link>}
      </div>
      <DataTable
        label="VNFs"
        rows={vnfs.data as VnfListRow[] | undefined}
        columns={columns}
        rowKey={(v) => v.id}
        loading={vnfs.isLoading}
        error={vnfs.error?.message}
        empty={<>No VNFs yet. <Link href="/vnfs/launch">Launch one</Link> from a VNFD or a Tacker sample.</>}
      />
    </>
  );
}
