'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { apiFetch } from '@/lib/client/api';

interface RuleRow { name: string; text: string; origin: 'default' | 'override' }
interface PolicyDoc { file: string | null; loaded_at: string; errors: string[]; warnings: string[]; rules: RuleRow[] }
interface TryResult { rule: string; allowed: boolean; reason: string; error: string | null }

const columns: Column<RuleRow>[] = [
  { key: 'name', header: 'Rule', value: (r) => r.name, render: (r) => <code>{r.name}</code> },
  { key: 'text', header: 'Check', value: (r) => r.text, render: (r) => <code>{r.text || '""  (always)'}</code> },
  { key: 'origin', header: 'Source', value: (r) => r.origin, render: (r) => <span className={`badge ${r.origin === 'override' ? 'badge-warn' : ''}`}>{r.origin === 'override' ? 'overridden' : 'built in'}</span> },
];

export function PolicyPage() {
  const policy = useQuery({ queryKey: ['admin', 'policy'], queryFn: () => apiFetch<PolicyDoc>('/api/admin/policy') });
  return (
    <>
      <div className="page-head">
        <h1>Policy</h1>
      </div>
      <p className="muted">
        Tacker&apos;s default policy{policy.data?.file ? <> with overrides from <code>{policy.data.file}</code></> : ' (no override file: set TRELLIS_POLICY_FILE)'}.
      </p>
      {policy.data?.errors.map((e) => (
        <div key={e} className="alert alert-error" role="alert">
          Override file not in force: {e}
        </div>
      ))}
      <TryIt />
      <h2>Effective rules</h2>
      <DataTable label="Policy rules" rows={policy.data?.rules} columns={columns} rowKey={(r) => r.name} loading={policy.isLoading} error={policy.error?.message} pageSize={50} />
    </>
  );
}

function TryIt() {
  const [rule, setRule] = useState('delete_vnf');
  const [target, setTarget] = useState('{"tenant_id": "project-a"}');
  const [project, setProject] = useState('project-b');
  const [roles, setRoles] = useState('member');
  const [targetError, setTargetError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (input: { rule: string; target: Record<string, unknown>; creds: { project_id: string; roles: string[] } }) =>
      apiFetch<TryResult>('/api/admin/policy/try', { method: 'POST', json: input }),
  });

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(target || '{}');
    } catch (err) {
      setTargetError(`Target is not valid JSON: ${(err as Error).message}`);
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setTargetError('Target must be a JSON object');
      return;
    }
    setTargetError(null);
    run.mutate({ rule, target: parsed as Record<string, unknown>, creds: { project_id: project, roles: roles.split(',').map((r) => r.trim()).filter(Boolean) } });
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="try-title" style={{ marginBottom: 16 }}>
      <h2 id="try-title" style={{ marginTop: 0 }}>Try it</h2>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        <div className="field">
          <label htmlFor="try-rule">Rule</label>
          <input id="try-rule" value={rule} onChange={(e) => setRule(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="try-target">Target (JSON)</label>
          <input id="try-target" className="mono" value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!targetError} />
          {targetError && <span className="field-error">{targetError}</span>}
        </div>
        <div className="field">
          <label htmlFor="try-project">As project</label>
          <input id="try-project" value={project} onChange={(e) => setProject(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="try-roles">With roles (comma separated)</label>
          <input id="try-roles" value={roles} onChange={(e) => setRoles(e.target.value)} />
        </div>
      </div>
      <button className="btn btn-primary" type="submit" disabled={run.isPending}>Evaluate</button>
      {run.error && <div className="alert alert-error" role="alert" style={{ marginTop: 12 }}>{run.error.message}</div>}
      {run.data && (
        <div className={`alert ${run.data.allowed ? 'alert-info' : 'alert-error'}`} role="status" style={{ marginTop: 12 }} data-testid="policy-decision">
          <strong>{run.data.allowed ? 'Allowed' : 'Denied'}</strong>: {run.data.reason}
          {run.data.error && <div>Error: {run.data.error}</div>}
        </div>
      )}
    </form>
  );
}
