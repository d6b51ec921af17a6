'use client';
// The VNFD editor: Monaco on the left, the live Heat preview on the right. Text comes from a
// sample, an upload (file input or drop), the clipboard, or an onboarded VNFD; unsaved work is
// kept in localStorage; saving onboards (POST) or creates the next version (PUT).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LazyCodeEditor, type EditorMarker } from '@/components/editor/lazy';
import { ApiRequestError, apiFetch } from '@/lib/client/api';
import { sampleUrl, VNFD_SAMPLES } from '@/lib/samples/vnfd-samples';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft-storage';
import { HotPreview } from './hot-preview';
import { useLiveTranslation } from './live-translation';
import type { VnfdView } from './types';
import { ValidateOnVim } from './validate-on-vim';
import styles from './vnfds.module.css';

const DRAFT_DELAY_MS = 400;
const MAX_UPLOAD_BYTES = 1024 * 1024;

export function VnfdEditorPage({ vnfdId }: { vnfdId: string | null }) {
  const existing = useQuery({
    queryKey: ['vnfd', vnfdId],
    queryFn: () => apiFetch<{ vnfd: VnfdView }>(`/v1.0/vnfds/${vnfdId}`),
    enabled: vnfdId !== null,
  });
  // Drafts live in localStorage: render the editor in the browser only (no hydration mismatch).
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <div className="empty" role="status">Loading editor…</div>;
  if (vnfdId && existing.isLoading) return <div className="empty" role="status">Loading VNFD…</div>;
  if (vnfdId && existing.error) return <div className="alert alert-error" role="alert">{existing.error.message}</div>;
  return <VnfdEditor vnfd={existing.data?.vnfd ?? null} />;
}

