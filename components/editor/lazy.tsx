'use client';
// The editors, loaded on demand: Monaco (a few MB) is fetched only by pages that render one.
import dynamic from 'next/dynamic';

function Loading() {
  return <div className="empty" role="status">Loading editor…</div>;
}

export const LazyCodeEditor = dynamic(() => import('./code-editor'), { ssr: false, loading: Loading });
export const LazyDiffEditor = dynamic(() => import('./diff-editor'), { ssr: false, loading: Loading });
export type { EditorMarker, CodeEditorProps } from './code-editor';
