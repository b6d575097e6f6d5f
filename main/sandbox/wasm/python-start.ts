// How a Python worker starts: from the snapshot an earlier worker made (in memory), else from what
// the driver prepared meanwhile (the compiled module, and the snapshot file an earlier start of the
// app wrote), else in full. A snapshot Pyodide refuses is reported and the worker loads in full
// instead: never a failed Run.
import { messageOf } from '../../../common/errors';
import type { FromWorker, PythonPrepared, WorkerStart } from './protocol';
import type { PythonBoot } from './python-boot';
import { markPhase } from './load-phases';
import { loadPython, preloadPyodide, type PythonRuntime } from './python-runtime';

export async function startPython(
  start: WorkerStart,
  post: (message: FromWorker, transfer?: ArrayBuffer[]) => void,
  prepared: Promise<PythonPrepared> | null,
): Promise<PythonRuntime> {
  // Sent before 'ready', so before any job: the driver takes it from no later message.
  const onBoot = (from: 'file' | 'made') => (made: Required<PythonBoot>) => post({ type: 'boot', ...made, from }, [made.snapshot.buffer as ArrayBuffer]);
  if (!prepared) return loadPython(start.harnessDir, start.boot);
  // Pyodide's JavaScript (1.2 MB to parse) loads while the driver compiles and reads the snapshot,
  // instead of after: loadPython's own imports then find it loaded.
  preloadPyodide();
  const { module, snapshot, snapshotPath } = await prepared;
  markPhase('driver prepared');
  const compiled = module ? { module } : {};
  if (snapshot) {
    try {
      return await loadPython(start.harnessDir, { ...compiled, snapshot }, onBoot('file'));
    } catch (error) {
      post({ type: 'log', detail: `Python could not start from ${snapshotPath} (${messageOf(error)}); loading in full` });
    }
  }
  return loadPython(start.harnessDir, compiled, start.makeBoot ? onBoot('made') : undefined);
}
