// The step-through view of a trace: where the program is (the editor highlights the line; a Try
// it example shows its code here), the frames and objects, and the output so far. Step with the
// buttons, the slider, a step number, or the arrow keys (Home/End for the ends); each step is
// read out in one sentence ("Step 12 of 40: line 5, i = 3").
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useMemo, type KeyboardEvent } from 'react';
import type { Trace } from '../../../../preload/contract/visualize';
import { MemoryView } from './MemoryView';
import { stepView } from './view-model';
import './visualize.css';

export interface VisualizerProps {
  /** What is traced ("main.py"). */
  readonly title: string;
  readonly trace: Trace | null;
  readonly step: number;
  readonly loading: boolean;
  readonly note: string | null;
  /** The traced code, shown with the current line marked (where no editor shows it). */
  readonly code?: string;
  onStep(step: number): void;
  onClose(): void;
}

function CodeListing({ code, line }: { code: string; line: number }) {
  return (
    <ol className="viz-code" aria-label="Code">
      {code.split('\n').map((text, index) => (
        <li key={index} className={index + 1 === line ? 'current' : undefined} aria-current={index + 1 === line ? 'step' : undefined}>
          <span className="viz-line-number" aria-hidden="true">
            {index + 1}
          </span>
          <code>{text || ' '}</code>
        </li>
      ))}
    </ol>
  );
}

export function Visualizer({ title, trace, step, loading, note, code, onStep: onAnyStep, onClose }: VisualizerProps) {
  const view = useMemo(() => (trace ? stepView(trace, step) : null), [trace, step]);
  const last = Math.max(0, (trace?.steps.length ?? 1) - 1);
  const onStep = (to: number) => onAnyStep(Math.min(Math.max(0, to), last));
  const onKeyDown = (event: KeyboardEvent) => {
    // The slider and the number field move by themselves; the view steps for every other key press in it.
    if ((event.target as HTMLElement).tagName === 'INPUT') return;
    const to = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last }[event.key];
    if (to === undefined || !view) return;
    event.preventDefault();
    onStep(to);
  };
  return (
    <section className="visualizer" aria-label={`Visualize ${title}`} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="viz-header">
        <h3>Visualize {title}</h3>
        <button type="button" className="icon-button" aria-label="Close the visualizer" onClick={onClose}>
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      {loading && <p role="status">Recording the trace…</p>}
      {note && <p role="status">{note}</p>}
      {trace && <p className="muted viz-message">{trace.message}</p>}
      {trace && !view && trace.stdout && <pre className="viz-output">{trace.stdout}</pre>}
      {view && (
        <>
          <div className="viz-controls" role="group" aria-label="Step">
            <button type="button" className="icon-button" aria-label="First step" disabled={step === 0} onClick={() => onStep(0)}>
              <ChevronFirst size={15} aria-hidden="true" />
            </button>
            <button type="button" className="button" aria-keyshortcuts="ArrowLeft" disabled={step === 0} onClick={() => onStep(step - 1)}>
              <ChevronLeft size={14} aria-hidden="true" /> Back
            </button>
            <button type="button" className="button" aria-keyshortcuts="ArrowRight" disabled={step === last} onClick={() => onStep(step + 1)}>
              Forward <ChevronRight size={14} aria-hidden="true" />
            </button>
            <button type="button" className="icon-button" aria-label="Last step" disabled={step === last} onClick={() => onStep(last)}>
              <ChevronLast size={15} aria-hidden="true" />
            </button>
            <input
              type="range"
              className="viz-slider"
              aria-label="Step"
              aria-valuetext={view.description}
              min={0}
              max={last}
              value={view.index}
              onChange={(event) => onStep(Number(event.target.value))}
            />
            <label className="viz-jump">
              Step
              <input
                type="number"
                min={1}
                max={last + 1}
                value={view.index + 1}
                aria-label="Jump to step"
                onChange={(event) => Number.isFinite(event.target.valueAsNumber) && onStep(event.target.valueAsNumber - 1)}
              />
              of {last + 1}
            </label>
          </div>
          <p className="viz-description" aria-live="polite">
            {view.description}
          </p>
          {code !== undefined && <CodeListing code={code} line={view.line} />}
          {view.exception && (
            <p className="viz-exception" role="note">
              {view.exception}
            </p>
          )}
          <MemoryView view={view} />
          <section aria-label="Printed output">
            <h4>Printed output</h4>
            <pre className="viz-output" tabIndex={0}>
              {view.output || ' '}
            </pre>
          </section>
        </>
      )}
      {trace?.error && (!view || view.index === last) && <pre className="viz-error">{trace.error}</pre>}
    </section>
  );
}
