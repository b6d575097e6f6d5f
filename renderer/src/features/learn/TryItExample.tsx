// A runnable lesson example: "Try it" runs it and shows its output right under it; Visualize
// (Python) steps through it; Edit lets the learner change it and Reset puts the lesson's text back.
import { Footprints, Pencil, Play, RotateCcw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { RunResult } from '../../../../preload/contract/sandbox';
import type { Trace } from '../../../../preload/contract/visualize';
import { recordTrace } from '../visualize/visualize-store';
import { LazyVisualizer } from '../visualize/LazyVisualizer';

export type TryItLanguage = 'python' | 'javascript';

export interface TryItExampleProps {
  readonly code: string;
  readonly language: TryItLanguage;
  /** The highlighted code as the lesson shows it. */
  readonly children: ReactNode;
  run(code: string, language: TryItLanguage): Promise<RunResult | null>;
}

export function TryItExample({ code, language, children, run }: TryItExampleProps) {
  const [text, setText] = useState(code);
  const [editing, setEditing] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const tryIt = async () => {
    setRunning(true);
    try {
      setResult(await run(text, language));
    } finally {
      setRunning(false);
    }
  };
  const [visual, setVisual] = useState<{ trace: Trace | null; note: string | null; step: number; loading: boolean; code: string } | null>(null);
  const visualize = async () => {
    setVisual({ trace: null, note: null, step: 0, loading: true, code: text });
    const recorded = await recordTrace({ language: 'python', files: [{ path: 'main.py', content: text }], entry: 'main.py' });
    setVisual((shown) => shown && { ...shown, loading: false, ...('trace' in recorded ? { trace: recorded.trace } : { note: recorded.note }) });
  };
  const output = result ? `${result.stdout}${result.stderr}`.trimEnd() || result.message : '';
  return (
    <div className="lesson-code">
      <div className="lesson-try-it">
        <button type="button" className="button" aria-label={`Try it: run this ${language} example`} disabled={running} onClick={() => void tryIt()}>
          <Play size={14} aria-hidden="true" /> Try it
        </button>
        {language === 'python' && (
          <button type="button" className="button" disabled={visual?.loading} onClick={() => void visualize()}>
            <Footprints size={14} aria-hidden="true" /> Visualize
          </button>
        )}
        <button type="button" className="button" aria-pressed={editing} aria-label="Edit this example" onClick={() => setEditing((on) => !on)}>
          <Pencil size={14} aria-hidden="true" />
        </button>
        {text !== code && (
          <button type="button" className="button" aria-label="Reset this example" onClick={() => setText(code)}>
            <RotateCcw size={14} aria-hidden="true" />
          </button>
        )}
      </div>
      {editing ? (
        <textarea
          className="try-it-editor"
          aria-label={`Example code (${language})`}
          spellCheck={false}
          value={text}
          rows={Math.max(3, text.split('\n').length + 1)}
          onChange={(event) => setText(event.target.value)}
        />
      ) : (
        // Focusable so a keyboard can scroll a sample wider than the instructions panel.
        <pre tabIndex={0}>{text === code ? children : <code>{text}</code>}</pre>
      )}
      {(running || result) && (
        <pre className={`try-it-output${result && result.outcome !== 'finished' ? ' failed' : ''}`} aria-label="Example output" role="status">
          {running ? 'Running…' : output}
        </pre>
      )}
      {visual && (
        <div className="try-it-visualizer">
          <LazyVisualizer
            title="this example"
            trace={visual.trace}
            step={visual.step}
            loading={visual.loading}
            note={visual.note}
            code={visual.code}
            onStep={(step) => setVisual((shown) => shown && { ...shown, step })}
            onClose={() => setVisual(null)}
          />
        </div>
      )}
    </div>
  );
}
