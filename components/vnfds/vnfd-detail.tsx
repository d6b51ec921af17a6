'use client';
// One VNFD: its template (read-only editor), the HOT it becomes, its version history with a diff
// of any two versions, the VNFs launched from it and its events.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { LazyCodeEditor, LazyDiffEditor } from '@/components/editor/lazy';
import { EventsTable } from '@/components/events/events-table';
import { DataTable, type Column } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { apiFetch } from '@/lib/client/api';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { HotPreview } from './hot-preview';
import { translateForPreview } from './live-translation';
import { Tabs } from './tabs';
import { useAllowed } from './use-allowed';
import { formatTime, type VersionRow, type VnfdView, type VnfUsingRow } from './types';
import styles from './vnfds.module.css';

const TABS = [
  { id: 'template', label: 'Template' },
  { id: 'hot', label: 'HOT' },
  { id: 'versions', label: 'Versions' },
  { id: 'vnfs', label: 'VNFs using it' },
  { id: 'events', label: 'Events' },
];

export function VnfdDetail({ id }: { id: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState(() => (TABS.some((t) => t.id === params.get('tab')) ? params.get('tab')! : 'template'));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const vnfd = useQuery({ queryKey: ['vnfd', id], queryFn: () => apiFetch<{ vnfd: VnfdView }>(`/v1.0/vnfds/${id}`) });
  const policyTarget = useMemo(() => {
    if (!vnfd.data) return null;
    const { attributes: _template, ...target } = vnfd.data.vnfd;
    return target;
  }, [vnfd.data]);
  const allowed = useAllowed(['update_vnfd', 'delete_vnfd'], policyTarget);

  async function remove() {
    setConfirmDelete(false);
    try {
      await apiFetch(`/v1.0/vnfds/${id}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: ['vnfds'] });
      router.push('/vnfds');
    } catch (e) {
      setDeleteError((e as Error).message);
    }
  }

  if (vnfd.isLoading) return <div className="empty" role="status">Loading VNFD…</div>;
  if (vnfd.error || !vnfd.data) return <div className="alert alert-error" role="alert">{vnfd.error?.message ?? 'VNFD not found'}</div>;
  const v = vnfd.data.vnfd;
  return (
    <>
      <div className="page-head">
        <h1>{v.name}</h1>
        <Link className="btn" href="/vnfds">Catalog</Link>
        {allowed('update_vnfd') && <Link className="btn btn-primary" href={`/vnfds/${id}/edit`}>Edit</Link>}
        {allowed('delete_vnfd') && <button className="btn btn-danger" onClick={() => setConfirmDelete(true)}>Delete</button>}
      </div>
      <p className="muted">
        {v.description} · {v.template_source} · created {formatTime(v.created_at)}
        {v.updated_at ? ` · updated ${formatTime(v.updated_at)}` : ''} · <code>{v.id}</code>
      </p>
      {deleteError && <div className="alert alert-error" role="alert">{deleteError}</div>}
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="VNFD details">
        {tab === 'template' && <LazyCodeEditor value={v.attributes.vnfd} readOnly path={`view-${id}.vnfd.yaml`} label="VNFD template (read-only)" />}
        {tab === 'hot' && <HotTab template={v.attributes.vnfd} />}
        {tab === 'versions' && <VersionsTab id={id} />}
        {tab === 'vnfs' && <VnfsTab id={id} />}
        {tab === 'events' && <EventsTable resourceId={id} label="VNFD events" />}
      </Tabs>
      <ConfirmDialog open={confirmDelete} title={`Delete VNFD ${v.name}?`} confirmLabel="Delete" danger onCancel={() => setConfirmDelete(false)} onConfirm={remove}>
        <p>The VNFD and its versions leave the catalog. A VNFD still used by a VNF cannot be deleted.</p>
      </ConfirmDialog>
    </>
  );
}

function HotTab({ template }: { template: string }) {
  const translation = useMemo(() => translateForPreview(template, 1), [template]);
  return (
    <>
      {translation.errors.length > 0 && (
        <div className="alert alert-error" role="alert">
          {translation.errors.map((e) => `${e.line ? `line ${e.line}, column ${e.column}: ` : ''}${e.message}`).join('; ')}
        </div>
      )}
      <HotPreview translation={translation} />
    </>
  );
}

function VersionsTab({ id }: { id: string }) {
  const versions = useQuery({ queryKey: ['vnfd', id, 'versions'], queryFn: () => apiFetch<{ versions: VersionRow[] }>(`/api/vnfds/${id}/versions`) });
  const list = versions.data?.versions ?? [];
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const newest = list[0]?.version ?? 1;
  const a = left ?? Math.max(1, newest - 1);
  const b = right ?? newest;
  const columns: Column<VersionRow>[] = [
    { key: 'version', header: 'Version', value: (r) => r.version, render: (r) => <>v{r.version} {r.current && <span className="badge badge-ok">current</span>}</> },
    { key: 'author', header: 'Author', value: (r) => r.author, render: (r) => r.author },
    { key: 'created', header: 'Created', value: (r) => r.created_at, render: (r) => formatTime(r.created_at) },
  ];
  return (
    <>
      <DataTable label="VNFD versions" rows={list} columns={columns} rowKey={(r) => String(r.version)} loading={versions.isLoading} error={versions.error?.message} />
      {list.length > 0 && (
        <>
          <div className={styles.compare}>
            <label>
              Compare
              <select aria-label="Original version" value={a} onChange={(e) => setLeft(Number(e.target.value))}>
                {list.map((r) => <option key={r.version} value={r.version}>v{r.version}</option>)}
              </select>
            </label>
            <label>
              with
              <select aria-label="Modified version" value={b} onChange={(e) => setRight(Number(e.target.value))}>
                {list.map((r) => <option key={r.version} value={r.version}>v{r.version}</option>)}
              </select>
            </label>
          </div>
          <VersionDiff id={id} a={a} b={b} />
        </>
      )}
    </>
  );
}

function VersionDiff({ id, a, b }: { id: string; a: number; b: number }) {
  const fetchVersion = (n: number) => apiFetch<{ version: { template: string } }>(`/api/vnfds/${id}/versions/${n}`);
  const left = useQuery({ queryKey: ['vnfd', id, 'version', a], queryFn: () => fetchVersion(a), staleTime: Infinity });
  const right = useQuery({ queryKey: ['vnfd', id, 'version', b], queryFn: () => fetchVersion(b), staleTime: Infinity });
  if (left.error || right.error) return <div className="alert alert-error" role="alert">{(left.error ?? right.error)!.message}</div>;
  if (!left.data || !right.data) return <div className="empty" role="status">Loading versions…</div>;
  return <LazyDiffEditor original={left.data.version.template} modified={right.data.version.template} originalLabel={`v${a}`} modifiedLabel={`v${b}`} />;
}

function VnfsTab({ id }: { id: string }) {
  const vnfs = useQuery({ queryKey: ['vnfd', id, 'vnfs'], queryFn: () => apiFetch<{ vnfs: VnfUsingRow[] }>(`/api/vnfds/${id}/vnfs`) });
  const columns: Column<VnfUsingRow>[] = [
    { key: 'name', header: 'Name', value: (r) => r.name, render: (r) => <Link href={`/vnfs/${r.id}`}>{r.name}</Link> },
    { key: 'status', header: 'Status', value: (r) => r.status, render: (r) => <StatusBadge status={r.status} /> },
    { key: 'version', header: 'VNFD version', value: (r) => r.vnfd_version, render: (r) => `v${r.vnfd_version}` },
    { key: 'created', header: 'Created', value: (r) => r.created_at, render: (r) => formatTime(r.created_at) },
  ];
  return <DataTable label="VNFs using this VNFD" rows={vnfs.data?.vnfs} columns={columns} rowKey={(r) => r.id} loading={vnfs.isLoading} error={vnfs.error?.message} empty="No VNF uses this VNFD." />;
}
