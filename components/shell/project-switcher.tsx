'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Menu } from '@/components/ui/menu';
import { apiFetch } from '@/lib/client/api';
import type { SessionIdentity } from '@/lib/client/session';

interface ProjectsResponse { projects: { id: string; name: string; description: string }[] }

/** Like Horizon's project picker: rescopes the session's Keystone token to another project. */
export function ProjectSwitcher({ identity }: { identity: SessionIdentity }) {
  const { update } = useSession();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [switching, setSwitching] = useState(false);
  const projects = useQuery({ queryKey: ['session', 'projects'], queryFn: () => apiFetch<ProjectsResponse>('/api/session/projects') });

  async function choose(projectId: string, close: () => void) {
    close();
    if (projectId === identity.projectId) return;
    setSwitching(true);
    await update({ projectId });
    queryClient.clear();
    router.refresh();
    setSwitching(false);
  }

  return (
    <Menu label="Switch project" buttonLabel={<span data-testid="current-project">{switching ? 'Switching…' : `Project: ${identity.projectName}`}</span>}>
      {(close) =>
        projects.isLoading ? (
          <div className="menu-item muted">Loading…</div>
        ) : projects.isError ? (
          <div className="menu-item" role="alert">Could not list projects: {projects.error.message}</div>
        ) : (
          projects.data!.projects.map((p) => (
            <button key={p.id} className="menu-item" role="menuitemradio" aria-checked={p.id === identity.projectId} onClick={() => choose(p.id, close)}>
              {p.name}
            </button>
          ))
        )
      }
    </Menu>
  );
}
