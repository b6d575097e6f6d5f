import { lazy, memo } from 'react';
import { Loading } from '../../platform/Loading';
import type { CodeEditorProps } from './CodeEditor';

// Monaco is several megabytes: it loads on first use, after the shell has painted.
const CodeEditor = lazy(() => import('./CodeEditor'));

export const LazyCodeEditor = memo(function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Loading what="the editor">
      <CodeEditor {...props} />
    </Loading>
  );
});

/** Starts loading Monaco without showing it (when a lesson with an exercise is about to open). */
export function preloadCodeEditor(): void {
  void import('./CodeEditor');
}
