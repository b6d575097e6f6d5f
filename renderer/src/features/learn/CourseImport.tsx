// Import a .drona bundle: a file picker and a drop zone (serve mode has no native dialog, and
// Electron uses the same path). The bytes go to main as base64; main runs every check.
import { Upload } from 'lucide-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { MAX_UI_IMPORT_BYTES } from '../../../../preload/contract/courses';
import { client } from '../../platform/client';
import { useLearnStore } from './learn-store';
import { messageOf } from '../../../../preload/contract';

type ImportState = { kind: 'idle' } | { kind: 'busy'; name: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function CourseImport() {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();

  const importFile = async (file: File) => {
    if (!file.name.endsWith('.drona')) {
      setState({ kind: 'error', message: `${file.name} is not a .drona course bundle. Pack a course folder with \`drona course pack DIR -o FILE.drona\`.` });
      return;
    }
    if (file.size > MAX_UI_IMPORT_BYTES) {
      setState({
        kind: 'error',
        message: `${file.name} is larger than ${MAX_UI_IMPORT_BYTES / 1024 / 1024} MB. Import it with \`drona course import ${file.name}\` instead.`,
      });
      return;
    }
    setState({ kind: 'busy', name: file.name });
    try {
      const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await client().call('courses.import', { fileName: file.name, dataBase64 });
      const what =
        result.outcome === 'installed'
          ? `Installed ${result.title} ${result.version} (${result.lessonCount} lessons).`
          : result.outcome === 'upgraded'
            ? `Upgraded ${result.title} from ${result.previousVersion} to ${result.version}; your progress is kept.`
            : `${result.title} ${result.version} is already installed.`;
      setState({ kind: 'done', message: what });
      useLearnStore.getState().invalidate();
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <div
      className={`course-import${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="course-import"
    >
      <input
        ref={input}
        type="file"
        accept=".drona"
        // The button below opens it; a second, invisible Tab stop would only confuse.
        tabIndex={-1}
        className="visually-hidden"
        aria-label="Course bundle file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
          event.target.value = '';
        }}
      />
      <button type="button" className="button" disabled={state.kind === 'busy'} aria-describedby={statusId} onClick={() => input.current?.click()}>
        <Upload size={14} aria-hidden="true" /> Import a course…
      </button>
      <span className="muted">or drop a .drona file here</span>
      <div id={statusId} role="status" aria-live="polite" className="course-import-status">
        {state.kind === 'busy' && <span className="muted">Checking {state.name}…</span>}
        {state.kind === 'done' && <span className="import-ok">{state.message}</span>}
        {state.kind === 'error' && <pre className="form-error import-error">{state.message}</pre>}
      </div>
    </div>
  );
}
