'use client';
// A Monaco YAML editor for VNFDs: uncontrolled (the model owns the text while typing), with
// translator errors shown as markers at their exact line and column.
import { useEffect, useRef } from 'react';
import { setupMonaco, type Monaco } from './monaco';

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorProps {
  /** Text to show; replacing it (e.g. loading a sample) resets the model. */
  value: string;
  /** Bump to force `value` into the model even if it equals the previous prop. */
  revision?: number;
  onChange?: (text: string) => void;
  readOnly?: boolean;
  markers?: EditorMarker[];
  /** Unique model file name (ends with .vnfd.yaml for TOSCA completion and hover). */
  path: string;
  language?: string;
  height?: number | string;
  label: string;
  /** Gives the parent a way to move the cursor (error list "go to"). */
  onReady?: (api: { reveal(line: number, column: number): void }) => void;
}

export function CodeEditor({ value, revision, onChange, readOnly, markers, path, language = 'yaml', height = 520, label, onReady }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<Monaco['editor']['create']> | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const monaco = setupMonaco();
    monacoRef.current = monaco;
    const uri = monaco.Uri.parse(`file:///${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
    model.setValue(value);
    const editor = monaco.editor.create(host.current!, {
      model,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      theme: document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: label,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => onChangeRef.current?.(model.getValue()));
    onReady?.({
      reveal(line, column) {
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once per model path; value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, language]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value, revision]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'tosca',
      (markers ?? []).map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const column = Math.max(1, m.column);
        // Underline the word (key or value) that starts at the error position.
        const word = model.getWordAtPosition({ lineNumber: line, column });
        const end = word && word.endColumn > column ? word.endColumn : model.getLineMaxColumn(line);
        return { severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: Math.max(end, column + 1) };
      }),
    );
  }, [markers]);

  return <div ref={host} className="code-editor" data-testid={`editor-${path}`} style={{ height, border: '1px solid var(--border)', borderRadius: 6 }} />;
}

export default CodeEditor;
