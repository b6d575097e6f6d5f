// The visualiser in a lesson's workbench: the Visualize button, "Visualize this test" on a
// failing test, and the view beside the editor (the editor highlights the step's line).
import { Footprints } from 'lucide-react';
import { useEffect } from 'react';
import type { CallInput } from '../../../../preload/contract';
import { pythonOnlyNote, useVisualizeStore } from './visualize-store';
import { LazyVisualizer } from './LazyVisualizer';

export interface VisualizeTarget {
  readonly language: 'python' | 'javascript';
  readonly entry: string;
  /** The learner's files as typed (saved or not). */
  files(): CallInput<'visualize.trace'>['files'];
  readonly ref: { readonly courseId: string; readonly lessonId: string } | null;
}

function open(target: VisualizeTarget, test?: string) {
  const title = test ? `the test ${test}` : target.entry;
  const store = useVisualizeStore.getState();
  if (target.language !== 'python') return store.explain(title, pythonOnlyNote);
  let files;
  try {
    files = target.files();
  } catch (error) {
    // Too large to send: the same words Run would say.
    return store.explain(title, error instanceof Error ? error.message : String(error));
  }
  void store.open({ language: 'python', files, entry: target.entry, ...(target.ref ?? {}), ...(test ? { test } : {}) }, title);
}

export function VisualizeButton({ target, disabled }: { target: VisualizeTarget; disabled: boolean }) {
  const loading = useVisualizeStore((state) => state.loading);
  const python = target.language === 'python';
  return (
    <button
      type="button"
      className="button"
      disabled={disabled || loading}
      title={python ? `Step through ${target.entry} line by line` : pythonOnlyNote}
      onClick={() => open(target)}
    >
      <Footprints size={14} aria-hidden="true" /> Visualize
    </button>
  );
}

export function VisualizeTestButton({ target, test, label }: { target: VisualizeTarget; test: string; label: string }) {
  const loading = useVisualizeStore((state) => state.loading);
  if (target.language !== 'python') return null;
  return (
    <button type="button" className="button viz-test-button" disabled={loading} aria-label={`Visualize the test ${label}`} onClick={() => open(target, test)}>
      Visualize this test
    </button>
  );
}

/** The line the editor marks: the current step's, when it is in `file`. */
export function useVisualizedLine(file: string | null): number | null {
  return useVisualizeStore((state) => {
    const step = state.trace?.steps[state.step];
    return step && step.file === file ? step.line : null;
  });
}

/** True while the view beside the editor is open. */
export const useVisualizerOpen = () => useVisualizeStore((state) => state.title !== null);

export function VisualizePanel() {
  const { title, trace, step, loading, note, go, close } = useVisualizeStore();
  // Closing the lesson closes its view.
  useEffect(() => () => useVisualizeStore.getState().close(), []);
  if (title === null) return null;
  return <LazyVisualizer title={title} trace={trace} step={step} loading={loading} note={note} onStep={go} onClose={close} />;
}
