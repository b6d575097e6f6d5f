// Frames and heap side by side, Python Tutor style: a variable that refers to an object shows a
// dot with an arrow to the object's box. The arrows are drawing only (aria-hidden); each
// reference also says in text which object it points at ("list #1").
import { useLayoutEffect, useRef, useState } from 'react';
import type { Cell, StepView } from './view-model';

interface Arrow {
  readonly key: string;
  readonly d: string;
}

/** Where each reference dot is and where its object's box is, measured after layout. */
function useArrows(container: React.RefObject<HTMLDivElement | null>, view: StepView) {
  const [arrows, setArrows] = useState<{ paths: Arrow[]; width: number; height: number }>({ paths: [], width: 0, height: 0 });
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const measure = () => {
      const origin = root.getBoundingClientRect();
      const next: Arrow[] = [];
      root.querySelectorAll<HTMLElement>('[data-points-to]').forEach((dot, index) => {
        const target = root.querySelector<HTMLElement>(`[data-heap-id="${dot.dataset.pointsTo}"]`);
        if (!target) return;
        const from = dot.getBoundingClientRect();
        const to = target.getBoundingClientRect();
        const x1 = from.left + from.width / 2 - origin.left + root.scrollLeft;
        const y1 = from.top + from.height / 2 - origin.top + root.scrollTop;
        const x2 = to.left - origin.left + root.scrollLeft - 2;
        const y2 = to.top + 12 - origin.top + root.scrollTop;
        const bend = Math.max(24, Math.abs(x2 - x1) / 2);
        next.push({ key: `${index}`, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` });
      });
      setArrows({ paths: next, width: root.scrollWidth, height: root.scrollHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, view]);
  return arrows;
}

function Value({ cell }: { cell: Cell }) {
  if (!cell.ref) return <span className="viz-value">{cell.text}</span>;
  return (
    <span className="viz-value viz-ref">
      <span className="viz-dot" data-points-to={cell.ref} aria-hidden="true" />
      <span className="visually-hidden">points to {cell.text}</span>
    </span>
  );
}

export function MemoryView({ view }: { view: StepView }) {
  const container = useRef<HTMLDivElement | null>(null);
  const arrows = useArrows(container, view);
  return (
    <div className="viz-memory" ref={container}>
      <section className="viz-frames" aria-label="Frames">
        <h4>Frames</h4>
        {view.frames.map((frame, depth) => (
          <table key={depth} className={`viz-frame${depth === view.frames.length - 1 ? ' current' : ''}`}>
            <caption>
              {frame.name}
              {depth === view.frames.length - 1 ? '' : ` (line ${frame.line})`}
            </caption>
            <tbody>
              {frame.variables.map((variable) => (
                <tr key={variable.label} className={variable.changed ? 'changed' : undefined}>
                  <th scope="row">{variable.label}</th>
                  <td>
                    <Value cell={variable} />
                  </td>
                </tr>
              ))}
              {depth === view.frames.length - 1 && view.returned !== undefined && (
                <tr className="changed">
                  <th scope="row">return value</th>
                  <td>
                    <span className="viz-value">{view.returned}</span>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        ))}
      </section>
      <section className="viz-heap" aria-label="Objects">
        <h4>Objects</h4>
        {view.heap.length === 0 && <p className="muted">None yet.</p>}
        {view.heap.map((object) => (
          <table key={object.id} className={`viz-object viz-${object.kind}`} data-heap-id={object.id}>
            <caption>{object.title}</caption>
            <tbody>
              {object.cells.length === 0 && (
                <tr>
                  <td className="muted">empty</td>
                </tr>
              )}
              {object.cells.map((cell, index) => (
                <tr key={index}>
                  {cell.label !== undefined && <th scope="row">{cell.label}</th>}
                  <td>
                    <Value cell={cell} />
                  </td>
                </tr>
              ))}
              {object.more > 0 && (
                <tr>
                  <td className="muted" colSpan={2}>
                    … {object.more} more not shown
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        ))}
      </section>
      <svg className="viz-arrows" aria-hidden="true" width={arrows.width} height={arrows.height}>
        <defs>
          <marker id="viz-arrowhead" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">
            <path d="M0,0 L8,4 L0,8 z" />
          </marker>
        </defs>
        {arrows.paths.map((arrow) => (
          <path key={arrow.key} className="viz-arrow" d={arrow.d} markerEnd="url(#viz-arrowhead)" />
        ))}
      </svg>
    </div>
  );
}
