'use client';
// Labelled inputs with their validation message (aria-invalid + aria-describedby).
import styles from './vims.module.css';

interface TextProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
}

export function TextField({ id, label, value, onChange, onBlur, error, hint, type = 'text', required, autoComplete }: TextProps) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}{required ? ' *' : ''}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete ?? 'off'}
      />
      {hint && <span id={`${id}-hint`} className="field-hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

export function CheckField({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <div className={styles.check}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && <span id={`${id}-hint`} className="field-hint">{hint}</span>}
    </div>
  );
}

/** Zod issues (paths under "vim.") -> message per form field key ("auth_cred.password"). */
export function issuesByField(issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.slice(1).map(String).join('.');
    if (!(key in out)) out[key] = i.message;
  }
  return out;
}

/** Server-side errors: the 400 detail list [{field: "vim.x"}] or a verification {field: "x"}. */
export function serverFieldErrors(detail: unknown, message: string): Record<string, string> {
  if (Array.isArray(detail)) {
    const out: Record<string, string> = {};
    for (const d of detail as { field?: string; message?: string }[]) if (d.field) out[d.field.replace(/^vim\./, '')] = d.message ?? message;
    return out;
  }
  if (detail && typeof detail === 'object' && typeof (detail as { field?: unknown }).field === 'string') return { [(detail as { field: string }).field]: message };
  return {};
}
