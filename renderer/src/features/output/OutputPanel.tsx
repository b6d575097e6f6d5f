import { useAppStore } from '../../app/app-store';
import { RunInput } from './RunInput';
import './output.css';

export function OutputPanel() {
  const output = useAppStore((state) => state.output);
  return (
    <div className="output-panel">
      {output.length === 0 ? (
        <p className="muted panel-pad">Output from runs, checks, imports and builds appears here.</p>
      ) : (
        <pre className="output-log" aria-label="Output" aria-live="polite" tabIndex={0}>
          {output.map((line, index) => (
            <div key={index} className={`output-line output-${line.level}`} title={line.source}>
              {line.message}
            </div>
          ))}
        </pre>
      )}
      <RunInput />
    </div>
  );
}
