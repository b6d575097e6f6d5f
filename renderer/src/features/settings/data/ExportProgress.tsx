import type { ExportStep } from './download-export';

/** A progress bar with numbers while an export is built and fetched. */
export function ExportProgress({ step }: { step: ExportStep }) {
  const percent = step.total > 0 ? Math.min(100, Math.round((step.done / step.total) * 100)) : 0;
  return (
    <span className="data-progress" role="status">
      <progress max={100} value={percent} aria-label="Export progress" /> {step.label}: {percent}%
    </span>
  );
}
