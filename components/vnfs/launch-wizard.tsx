'use client';
// Launch VNF, as a wizard: 1 template (catalog VNFD or pasted/sample TOSCA), 2 parameters
// (a form generated from the template's inputs), 3 VIM + region + name, 4 review with the HOT
// preview (translated in the browser, same translator as the server), then launch.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { apiFetch } from '@/lib/client/api';
import { VNFD_SAMPLES, sampleUrl } from '@/lib/samples/vnfd-samples';
import { toYaml, translate, type InputParameter } from '@/lib/tosca';
import styles from './vnfs.module.css';

interface VnfdItem { id: string; name: string; description: string; template_source?: string; attributes: { vnfd: string } }
interface VimItem { id: string; name: string; is_default: boolean; status?: string; placement_attr?: { regions?: string[] } }

const STEPS = ['Template', 'Parameters', 'Placement', 'Review'] as const;

export function LaunchWizard() {
  const router = useRouter();
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<'catalog' | 'paste'>('catalog');
  const [vnfdId, setVnfdId] = useState('');
  const [pasted, setPasted] = useState('');
  const [params, setParams] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [vimId, setVimId] = useState('');
  const [region, setRegion] = useState('');

  const vnfds = useQuery({ queryKey: ['vnfds', 'v1'], queryFn: async () => (await apiFetch<{ vnfds: VnfdItem[] }>('/v1.0/vnfds')).vnfds.filter((v) => v.template_source !== 'inline') });
  const vims = useQuery({ queryKey: ['vims', 'v1'], queryFn: async () => (await apiFetch<{ vims: VimItem[] }>('/v1.0/vims')).vims });

  const template = mode === 'catalog' ? vnfds.data?.find((v) => v.id === vnfdId)?.attributes.vnfd ?? '' : pasted;
  const inputs: InputParameter[] = useMemo(() => (template ? translate(template).inputs : []), [template]);
  const paramValues = useMemo(() => paramObject(inputs, params), [inputs, params]);
  const preview = useMemo(() => (template ? translate(template, { paramValues }) : null), [template, paramValues]);
  const vim = vims.data?.find((v) => v.id === (vimId || defaultVim(vims.data)?.id));
  const regions = vim?.placement_attr?.regions ?? [];

  const launch = useMutation({
    mutationFn: () =>
      apiFetch<{ vnf: { id: string } }>('/v1.0/vnfs', {
        method: 'POST',
        json: {
          vnf: {
            name,
            description,
            ...(mode === 'catalog' ? { vnfd_id: vnfdId } : { vnfd_template: pasted }),
            vim_id: vim?.id ?? '',
            ...(region ? { placement_attr: { region_name: region } } : {}),
            attributes: Object.keys(paramValues).length ? { param_values: paramValues } : {},
          },
        },
      }),
    onSuccess: (res) => router.push(`/vnfs/${res.vnf.id}`),
  });

  const templateErrors = template && preview && !preview.template ? preview.errors : [];
  const missing = inputs.filter((i) => i.required && !(params[i.name] ?? '').trim());
  const canNext = [!!template && templateErrors.length === 0, missing.length === 0, name.trim() !== '' && !!vim, true][step];

  async function loadSample(file: string) {
    const sample = VNFD_SAMPLES.find((s) => s.file === file);
    if (!sample) return;
    const text = await (await fetch(sampleUrl(sample))).text();
    setPasted(text);
    if (!name) setName(file.replace(/\.ya?ml$/, '').replace(/^tosca-vnfd-/, ''));
  }

  return (
    <>
      <div className="page-head"><h1>Launch VNF</h1></div>
      <ol className={styles.steps} aria-label="Launch steps">
        {STEPS.map((s, i) => (
          <li key={s} className={`${styles.step} ${i === step ? styles.stepActive : ''}`} aria-current={i === step ? 'step' : undefined}>{i + 1}. {s}</li>
        ))}
      </ol>
      <div className="card">
        {step === 0 && (
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend className="field-hint">Choose an onboarded VNFD, or paste a TOSCA template (kept as an inline VNFD, deleted with the VNF).</legend>
            <div className={styles.actions} role="radiogroup" aria-label="Template source" style={{ marginBottom: 12 }}>
              <label><input type="radio" name="mode" checked={mode === 'catalog'} onChange={() => setMode('catalog')} /> From the catalog</label>
              <label><input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste a template</label>
            </div>
            {mode === 'catalog' ? (
              <div className="field">
                <label htmlFor="vnfd">VNFD</label>
                <select id="vnfd" value={vnfdId} onChange={(e) => setVnfdId(e.target.value)}>
                  <option value="">— choose —</option>
                  {vnfds.data?.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
                </select>
                {vnfds.data?.length === 0 && <span className="field-hint">The catalog is empty: paste a template instead.</span>}
              </div>
            ) : (
              <>
                <div className="field">
                  <label htmlFor="sample">Start from a Tacker sample</label>
                  <select id="sample" defaultValue="" onChange={(e) => void loadSample(e.target.value)}>
                    <option value="">— none —</option>
                    {VNFD_SAMPLES.map((s) => <option key={s.file} value={s.file}>{s.title}</option>)}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="template">TOSCA template (YAML)</label>
                  <textarea id="template" className={styles.textarea} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
                </div>
              </>
            )}
            {templateErrors.map((e, i) => (
              <div key={i} className="field-error" role="alert">{e.line !== undefined ? `line ${e.line}, column ${e.column}: ` : ''}{e.message}{e.path ? ` (${e.path})` : ''}</div>
            ))}
          </fieldset>
        )}
        {step === 1 && (
          <div>
            {inputs.length === 0 && <p className="muted">This template has no inputs.</p>}
            <div className={styles.grid2}>
              {inputs.map((input) => <ParamField key={input.name} input={input} value={params[input.name] ?? defaultText(input)} onChange={(v) => setParams((p) => ({ ...p, [input.name]: v }))} />)}
            </div>
          </div>
        )}
        {step === 2 && (
          <div className={styles.grid2}>
            <div className="field">
              <label htmlFor="vnf-name">Name</label>
              <input id="vnf-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={255} required />
              {!name.trim() && <span className="field-error">A name is required</span>}
            </div>
            <div className="field">
              <label htmlFor="vnf-description">Description</label>
              <input id="vnf-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1024} />
            </div>
            <div className="field">
              <label htmlFor="vim">VIM</label>
              <select id="vim" value={vim?.id ?? ''} onChange={(e) => { setVimId(e.target.value); setRegion(''); }}>
                {vims.data?.map((v) => <option key={v.id} value={v.id}>{v.name}{v.is_default ? ' (default)' : ''}</option>)}
              </select>
              {vims.data?.length === 0 && <span className="field-error">No VIM registered: register one first.</span>}
            </div>
            <div className="field">
              <label htmlFor="region">Region</label>
              <select id="region" value={region} onChange={(e) => setRegion(e.target.value)}>
                <option value="">(VIM default)</option>
                {regions.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            </div>
          </div>
        )}
        {step === 3 && (
          <div>
            <dl className={styles.kv}>
              <dt>Name</dt><dd>{name}</dd>
              <dt>Template</dt><dd>{mode === 'catalog' ? vnfds.data?.find((v) => v.id === vnfdId)?.name : 'inline template'}</dd>
              <dt>VIM / region</dt><dd>{vim?.name} / {region || '(default)'}</dd>
              <dt>Parameters</dt><dd className={styles.mono}>{Object.keys(paramValues).length ? JSON.stringify(paramValues) : '—'}</dd>
            </dl>
            {preview?.errors.length ? preview.errors.map((e, i) => <div key={i} className="alert alert-error" role="alert">{e.message}</div>) : null}
            {preview?.template && (
              <section aria-label="HOT preview">
                <h3>Heat template</h3>
                <pre className={styles.pre} data-testid="launch-hot">{toYaml(preview.template)}</pre>
                {Object.entries(preview.files).map(([file, tpl]) => (
                  <div key={file}><h4>{file}</h4><pre className={styles.pre}>{toYaml(tpl)}</pre></div>
                ))}
              </section>
            )}
            {launch.error && <div className="alert alert-error" role="alert">{launch.error.message}</div>}
          </div>
        )}
        <div className={styles.actions} style={{ justifyContent: 'space-between', marginTop: 16 }}>
          <button className="btn" disabled={step === 0} onClick={() => setStep(step - 1)}>Back</button>
          {step < 3 ? (
            <button className="btn btn-primary" disabled={!canNext} onClick={() => setStep(step + 1)}>Next</button>
          ) : (
            <button className="btn btn-primary" disabled={launch.isPending || !preview?.template} onClick={() => launch.mutate()}>{launch.isPending ? 'Launching…' : 'Launch'}</button>
          )}
        </div>
      </div>
    </>
  );
}

function defaultVim(vims: VimItem[] | undefined) {
  return vims?.find((v) => v.is_default) ?? vims?.[0];
}

function defaultText(input: InputParameter): string {
  return input.default === undefined || input.default === null ? '' : typeof input.default === 'object' ? JSON.stringify(input.default) : String(input.default);
}

/** Form text -> typed param_values (only what differs from the defaults is sent). */
function paramObject(inputs: InputParameter[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const input of inputs) {
    const text = values[input.name];
    if (text === undefined || text === defaultText(input)) continue;
    if (input.heatType === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) out[input.name] = Number(text);
    else if (input.heatType === 'boolean') out[input.name] = text === 'true';
    else out[input.name] = text;
  }
  return out;
}

function ParamField({ input, value, onChange }: { input: InputParameter; value: string; onChange: (v: string) => void }) {
  const id = `param-${input.name}`;
  const numeric = input.heatType === 'number';
  const invalid = numeric && value.trim() !== '' && Number.isNaN(Number(value));
  return (
    <div className="field">
      <label htmlFor={id}>{input.name}{input.required ? ' *' : ''} <span className="muted">({input.type})</span></label>
      {input.allowedValues ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {!input.required && <option value="">—</option>}
          {input.allowedValues.map((v) => <option key={String(v)} value={String(v)}>{String(v)}</option>)}
        </select>
      ) : input.heatType === 'boolean' ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input id={id} type={numeric ? 'number' : 'text'} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || (input.required && !value.trim())} />
      )}
      {input.description && <span className="field-hint">{input.description}</span>}
      {invalid && <span className="field-error">must be a number</span>}
      {input.required && !value.trim() && <span className="field-error">required</span>}
    </div>
  );
}
