'use client';
// One VIM: Overview and Events tabs; Edit and Delete when the policy allows them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EventsTable } from '@/components/events/events-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { apiFetch } from '@/lib/client/api';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EditVimForm } from './edit-vim-form';
import type { VimView } from './types';
import { useAllowed } from './use-allowed';
import styles from './vims.module.css';

type Tab = 'overview' | 'events';

function credentialRows(vim: VimView): [string, React.ReactNode][] {
  const c = vim.auth_cred;
  if (!c) return [['Credentials', <span key="c" className="muted">hidden (shared VIM of another project)</span>]];
  if (c.application_credential_id) {
    return [['Application credential', <code key="ac">{c.application_credential_id}</code>], ['Secret', c.application_credential_secret]];
  }
  return [['User', `${c.username ?? c.user_id}${c.user_domain_name ? ` (domain ${c.user_domain_name})` : ''}`], ['Password', c.password]];
}

function Overview({ vim }: { vim: VimView }) {
  const rows: [string, React.ReactNode][] = [
    ['ID', <code key="id">{vim.id}</code>],
    ['Status', <StatusBadge key="s" status={vim.status} />],
    ['Description', vim.description || <span className="muted">—</span>],
    ['Type', vim.type],
    ['Auth URL', <code key="u">{vim.auth_url}</code>],
    ['Regions', vim.placement_attr.regions.join(', ') || <span className="muted">none found</span>],
    ...credentialRows(vim),
    ['TLS verification', vim.auth_cred ? (vim.auth_cred.cert_verify === 'False' ? 'off' : 'on') : <span className="muted">hidden</span>],
    ['Project', `${vim.vim_project.name ?? vim.vim_project.id}${vim.vim_project.project_domain_name ? ` (domain ${vim.vim_project.project_domain_name})` : ''}`],
    ['Default', vim.is_default ? 'yes' : 'no'],
    ['Shared', vim.shared ? 'yes' : 'no'],
    ['Owner project', <code key="t">{vim.tenant_id}</code>],
    ['Created', vim.created_at],
    ['Updated', vim.updated_at ?? '—'],
  ];
  return (
    <dl className={`card ${styles.props}`} data-testid="vim-overview">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VimDetail({ id }: { id: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>('overview');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const query = useQuery({
    queryKey: ['vim', id],
    queryFn: () => apiFetch<{ vim: VimView }>(`/v1.0/vims/${encodeURIComponent(id)}`),
    // PENDING until the first reachability check: look again soon
    refetchInterval: (q) => (q.state.data?.vim.status === 'PENDING' ? 1500 : 20_000),
  });
  const vim = query.data?.vim;
  const can = useAllowed(['update_vim', 'delete_vim', 'update_vim:is_default'], vim as Record<string, unknown> | undefined);
  const remove = useMutation({
    mutationFn: () => apiFetch<void>(`/v1.0/vims/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['vim', id] });
      await queryClient.invalidateQueries({ queryKey: ['vims'] });
      router.push('/vims');
    },
  });

  if (query.isLoading) return <div className="empty">Loading…</div>;
  if (query.error || !vim) {
    return (
      <>
        <div className="alert alert-error" role="alert">{query.error?.message ?? 'VIM not found'}</div>
        <Link href="/vims">Back to VIMs</Link>
      </>
    );
  }
  const tabs: [Tab, string][] = [['overview', 'Overview'], ['events', 'Events']];
  return (
    <>
      <nav aria-label="Breadcrumb" className="muted"><Link href="/vims">VIM Management</Link> / {vim.name}</nav>
      <div className="page-head">
        <h1>
          {vim.name} {vim.is_default && <span className={styles.star} role="img" aria-label="Default VIM">★</span>}
        </h1>
        <StatusBadge status={vim.status} />
        {can('update_vim') && !editing && <button className="btn" onClick={() => setEditing(true)}>Edit</button>}
        {can('delete_vim') && <button className="btn btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}>Delete</button>}
      </div>
      {editing && <EditVimForm vim={vim} canSetDefault={can('update_vim:is_default')} onDone={() => setEditing(false)} />}
      <div role="tablist" aria-label="VIM details" className={styles.tabs}>
        {tabs.map(([key, label]) => (
          <button
            key={key}
            role="tab"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            className={styles.tab}
            onClick={() => setTab(key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = tabs[(tabs.findIndex(([k]) => k === tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length][0];
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'overview' ? <Overview vim={vim} /> : <EventsTable resourceId={vim.id} label="VIM events" />}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete VIM"
        confirmLabel="Delete VIM"
        busy={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        Delete <strong>{vim.name}</strong>? Trellis forgets this cloud and its credentials; nothing in the cloud itself is removed.
      </ConfirmDialog>
    </>
  );
}