function VnfdEditor({ vnfd }: { vnfd: VnfdView | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const vnfdId = vnfd?.id ?? null;
  const baseText = vnfd?.attributes.vnfd ?? '';
  // A stored draft wins over the saved text (the tab was closed with unsaved changes).
  const [restored] = useState<Draft | null>(() => {
    const d = typeof window === 'undefined' ? null : loadDraft(vnfdId);
    return d && d.text !== baseText ? d : null;
  });
  const initialText = restored?.text ?? baseText;
  const [editorValue, setEditorValue] = useState({ text: initialText, revision: 0 });
  const [name, setName] = useState(restored?.name ?? vnfd?.name ?? '');
  const [description, setDescription] = useState(restored?.description ?? vnfd?.description ?? '');
  const [dirty, setDirty] = useState(restored !== null);
  const [notice, setNotice] = useState<string | null>(restored ? `Restored unsaved changes from ${new Date(restored.savedAt).toLocaleString()}.` : null);
  const [saveError, setSaveError] = useState<{ message: string; markers: EditorMarker[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [pendingReplace, setPendingReplace] = useState<{ text: string; from: string } | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const text = useRef(initialText);
  const reveal = useRef<((line: number, column: number) => void) | null>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { translation, update, reset } = useLiveTranslation(initialText);

  const persistDraft = useCallback(() => {
    if (draftTimer.current) clearTimeout(draftTimer.current);
    draftTimer.current = setTimeout(() => saveDraft(vnfdId, { text: text.current, name: nameRef.current, description: descRef.current }), DRAFT_DELAY_MS);
  }, [vnfdId]);
  const nameRef = useRef(name);
  const descRef = useRef(description);
  nameRef.current = name;
  descRef.current = description;
  useEffect(() => () => {
    if (draftTimer.current) clearTimeout(draftTimer.current);
  }, []);

  const onEdit = useCallback(
    (next: string) => {
      if (next === text.current) return;
      text.current = next;
      update(next);
      setDirty(true);
      setSaveError(null);
      persistDraft();
    },
    [update, persistDraft],
  );

  function replaceText(next: string, from: string) {
    text.current = next;
    setEditorValue((v) => ({ text: next, revision: v.revision + 1 }));
    reset(next);
    setDirty(next !== baseText);
    setSaveError(null);
    setNotice(`Loaded ${from}.`);
    persistDraft();
  }
  /** Replacing unsaved work asks first. */
  function offerText(next: string, from: string) {
    if (dirty && text.current.trim() && text.current !== next) setPendingReplace({ text: next, from });
    else replaceText(next, from);
  }

  async function loadSample(file: string) {
    const sample = VNFD_SAMPLES.find((s) => s.file === file);
    if (!sample) return;
    try {
      const res = await fetch(sampleUrl(sample));
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      offerText(await res.text(), `sample “${sample.title}”`);
    } catch (e) {
      setNotice(`Could not load the sample: ${(e as Error).message}`);
    }
  }

  async function loadFile(file: File | undefined) {
    if (!file) return;
    if (!/\.(ya?ml)$/i.test(file.name)) return setNotice(`${file.name} is not a .yaml file.`);
    if (file.size > MAX_UPLOAD_BYTES) return setNotice(`${file.name} is larger than 1 MB.`);
    offerText(await file.text(), file.name);
  }

  async function pasteClipboard() {
    try {
      const clip = await navigator.clipboard.readText();
      if (!clip.trim()) return setNotice('The clipboard is empty.');
      offerText(clip, 'the clipboard');
    } catch {
      setNotice('The browser did not allow reading the clipboard; paste into the editor with Ctrl+V instead.');
    }
  }

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      const body = { vnfd: { name, description, attributes: { vnfd: text.current } } };
      const res = vnfdId
        ? await apiFetch<{ vnfd: VnfdView }>(`/v1.0/vnfds/${vnfdId}`, { method: 'PUT', json: { vnfd: { ...(name ? { name } : {}), description, attributes: { vnfd: text.current } } } })
        : await apiFetch<{ vnfd: VnfdView }>('/v1.0/vnfds', { method: 'POST', json: body });
      clearDraft(vnfdId);
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['vnfd'] });
      await queryClient.invalidateQueries({ queryKey: ['vnfds'] });
      router.push(`/vnfds/${res.vnfd.id}${vnfdId ? '?tab=versions' : ''}`);
    } catch (e) {
      const detail = e instanceof ApiRequestError && Array.isArray(e.detail) ? (e.detail as { line?: number | null; column?: number | null; message: string }[]) : [];
      setSaveError({
        message: (e as Error).message,
        markers: detail.filter((d) => d.line).map((d) => ({ line: d.line!, column: d.column ?? 1, message: d.message })),
      });
    } finally {
      setSaving(false);
    }
  }

  function discardDraft() {
    clearDraft(vnfdId);
    replaceText(baseText, vnfd ? 'the saved version' : 'an empty template');
    setDirty(false);
    setNotice('Unsaved changes discarded.');
  }

  const markers = useMemo<EditorMarker[]>(
    () => [...translation.errors.filter((e) => e.line).map((e) => ({ line: e.line!, column: e.column ?? 1, message: `${e.message} (${e.path || 'document'})` })), ...(saveError?.markers ?? [])],
    [translation.errors, saveError],
  );
  const canSave = !saving && translation.errors.length === 0 && text.current.trim() !== '' && (vnfdId === null || dirty || name !== vnfd?.name || description !== vnfd?.description);

  return (
    <>
      <div className="page-head">
        <h1>{vnfd ? `Edit VNFD ${vnfd.name}` : 'Onboard VNFD'}</h1>
        {vnfd && <Link className="btn" href={`/vnfds/${vnfd.id}`}>Back to VNFD</Link>}
        <button className="btn btn-primary" onClick={save} disabled={!canSave} aria-busy={saving || undefined}>
          {saving ? 'Saving…' : vnfd ? 'Save as new version' : 'Onboard'}
        </button>
      </div>

      {notice && (
        <div className="alert alert-info" role="status" data-testid="editor-notice">
          {notice} {restored && dirty && <button className="btn btn-ghost" onClick={discardDraft}>Discard unsaved changes</button>}
        </div>
      )}
      {saveError && <div className="alert alert-error" role="alert">{saveError.message}</div>}

      <div className={styles.meta}>
        <div className="field">
          <label htmlFor="vnfd-name">Name</label>
          <input id="vnfd-name" value={name} onChange={(e) => { setName(e.target.value); setDirty(true); persistDraft(); }} placeholder="default: metadata.template_name" maxLength={255} />
        </div>
        <div className="field">
          <label htmlFor="vnfd-description">Description</label>
          <input id="vnfd-description" value={description} onChange={(e) => { setDescription(e.target.value); setDirty(true); persistDraft(); }} placeholder="default: the template's description" />
        </div>
      </div>

      <div className={styles.toolbar} role="toolbar" aria-label="Template source">
        <label htmlFor="sample-select" className="sr-only">Start from a sample</label>
        <select id="sample-select" defaultValue="" onChange={(e) => { const v = e.target.value; e.target.value = ''; void loadSample(v); }}>
          <option value="" disabled>Start from a sample…</option>
          {VNFD_SAMPLES.map((s) => (
            <option key={s.file} value={s.file} title={s.summary}>{s.title}</option>
          ))}
        </select>
        <label className="btn" htmlFor="vnfd-upload">Upload .yaml</label>
        <input id="vnfd-upload" type="file" accept=".yaml,.yml" className="sr-only" onChange={(e) => { void loadFile(e.target.files?.[0]); e.target.value = ''; }} />
        <button className="btn" onClick={pasteClipboard}>Paste from clipboard</button>
        <OpenOnboarded currentId={vnfdId} />
        <div className="header-spacer" />
        <ValidateOnVim getText={() => text.current} disabled={translation.errors.length > 0} />
      </div>

      <div className={styles.editorGrid}>
        <div>
          <div
            className={`${styles.dropZone} ${dropActive ? styles.dropActive : ''}`}
            onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDropActive(true); } }}
            onDragLeave={() => setDropActive(false)}
            onDrop={(e) => { if (e.dataTransfer.files.length) { e.preventDefault(); setDropActive(false); void loadFile(e.dataTransfer.files[0]); } }}
            data-testid="vnfd-drop-zone"
          >
            <LazyCodeEditor
              value={editorValue.text}
              revision={editorValue.revision}
              onChange={onEdit}
              markers={markers}
              path={`${vnfdId ?? 'new'}.vnfd.yaml`}
              label="VNFD template (TOSCA YAML)"
              onReady={(api) => { reveal.current = api.reveal; }}
            />
          </div>
          <p className={styles.status} aria-live="polite" data-testid="translate-status">
            {translation.errors.length ? `${translation.errors.length} error(s)` : translation.hot ? 'Valid' : ''} · translated in {translation.millis.toFixed(1)} ms
            {dirty ? ' · unsaved changes kept in this browser' : ''}
          </p>
          {translation.errors.length > 0 && (
            <ul className={styles.errors} aria-label="Template errors" data-testid="template-errors">
              {translation.errors.map((e, i) => (
                <li key={i}>
                  <button onClick={() => e.line && reveal.current?.(e.line, e.column ?? 1)}>
                    {e.line ? `Line ${e.line}, column ${e.column ?? 1}: ` : ''}
                    {e.message}
                    {e.path ? ` (${e.path})` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <HotPreview translation={translation} />
      </div>

      <ConfirmDialog
        open={pendingReplace !== null}
        title="Replace the template?"
        confirmLabel="Replace"
        danger
        onCancel={() => setPendingReplace(null)}
        onConfirm={() => { if (pendingReplace) replaceText(pendingReplace.text, pendingReplace.from); setPendingReplace(null); }}
      >
        <p>Loading {pendingReplace?.from} replaces your unsaved changes in the editor.</p>
      </ConfirmDialog>
    </>
  );
}

/** Jump to the editor of an onboarded VNFD. */
function OpenOnboarded({ currentId }: { currentId: string | null }) {
  const router = useRouter();
  const list = useQuery({ queryKey: ['vnfds', 'names'], queryFn: () => apiFetch<{ vnfds: { id: string; name: string }[] }>('/v1.0/vnfds?fields=id&fields=name') });
  const others = (list.data?.vnfds ?? []).filter((v) => v.id !== currentId);
  if (!others.length) return null;
  return (
    <>
      <label htmlFor="open-vnfd" className="sr-only">Open an onboarded VNFD</label>
      <select id="open-vnfd" defaultValue="" onChange={(e) => router.push(`/vnfds/${e.target.value}/edit`)}>
        <option value="" disabled>Open an onboarded VNFD…</option>
        {others.map((v) => (
          <option key={v.id} value={v.id}>{v.name}</option>
        ))}
      </select>
    </>
  );
}
