'use client';
// Edit a VIM: name, description, default, and credentials (a new password is verified by the server).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiRequestError, apiFetch } from '@/lib/client/api';
import { vimUpdateBody } from '@/lib/server/vims/attributes';
import { CheckField, issuesByField, serverFieldErrors, TextField } from './form-fields';
import type { VimView } from './types';
import styles from './vims.module.css';

/** Only what changed goes to PUT /v1.0/vims/{id}. */
function changesOf(vim: VimView, f: Fields) {
  const out: Record<string, unknown> = {};
  if (f.name !== vim.name) out.name = f.name;
  if (f.description !== vim.description) out.description = f.description;
  if (f.is_default !== vim.is_default) out.is_default = f.is_default;
  const cred: Record<string, unknown> = {};
  if (vim.auth_cred?.application_credential_id) {
    // a new secret for the same application credential
    if (f.password) cred.application_credential_secret = f.password;
  } else {
    if (f.username !== (vim.auth_cred?.username ?? '')) cred.username = f.username;
    if (f.password) cred.password = f.password;
  }
  if (f.cert_verify !== (vim.auth_cred?.cert_verify !== 'False')) cred.cert_verify = f.cert_verify;
  if (Object.keys(cred).length) out.auth_cred = cred;
  if (f.project_name !== (vim.vim_project.name ?? '')) out.vim_project = { name: f.project_name };
  return out;
}

interface Fields { name: string; description: string; is_default: boolean; username: string; password: string; project_name: string; cert_verify: boolean }

export function EditVimForm({ vim, canSetDefault, onDone }: { vim: VimView; canSetDefault: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [f, setF] = useState<Fields>({
    name: vim.name,
    description: vim.description,
    is_default: vim.is_default,
    username: vim.auth_cred?.username ?? '',
    password: '',
    project_name: vim.vim_project.name ?? '',
    cert_verify: vim.auth_cred?.cert_verify !== 'False',
  });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const changes = changesOf(vim, f);
  const clientErrors = useMemo(() => {
    if (!Object.keys(changes).length) return {};
    const parsed = vimUpdateBody.safeParse({ vim: changes });
    return parsed.success ? {} : issuesByField(parsed.error.issues);
  }, [changes]);
  const errorOf = (k: string) => clientErrors[k] ?? serverErrors[k];
  const set = <K extends keyof Fields>(k: K) => (v: Fields[K]) => {
    setF((x) => ({ ...x, [k]: v }));
    setServerErrors({});
  };

  const save = useMutation({
    mutationFn: () => apiFetch<{ vim: VimView }>(`/v1.0/vims/${vim.id}`, { method: 'PUT', json: { vim: changes } }),
    onError: (e) => e instanceof ApiRequestError && setServerErrors(serverFieldErrors(e.detail, e.message)),
    onSuccess: async ({ vim: updated }) => {
      queryClient.setQueryData(['vim', vim.id], { vim: updated });
      await queryClient.invalidateQueries({ queryKey: ['vims'] });
      await queryClient.invalidateQueries({ queryKey: ['events', vim.id] });
      onDone();
    },
  });
  const nothing = Object.keys(changes).length === 0;
  const appCred = Boolean(vim.auth_cred?.application_credential_id);

  return (
    <form
      className="card"
      aria-label="Edit VIM"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!nothing && !Object.keys(clientErrors).length) save.mutate();
      }}
    >
      <div className={styles.formGrid}>
        <TextField id="edit-name" label="Name" value={f.name} onChange={set('name')} error={errorOf('name')} />
        <TextField id="edit-description" label="Description" value={f.description} onChange={set('description')} error={errorOf('description')} />
        {!appCred && <TextField id="edit-username" label="User name" value={f.username} onChange={set('username')} error={errorOf('auth_cred.username')} />}
        <TextField
          id="edit-password"
          label={appCred ? 'New application credential secret' : 'New password'}
          type="password"
          autoComplete="new-password"
          value={f.password}
          onChange={set('password')}
          error={errorOf(appCred ? 'auth_cred.application_credential_secret' : 'auth_cred.password')}
          hint="Leave empty to keep the current one. New credentials are verified before they are saved."
        />
        <TextField id="edit-project" label="Project name" value={f.project_name} onChange={set('project_name')} error={errorOf('vim_project.name') ?? errorOf('vim_project')} />
      </div>
      <CheckField id="edit-cert-verify" label="Verify the TLS certificate" checked={f.cert_verify} onChange={set('cert_verify')} />
      {canSetDefault && <CheckField id="edit-default" label="Default VIM of the project" checked={f.is_default} onChange={set('is_default')} />}
      {save.error && <div className="alert alert-error" role="alert">{save.error.message}</div>}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={nothing || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
