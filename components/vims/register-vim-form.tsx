'use client';
// Register VIM: live validation with the API's own zod schema, "Test connection" (what the VIM's
// Keystone says, regions included) before saving.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { ApiRequestError, apiFetch } from '@/lib/client/api';
import { vimCreateBody } from '@/lib/server/vims/attributes';
import { CheckField, issuesByField, serverFieldErrors, TextField } from './form-fields';
import type { VimView } from './types';
import { useAllowed } from './use-allowed';
import styles from './vims.module.css';

interface FormState {
  /** password: user + password; appcred: application credential id + secret */
  method: 'password' | 'appcred';
  name: string;
  description: string;
  auth_url: string;
  username: string;
  user_domain_name: string;
  password: string;
  app_cred_id: string;
  app_cred_secret: string;
  project_name: string;
  project_domain_name: string;
  cert_verify: boolean;
  is_default: boolean;
  shared: boolean;
}

const EMPTY: FormState = {
  method: 'password', app_cred_id: '', app_cred_secret: '', name: '', description: '', auth_url: '', username: '', user_domain_name: 'Default', password: '',
  project_name: '', project_domain_name: 'Default', cert_verify: true, is_default: false, shared: false,
};

/** The POST /v1.0/vims body of the form. */
function bodyOf(f: FormState) {
  return {
    vim: {
      name: f.name,
      description: f.description,
      type: 'openstack',
      auth_url: f.auth_url,
      auth_cred:
        f.method === 'appcred'
          ? { application_credential_id: f.app_cred_id, application_credential_secret: f.app_cred_secret, cert_verify: f.cert_verify }
          : { username: f.username, user_domain_name: f.user_domain_name, password: f.password, cert_verify: f.cert_verify },
      vim_project: { name: f.project_name, project_domain_name: f.project_domain_name },
      is_default: f.is_default,
      ...(f.shared ? { shared: true } : {}),
    },
  };
}

interface TestResult { auth_url: string; project_id: string; project_name: string; regions: string[] }

export function RegisterVimForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const can = useAllowed(['context_is_admin'], {});

  const clientErrors = useMemo(() => {
    const parsed = vimCreateBody.safeParse(bodyOf(form));
    return parsed.success ? {} : issuesByField(parsed.error.issues);
  }, [form]);
  const valid = Object.keys(clientErrors).length === 0;
  const errorOf = (key: string) => (submitted || touched.has(key) ? clientErrors[key] : undefined) ?? serverErrors[key];

  const set = <K extends keyof FormState>(key: K, fieldKey: string) => (value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setServerErrors((e) => {
      const { [fieldKey]: _gone, ...rest } = e;
      return rest;
    });
    test.reset();
  };
  const touch = (key: string) => () => setTouched((t) => new Set(t).add(key));

  const onError = (e: Error) => {
    if (e instanceof ApiRequestError) setServerErrors(serverFieldErrors(e.detail, e.message));
  };
  const test = useMutation({
    mutationFn: () => apiFetch<TestResult>('/api/vims/test-connection', { method: 'POST', json: bodyOf(form) }),
    onError,
  });
  const save = useMutation({
    mutationFn: () => apiFetch<{ vim: VimView }>('/v1.0/vims', { method: 'POST', json: bodyOf(form) }),
    onError,
    onSuccess: async ({ vim }) => {
      await queryClient.invalidateQueries({ queryKey: ['vims'] });
      router.push(`/vims/${vim.id}`);
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (valid) save.mutate();
  };
  const field = (key: keyof FormState, fieldKey: string, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField id={`vim-${fieldKey.replace('.', '-')}`} label={label} value={form[key] as string} onChange={set(key, fieldKey)} onBlur={touch(fieldKey)} error={errorOf(fieldKey)} {...extra} />
  );

  return (
    <>
      <div className="page-head">
        <h1>Register VIM</h1>
      </div>
      <form className="card" onSubmit={submit} noValidate aria-label="Register VIM">
        <fieldset className={styles.fieldset}>
          <legend>VIM</legend>
          <div className={styles.formGrid}>
            {field('name', 'name', 'Name', { required: true })}
            {field('description', 'description', 'Description')}
          </div>
          {field('auth_url', 'auth_url', 'Auth URL', { required: true, hint: 'Keystone, e.g. https://cloud.example.com:5000/v3 (/v3 is found if missing)' })}
          <CheckField id="vim-cert-verify" label="Verify the TLS certificate" checked={form.cert_verify} onChange={set('cert_verify', 'auth_cred.cert_verify')} />
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend>Credentials</legend>
          <div role="radiogroup" aria-label="Authentication" className={styles.actions} style={{ marginBottom: 12 }}>
            {([['password', 'User and password'], ['appcred', 'Application credential']] as const).map(([value, label]) => (
              <label key={value} className={styles.check} style={{ marginBottom: 0 }}>
                <input type="radio" name="vim-method" value={value} checked={form.method === value} onChange={() => set('method', 'method')(value)} />
                {label}
              </label>
            ))}
          </div>
          <div className={styles.formGrid}>
            {form.method === 'password' ? (
              <>
                {field('username', 'auth_cred.username', 'User name', { required: true })}
                {field('user_domain_name', 'auth_cred.user_domain_name', 'User domain')}
                {field('password', 'auth_cred.password', 'Password', { required: true, type: 'password', autoComplete: 'new-password' })}
              </>
            ) : (
              <>
                {field('app_cred_id', 'auth_cred.application_credential_id', 'Application credential ID', { required: true })}
                {field('app_cred_secret', 'auth_cred.application_credential_secret', 'Application credential secret', { required: true, type: 'password', autoComplete: 'new-password' })}
              </>
            )}
            {field('project_name', 'vim_project.name', 'Project name', { required: true, hint: form.method === 'appcred' ? "The credential's own project" : undefined })}
            {field('project_domain_name', 'vim_project.project_domain_name', 'Project domain')}
          </div>
          {serverErrors.vim_project && <div className="field-error" role="alert">{serverErrors.vim_project}</div>}
        </fieldset>
        <CheckField id="vim-is-default" label="Default VIM of the project" checked={form.is_default} onChange={set('is_default', 'is_default')} />
        {can('context_is_admin') && <CheckField id="vim-shared" label="Shared with all projects" checked={form.shared} onChange={set('shared', 'shared')} />}

        {(test.error || save.error) && (
          <div className="alert alert-error" role="alert">{(save.error ?? test.error)!.message}</div>
        )}
        {test.data && (
          <div className={`alert alert-info ${styles.result}`} role="status" data-testid="test-result">
            Connected to {test.data.auth_url} as project {test.data.project_name}. Regions: <strong>{test.data.regions.join(', ') || 'none'}</strong>
          </div>
        )}
        <div className={styles.actions}>
          <button type="button" className="btn" disabled={!valid || test.isPending} onClick={() => { setSubmitted(true); test.mutate(); }}>
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>{save.isPending ? 'Registering…' : 'Register'}</button>
          <button type="button" className="btn btn-ghost" onClick={() => router.push('/vims')}>Cancel</button>
        </div>
      </form>
    </>
  );
}
