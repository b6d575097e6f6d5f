// Settings → Your data: export everything as a zip, or erase everything (DeleteDataDialog).
import { useState } from 'react';
import { messageOf } from '../../../../../preload/contract';
import { DeleteDataDialog } from './DeleteDataDialog';
import { downloadExport, type ExportStep } from './download-export';
import { ExportProgress } from './ExportProgress';
import './data.css';

export function DataSettingsSection() {
  const [step, setStep] = useState<ExportStep | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const exportAll = async () => {
    setNote(null);
    setStep({ label: 'Starting', done: 0, total: 0 });
    try {
      const fileName = await downloadExport(setStep);
      setNote(`Saved ${fileName}: your progress, code, reviews, journal, tutor sessions and certificates as JSON and CSV.`);
    } catch (error) {
      setNote(`The export did not finish: ${messageOf(error)}`);
    } finally {
      setStep(null);
    }
  };

  return (
    <section id="settings-data" aria-labelledby="settings-data-title">
      <h2 id="settings-data-title">Your data</h2>
      <span>Export</span>
      <span className="data-row">
        <button type="button" className="button" disabled={step !== null} onClick={() => void exportAll()}>
          Export…
        </button>
        {step && <ExportProgress step={step} />}
      </span>
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
      <span>Erase</span>
      <span className="data-row">
        <button type="button" className="button data-danger" onClick={() => setDeleting(true)}>
          Delete everything…
        </button>
        <span className="muted">Your progress, code, tutor sessions and saved keys, from this computer.</span>
      </span>
      {deleting && <DeleteDataDialog onClose={() => setDeleting(false)} />}
    </section>
  );
}
