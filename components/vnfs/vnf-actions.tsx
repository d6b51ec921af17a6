'use client';
// Scale out/in and delete for one VNF, offered only when both the state machine and the policy allow.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch } from '@/lib/client/api';
import { vnfKeys, type VnfRow } from '@/lib/client/stream';
import { scalingPolicies, stateAllows } from './model';
import { useVnfPolicy } from './use-allowed';
import styles from './vnfs.module.css';

export function VnfActions({ vnf, onDeleted, compact }: { vnf: VnfRow; onDeleted?: () => void; compact?: boolean }) {
  const qc = useQueryClient();
  const allowed = useVnfPolicy(vnf);
  const policies = scalingPolicies(vnf);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const scale = useMutation({
    mutationFn: (s: { type: 'out' | 'in'; policy: string }) => apiFetch(`/v1.0/vnfs/${vnf.id}/actions`, { method: 'POST', json: { scale: s } }),
    onError: (e) => setError((e as Error).message),
    onSuccess: () => setError(null),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/v1.0/vnfs/${vnf.id}`, { method: 'DELETE', json: {} }),
    onSuccess: () => {
      setConfirm(false);
      void qc.invalidateQueries({ queryKey: vnfKeys.list });
      onDeleted?.();
    },
    onError: (e) => setError((e as Error).message),
  });

  const canScale = allowed('create_vnf_scale') && stateAllows(vnf, 'scale_out');
  return (
    <div className={styles.actions}>
      {policies.length > 0 && allowed('create_vnf_scale') &&
        policies.map((policy) => (
          <span key={policy} className={styles.actions}>
            <button className="btn" disabled={!canScale || scale.isPending} onClick={() => scale.mutate({ type: 'out', policy })} aria-label={`Scale out ${vnf.name} (${policy})`}>
              Scale out{compact ? '' : ` (${policy})`}
            </button>
            <button className="btn" disabled={!canScale || scale.isPending} onClick={() => scale.mutate({ type: 'in', policy })} aria-label={`Scale in ${vnf.name} (${policy})`}>
              Scale in{compact ? '' : ` (${policy})`}
            </button>
          </span>
        ))}
      {allowed('delete_vnf') && (
        <button className="btn btn-danger" disabled={!stateAllows(vnf, 'delete')} onClick={() => setConfirm(true)} aria-label={`Delete ${vnf.name}`}>
          Delete
        </button>
      )}
      {error && !confirm && <span className={styles.error} role="alert">{error}</span>}
      <ConfirmDialog open={confirm} title={`Delete VNF ${vnf.name}?`} confirmLabel="Delete VNF" busy={remove.isPending} error={remove.error?.message ?? null} onConfirm={() => remove.mutate()} onCancel={() => setConfirm(false)}>
        <p>Its Heat stack and every server, port and volume in it will be deleted.</p>
      </ConfirmDialog>
    </div>
  );
}
