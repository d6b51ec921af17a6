'use client';
// Status badge with live Heat progress ("4/7 resources") while the VNF is pending.
import { useQuery } from '@tanstack/react-query';
import { StatusBadge } from '@/components/ui/status-badge';
import { vnfKeys, type VnfProgress } from '@/lib/client/stream';
import styles from './vnfs.module.css';

/** Progress lives in the cache only (filled by the stream): never fetched. */
export function useVnfProgress(id: string) {
  return useQuery<VnfProgress | null>({ queryKey: vnfKeys.progress(id), queryFn: () => null, enabled: false, staleTime: Infinity }).data ?? null;
}

export function VnfStatus({ id, status }: { id: string; status: string }) {
  const progress = useVnfProgress(id);
  const pending = status.startsWith('PENDING_');
  return (
    <span className={styles.progress} data-testid={`vnf-status-${id}`} data-status={status}>
      <StatusBadge status={status} />
      {pending && progress && progress.total > 0 && (
        <>
          <span className={styles.bar} aria-hidden="true">
            <span className={styles.barFill} style={{ display: 'block', width: `${Math.round((100 * progress.done) / progress.total)}%` }} />
          </span>
          <span className={styles.small} role="status">{progress.done}/{progress.total} resources {verb(progress.stackStatus)}</span>
        </>
      )}
    </span>
  );
}

function verb(stackStatus: string): string {
  if (stackStatus.startsWith('DELETE')) return 'deleted';
  if (stackStatus.startsWith('UPDATE')) return 'updated';
  return 'created';
}
