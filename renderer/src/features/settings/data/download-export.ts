// Builds the export in main and fetches it in chunks, then hands it to the browser's (or
// Electron's) download, which saves it where the learner chooses.
import type { DataExportProgress } from '../../../../../preload/contract/data';
import { client } from '../../../platform/client';
import { offerDownload } from '../../../platform/download';

export interface ExportStep {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

const phaseLabel: Record<DataExportProgress['phase'], string> = {
  tables: 'Writing your progress',
  workspaces: 'Adding your code',
  writing: 'Packing the zip',
  done: 'Packed',
};

/** Returns the file name it offered for download. */
export async function downloadExport(onStep: (step: ExportStep) => void): Promise<string> {
  const off = client().on('data.exportProgress', (progress) => onStep({ label: phaseLabel[progress.phase], done: progress.done, total: progress.total }));
  let built;
  try {
    built = await client().call('data.export', {});
  } finally {
    off();
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    onStep({ label: 'Downloading', done: offset, total: built.bytes });
    const chunk: { base64: string; nextOffset: number | null } = await client().call('data.exportChunk', { downloadId: built.downloadId, offset });
    parts.push(Uint8Array.from(atob(chunk.base64), (ch) => ch.charCodeAt(0)));
    offset = chunk.nextOffset;
  }
  offerDownload(new Blob(parts, { type: 'application/zip' }), built.fileName);
  return built.fileName;
}
