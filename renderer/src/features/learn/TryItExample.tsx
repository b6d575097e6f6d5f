// A runnable lesson example: "Try it" runs it and shows its output right under it; Edit lets the
// learner change it and Reset puts the lesson's text back.
import { Pencil, Play, RotateCcw } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { RunResult } from '../../../../preload/contract/sandbox';

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
  const output = result ? `${result.stdout}${result.stderr}`.trimEnd() || result.message : '';
  return (
    <div className="lesson-code">
      <div className="lesson-try-it">
        <button type="button" className="button" aria-label={`Try it: run this ${language} example`} disabled={running} onClick={() => void tryIt()}>
          <Play size={14} aria-hidden="true" /> Try it
        </button>
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
    </div>
  );
}
