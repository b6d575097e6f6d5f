import { useAppStore } from '../../app/app-store';

export function OutputPanel() {
  const output = useAppStore((state) => state.output);
  if (output.length === 0) return <p className="muted panel-pad">Output from runs, checks, imports and builds appears here.</p>;
  return (
    <pre className="output-log" aria-label="Output" tabIndex={0}>
      {output.map((line, index) => (
        <div key={index} className={`output-line output-${line.level}`} title={line.source}>
          {line.message}
        </div>
      ))}
    </pre>
  );
}
