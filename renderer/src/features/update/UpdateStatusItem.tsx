// The status bar's update item: nothing while up to date, download progress with numbers while
// an update downloads, then "Restart to update".
import { Download, RefreshCw } from 'lucide-react';
import { formatBytes, restartToUpdate, useUpdateStatus } from './use-update-status';
import './update.css';

export function UpdateStatusItem() {
  const status = useUpdateStatus();
  if (status?.state === 'downloading') {
    const detail = status.total > 0 ? ` (${formatBytes(status.transferred)} of ${formatBytes(status.total)})` : '';
    return (
      <span className="update-status" role="status" data-testid="update-status">
        <Download size={12} aria-hidden /> Downloading {status.version}: {Math.round(status.percent)} %{detail}
        <progress max={100} value={status.percent} aria-label={`Update ${status.version} download`} />
      </span>
    );
  }
  if (status?.state === 'ready') {
    return (
      <button
        type="button"
        className="update-restart"
        data-testid="update-status"
        onClick={() => void restartToUpdate()}
        title={`Version ${status.version} is downloaded`}
      >
        <RefreshCw size={12} aria-hidden /> Restart to update
      </button>
    );
  }
  if (status?.state === 'waiting') {
    return (
      <span className="update-status muted" data-testid="update-status">
        Update {status.version} after the exam
      </span>
    );
  }
  return null;
}
