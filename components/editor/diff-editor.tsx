'use client';
// Side-by-side Monaco diff of two texts (VNFD versions).
import { useEffect, useRef } from 'react';
import { setupMonaco } from './monaco';

export interface DiffEditorProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  height?: number | string;
}

export function DiffEditor({ original, modified, originalLabel, modifiedLabel, height = 520 }: DiffEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const monaco = setupMonaco();
    const left = monaco.editor.createModel(original, 'yaml');
    const right = monaco.editor.createModel(modified, 'yaml');
    const diff = monaco.editor.createDiffEditor(host.current!, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      theme: document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
      originalAriaLabel: originalLabel,
      modifiedAriaLabel: modifiedLabel,
    });
    diff.setModel({ original: left, modified: right });
    return () => {
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, [original, modified, originalLabel, modifiedLabel]);
  return (
    <div>
      <div className="diff-labels" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', fontWeight: 600, marginBottom: 4 }}>
        <span>{originalLabel}</span>
        <span>{modifiedLabel}</span>
      </div>
      <div ref={host} data-testid="diff-editor" style={{ height, border: '1px solid var(--border)', borderRadius: 6 }} />
    </div>
  );
}

export default DiffEditor;
