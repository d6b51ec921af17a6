'use client';
// The Mapping tab: VNF -> Heat stack -> Nova servers (scaling-group members included), ids copyable.
import { useState } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import type { VnfMapping } from '@/lib/server/vnfs/mapping';
import styles from './vnfs.module.css';

export function CopyId({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className={styles.mono}>
      {value}{' '}
      <button
        className={`btn ${styles.copy}`}
        aria-label={`Copy ${label}`}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          });
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

export function MappingTable({ mapping }: { mapping: VnfMapping }) {
  if (!mapping.stack) return <p className="muted">The Heat stack has not been created yet.</p>;
  return (
    <div>
      <h3>Heat stack</h3>
      <dl className={styles.kv}>
        <dt>Stack</dt><dd>{mapping.stack.name}</dd>
        <dt>Stack id</dt><dd><CopyId value={mapping.stack.id} label="stack id" /></dd>
        <dt>Status</dt><dd><StatusBadge status={mapping.stack.status} />{mapping.stack.status_reason ? <span className="muted"> {mapping.stack.status_reason}</span> : null}</dd>
        <dt>Outputs</dt>
        <dd className={styles.mono}>{mapping.stack.outputs.length ? mapping.stack.outputs.map((o) => <div key={o.key}>{o.key}: {JSON.stringify(o.value)}</div>) : '—'}</dd>
      </dl>
      <h3>Nova servers ({mapping.servers.length})</h3>
      <div className="table-wrap">
        <table className="table" aria-label="Nova servers">
          <thead>
            <tr><th>Resource</th><th>Group member</th><th>Server id</th><th>Name</th><th>Status</th><th>Addresses</th><th>Flavor</th><th>Image</th><th>Host</th></tr>
          </thead>
          <tbody>
            {mapping.servers.map((s) => (
              <tr key={s.id} data-testid="mapping-server">
                <td>{s.resource}</td>
                <td className="muted">{s.parent ?? '—'}</td>
                <td data-testid="server-id"><CopyId value={s.id} label={`server id of ${s.resource}`} /></td>
                <td>{s.name}</td>
                <td><StatusBadge status={s.status} /></td>
                <td className={styles.mono}>{s.addresses.map((a) => `${a.network}=${a.addr}`).join(', ')}</td>
                <td>{s.flavor}</td>
                <td className={styles.mono}>{s.image}</td>
                <td>{s.host}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>All resources ({mapping.resources.length})</h3>
      <div className="table-wrap">
        <table className="table" aria-label="Stack resources">
          <thead><tr><th>Logical name</th><th>Type</th><th>Physical id</th><th>Status</th><th>In</th></tr></thead>
          <tbody>
            {mapping.resources.map((r) => (
              <tr key={`${r.parent ?? ''}/${r.name}`}>
                <td>{r.name}</td>
                <td className={styles.mono}>{r.type}</td>
                <td>{r.physical_id ? <CopyId value={r.physical_id} label={`id of ${r.name}`} /> : '—'}</td>
                <td><StatusBadge status={r.status} /></td>
                <td className="muted">{r.parent ?? 'stack'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
