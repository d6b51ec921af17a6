'use client';
// "Validate on VIM": the server translates the template and asks the chosen VIM's Heat to validate it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/client/api';

type Result =
  | { valid: true; vim: { id: string; name: string }; parameters: Record<string, unknown>; description: string | null }
  | { valid: false; vim: { id: string; name: string }; reason: string; status: number };

export function ValidateOnVim({ getText, disabled }: { getText: () => string; disabled?: boolean }) {
  const vims = useQuery({ queryKey: ['vims', 'names'], queryFn: () => apiFetch<{ vims: { id: string; name: string }[] }>('/v1.0/vims?fields=id&fields=name'), retry: false });
  const [vimId, setVimId] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const list = vims.data?.vims ?? [];
  const chosen = vimId || list[0]?.id || '';

  async function validate() {
    setBusy(true);
    setAnswer(null);
    try {
      const r = await apiFetch<Result>('/api/vnfds/validate-on-vim', { method: 'POST', json: { vim_id: chosen, vnfd: getText() } });
      setAnswer(
        r.valid
          ? { ok: true, text: `Heat on ${r.vim.name} accepts the template${Object.keys(r.parameters).length ? ` (parameters: ${Object.keys(r.parameters).join(', ')})` : ''}.` }
          : { ok: false, text: `Heat on ${r.vim.name} refused the template: ${r.reason}` },
      );
    } catch (e) {
      setAnswer({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  if (vims.error) return <span className="muted" title={vims.error.message}>VIMs unavailable</span>;
  if (!list.length) return <span className="muted">{vims.isLoading ? '' : 'No VIM to validate on'}</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <label htmlFor="validate-vim" className="sr-only">VIM to validate on</label>
      <select id="validate-vim" value={chosen} onChange={(e) => setVimId(e.target.value)}>
        {list.map((v) => (
          <option key={v.id} value={v.id}>{v.name}</option>
        ))}
      </select>
      <button className="btn" onClick={validate} disabled={busy || disabled || !chosen} aria-busy={busy || undefined}>
        {busy ? 'Validating…' : 'Validate on VIM'}
      </button>
      {answer && (
        <span role="status" className={`badge ${answer.ok ? 'badge-ok' : 'badge-err'}`} data-testid="validate-result" style={{ whiteSpace: 'normal' }}>
          {answer.text}
        </span>
      )}
    </span>
  );
}
