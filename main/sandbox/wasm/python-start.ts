// How a Python worker starts: from the snapshot an earlier worker made (in memory), else from the
// snapshot file an earlier start of the app wrote, else in full. A file that cannot be used, or
// whose snapshot Pyodide refuses, is reported and the worker loads in full instead: never a failed Run.
import { messageOf } from '../../../preload/contract/errors';
import type { FromWorker, WorkerStart } from './protocol';
import type { PythonBoot } from './python-boot';
import { loadPython, type PythonRuntime } from './python-runtime';
import { readSnapshotFile } from './snapshot-file';

export async function startPython(start: WorkerStart, post: (message: FromWorker, transfer?: ArrayBuffer[]) => void): Promise<PythonRuntime> {
  // Sent before 'ready', so before any job: the driver takes it from no later message.
  const onBoot = (from: 'file' | 'made') => (made: Required<PythonBoot>) => post({ type: 'boot', ...made, from }, [made.snapshot.buffer as ArrayBuffer]);
  if (!start.makeBoot) return loadPython(start.harnessDir, start.boot);
  const read = start.snapshotFile ? readSnapshotFile(start.snapshotFile) : { problem: 'missing' };
  if ('snapshot' in read) {
    try {
      return await loadPython(start.harnessDir, { snapshot: read.snapshot }, onBoot('file'));
    } catch (error) {
      post({ type: 'log', detail: `Python could not start from ${start.snapshotFile?.path} (${messageOf(error)}); loading in full` });
    }
  } else if (read.problem !== 'missing') post({ type: 'log', detail: read.problem });
  return loadPython(start.harnessDir, {}, onBoot('made'));
}
