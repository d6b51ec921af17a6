'use client';
import { useQuery } from '@tanstack/react-query';
import { useSession } from 'next-auth/react';
import Link from 'next/link';
import { apiFetch } from '@/lib/client/api';
import type { SessionIdentity } from '@/lib/client/session';

interface Counts { vims: number; vnfds: number; vnfs: number; events: number }

function StatCard({ label, value, href }: { label: string; value: number | undefined; href: string }) {
  return (
    <Link href={href} className="card" style={{ color: 'inherit' }}>
      <div className="stat" data-testid={`count-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value ?? '…'}</div>
      <div className="stat-label">{label}</div>
    </Link>
  );
}

export function OverviewPage() {
  const { data: session } = useSession();
  const identity = (session as unknown as { identity?: SessionIdentity } | null)?.identity;
  const counts = useQuery({ queryKey: ['overview', identity?.projectId], queryFn: () => apiFetch<Counts>('/api/overview') });
  const empty = counts.data && counts.data.vnfds + counts.data.vnfs === 0;
  return (
    <>
      <h1>Overview</h1>
      <p className="muted">
        Project <strong>{identity?.projectName}</strong> · signed in as <strong>{identity?.userName}</strong>
      </p>
      {counts.isError && <div className="alert alert-error" role="alert">{counts.error.message}</div>}
      <div className="cards">
        <StatCard label="VIMs" value={counts.data?.vims} href="/vims" />
        <StatCard label="VNF descriptors" value={counts.data?.vnfds} href="/vnfds" />
        <StatCard label="VNFs" value={counts.data?.vnfs} href="/vnfs" />
        <StatCard label="Events" value={counts.data?.events} href="/events" />
      </div>
      {empty && (
        <div className="card empty" data-testid="empty-dashboard">
          No VNFs yet.{' '}
          {counts.data?.vims ? 'A VIM is ready: ' : <><Link href="/vims/new">Register a VIM</Link>, then </>}
          <Link href="/vnfds/new">onboard a VNF descriptor</Link> from the catalog and launch it from the <Link href="/vnfs">VNF Manager</Link>.
        </div>
      )}
    </>
  );
}
