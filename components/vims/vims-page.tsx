'use client';
// VIM Management: the registered clouds of the project (and shared ones).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { apiFetch } from '@/lib/client/api';
import type { VimView } from './types';
import { useAllowed } from './use-allowed';
import styles from './vims.module.css';

const userOf = (v: VimView) =>
  v.auth_cred?.username ?? v.auth_cred?.user_id ?? (v.auth_cred?.application_credential_id ? `app credential ${v.auth_cred.application_credential_id}` : '');
const projectOf = (v: VimView) => v.vim_project.name ?? v.vim_project.id ?? '';

const columns: Column<VimView>[] = [
  { key: 'name', header: 'Name', value: (v) => v.name, render: (v) => <Link href={`/vims/${v.id}`}>{v.name}</Link> },
  { key: 'description', header: 'Description', value: (v) => v.description, render: (v) => <span className="muted">{v.description}</span> },
  { key: 'auth_url', header: 'Auth URL', value: (v) => v.auth_url, render: (v) => <code>{v.auth_url}</code> },
  { key: 'regions', header: 'Regions', value: (v) => v.placement_attr.regions.join(', '), render: (v) => v.placement_attr.regions.join(', ') },
  { key: 'user', header: 'User', value: userOf, render: (v) => userOf(v) || <span className="muted" title="Credentials are visible to the owner project only">hidden</span> },
  { key: 'project', header: 'Project', value: projectOf, render: projectOf },
  { key: 'status', header: 'Status', value: (v) => v.status, render: (v) => <StatusBadge status={v.status} /> },
  {
    key: 'default',
    header: 'Default',
    value: (v) => (v.is_default ? 1 : 0),
    render: (v) => (v.is_default ? <span className={styles.star} role="img" aria-label="Default VIM" title="Default VIM of the project">★</span> : null),
  },
];

export function VimsPage() {
  const vims = useQuery({
    queryKey: ['vims'],
    queryFn: () => apiFetch<{ vims: VimView[] }>('/v1.0/vims'),
    // new VIMs start PENDING until the first reachability check
    refetchInterval: (q) => (q.state.data?.vims.some((v) => v.status === 'PENDING') ? 2000 : 30_000),
  });
  const can = useAllowed(['create_vim'], {});
  return (
    <>
      <div className="page-head">
        <h1>VIM Management</h1>
      </div>
      <DataTable
        label="VIMs"
        rows={vims.data?.vims}
        columns={columns}
        rowKey={(v) => v.id}
        loading={vims.isLoading}
        error={vims.error?.message}
        empty="No VIM registered yet. Register an OpenStack cloud to launch VNFs on it."
        toolbar={can('create_vim') ? <Link className="btn btn-primary" href="/vims/new">Register VIM</Link> : null}
      />
    </>
  );
}
