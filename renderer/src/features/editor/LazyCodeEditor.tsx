import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

// Monaco is several megabytes: it loads on first use, after the shell has painted.
const CodeEditor = lazy(() => import('./CodeEditor'));

export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="muted panel-pad" role="status">
          Loading the editor…
        </div>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}

/** Starts loading Monaco without showing it (when a lesson with an exercise is about to open). */
export function preloadCodeEditor(): void {
  void import('./CodeEditor');
}
