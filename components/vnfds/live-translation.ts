'use client';
// Re-translates the editor text in the browser with the same lib/tosca translator the server uses.
// Leading-edge throttle: the first edit after a pause translates at once (a few ms), edits that
// follow within `intervalMs` are coalesced into one trailing run, so typing never queues work.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toYaml, translate, type TemplateError } from '@/lib/tosca';

export interface Translation {
  /** Increments with every translation (tests and the latency probe watch it). */
  seq: number;
  text: string;
  errors: TemplateError[];
  /** Last successful translation (kept while the text is broken, marked stale). */
  hot: Record<string, unknown> | null;
  hotYaml: string;
  files: { name: string; hot: Record<string, unknown>; yaml: string }[];
  monitoringPolicy: Record<string, unknown> | null;
  stale: boolean;
  millis: number;
}

// One shared empty list: an edit that stays valid does not change `errors`, so the editor's
// markers (and Monaco's decorations) are not recomputed on every keystroke.
const NO_ERRORS: TemplateError[] = [];
const EMPTY: Translation = { seq: 0, text: '', errors: NO_ERRORS, hot: null, hotYaml: '', files: [], monitoringPolicy: null, stale: false, millis: 0 };

export function translateForPreview(text: string, seq: number, previous: Translation = EMPTY): Translation {
  const started = performance.now();
  if (!text.trim()) return { ...EMPTY, seq, text };
  const result = translate(text);
  if (result.errors.length || !result.template) {
    return { ...previous, seq, text, errors: result.errors, stale: previous.hot !== null, millis: performance.now() - started };
  }
  return {
    seq,
    text,
    errors: NO_ERRORS,
    hot: result.template,
    hotYaml: toYaml(result.template),
    files: Object.entries(result.files).map(([name, hot]) => ({ name, hot, yaml: toYaml(hot) })),
    monitoringPolicy: result.monitoringPolicy,
    stale: false,
    millis: performance.now() - started,
  };
}

export function useLiveTranslation(initialText: string, intervalMs = 150) {
  const [translation, setTranslation] = useState<Translation>(() => translateForPreview(initialText, 1));
  const latest = useRef(initialText);
  const lastRun = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef(translation);

  const run = useCallback(() => {
    timer.current = null;
    lastRun.current = performance.now();
    const next = translateForPreview(latest.current, current.current.seq + 1, current.current);
    current.current = next;
    setTranslation(next);
  }, []);

  /** Call on every edit. */
  const update = useCallback(
    (text: string) => {
      latest.current = text;
      if (timer.current) return; // a trailing run is already due and will read `latest`
      const since = performance.now() - lastRun.current;
      if (since >= intervalMs) run();
      else timer.current = setTimeout(run, intervalMs - since);
    },
    [intervalMs, run],
  );

  /** Replace the text at once (sample, upload, version loaded). */
  const reset = useCallback(
    (text: string) => {
      if (timer.current) clearTimeout(timer.current);
      latest.current = text;
      run();
    },
    [run],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { translation, update, reset };
}
