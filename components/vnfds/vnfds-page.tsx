'use client';
// The VNF Catalog: every VNFD the project can see, with versions and usage.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import { apiFetch } from '@/lib/client/api';
import { formatTime, type CatalogRow } from './types';
import { useAllowed } from './use-allowed';

const columns: Column<CatalogRow>[] = [
  { key: 'name', header: 'Name', value: (v) => v.name, render: (v) => <Link href={`/vnfds/${v.id}`}>{v.name}</Link> },
  { key: 'description', header: 'Description', value: (v) => v.description, render: (v) => <span className="muted">{v.description}</span> },
  { key: 'versions', header: 'Versions', value: (v) => v.version_count, render: (v) => <span title={`current: v${v.current_version}`}>{v.version_count}</span> },
  { key: 'source', header: 'Template source', value: (v) => v.template_source, render: (v) => <span className="badge">{v.template_source}</span> },
  { key: 'created', header: 'Created', value: (v) => v.created_at, render: (v) => formatTime(v.created_at) },
  { key: 'vnfs', header: 'Used by', value: (v) => v.vnf_count, render: (v) => `${v.vnf_count} VNF${v.vnf_count === 1 ? '' : 's'}` },
];

export function VnfdsPage() {
  const catalog = useQuery({ queryKey: ['vnfds', 'catalog'], queryFn: () => apiFetch<{ vnfds: CatalogRow[] }>('/api/vnfds') });
  const allowed = useAllowed(['create_vnfd'], {});
  return (
    <>
      <div className="page-head">
        <h1>VNF Catalog</h1>
        {allowed('create_vnfd') && <Link className="btn btn-primary" href="/vnfds/new">Onboard VNFD</Link>}
      </div>
      <DataTable
        label="VNF descriptors"
        rows={catalog.data?.vnfds}
        columns={columns}
        rowKey={(v) => v.id}
        loading={catalog.isLoading}
        error={catalog.error?.message}
        empty={<>No VNFDs yet. <Link href="/vnfds/new">Onboard one</Link> from a Tacker sample.</>}
      />
    </>
  );
}
