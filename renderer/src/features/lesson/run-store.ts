// Run and Check for the open workspace: each has a client-generated runId; the sandbox's
// output for that id streams into the Output panel and into this store's own log, its
// diagnostics become editor markers, and a Check lists its tests.
import { create } from 'zustand';
import type { CheckResult, Diagnostic, RunResult, SandboxFile } from '../../../../preload/contract/sandbox';
import { workspaceFilesProblem } from '../../../../preload/contract/workspace-limits';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { withConsent } from '../sandbox/consent-store';
import { checkDiagnostics } from './check-diagnostics';
import { useWorkspaceStore } from './workspace-store';
import { messageOf } from '../../../../preload/contract';

export interface RunLogLine {
  readonly stream: 'stdout' | 'stderr' | 'info';
  readonly text: string;
}

interface RunState {
  runId: string | null;
  kind: 'run' | 'check' | null;
  log: RunLogLine[];
  diagnostics: Diagnostic[];
  lastRun: RunResult | null;
  lastCheck: CheckResult | null;
  run(language: 'python' | 'javascript', entry: string): Promise<RunResult | null>;
  /** A lesson's example ("Try it"): code from the lesson's course, so `ref` names it. */
  runScratch(language: 'python' | 'javascript', code: string, ref?: { courseId: string; lessonId: string }): Promise<RunResult | null>;
  check(): Promise<CheckResult | null>;
  stop(): Promise<void>;
  /** Shows the lesson's last recorded Check, unless a Run or Check already filled the results. */
  restore(ref: { courseId: string; lessonId: string }): Promise<void>;
  reset(): void;
}

const LOG_LIMIT = 2000;
// The same empty lists each time, so that a Run or Check that starts on a clean slate, or ends with
// no diagnostics, changes nothing the editor draws from (a new [] would redraw its markers).
const noLines: RunLogLine[] = [];
const noDiagnostics: Diagnostic[] = [];
const orNone = (diagnostics: Diagnostic[]) => (diagnostics.length ? diagnostics : noDiagnostics);
const newRunId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

let listening = false;
function listen() {
  if (listening) return;
  listening = true;
  client().on('sandbox.output', ({ runId, stream, text }) => {
    if (runId !== useRunStore.getState().runId) return;
    useRunStore.setState((state) => ({ log: [...state.log, { stream, text }].slice(-LOG_LIMIT) }));
    for (const line of text.replace(/\n$/, '').split('\n')) {
      useAppStore.getState().appendOutput({ level: stream === 'stderr' ? 'error' : 'info', source: 'run', message: line });
    }
  });
}

/** The workspace's files with what the learner typed, saved or not. */
function currentFiles() {
  const { files, buffers } = useWorkspaceStore.getState();
  return files.map((file) => ({ path: file.path, content: buffers[file.path] ?? file.content }));
}

/** The files for a Run or Check; past what one run may carry, the learner reads why instead. */
export function sendableFiles() {
  const files = currentFiles();
  const problem = workspaceFilesProblem(files);
  if (problem) throw new Error(problem);
  return files;
}

function say(level: 'info' | 'warn' | 'error', message: string) {
  useAppStore.getState().appendOutput({ level, source: 'run', message });
}

export const useRunStore = create<RunState>((set, get) => {
  const start = (kind: 'run' | 'check', runId = newRunId()) => {
    listen();
    set({ runId, kind, log: noLines, diagnostics: noDiagnostics });
    return runId;
  };
  /**
   * Starts a Run or Check of the workspace: its call leaves first, with the editor's text (saved
   * or not), before the status is drawn; the save (History's snapshot) goes on beside it, and
   * the answer comes when both are done. A failure to send (too many files) is the answer's.
   */
  const sendWorkspace = <T>(kind: 'run' | 'check', send: (runId: string, files: SandboxFile[]) => Promise<T>): Promise<T> => {
    const runId = newRunId();
    const sent = (async () => send(runId, sendableFiles()))();
    start(kind, runId);
    const saved = useWorkspaceStore.getState().saveAll(kind);
    return sent.then(async (result) => {
      await saved;
      return result;
    });
  };
  /** Runs one sandbox call: its failure is said in the Output panel, and the run always ends. */
  const settle = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call();
    } catch (error) {
      say('error', messageOf(error));
      return null;
    } finally {
      set({ kind: null });
    }
  };

  return {
    runId: null,
    kind: null,
    log: noLines,
    diagnostics: noDiagnostics,
    lastRun: null,
    lastCheck: null,

    async run(language, entry) {
      const workspace = useWorkspaceStore.getState();
      if (!workspace.ref || get().kind) return null;
      const ref = workspace.ref;
      const sent = sendWorkspace('run', (runId, files) =>
        withConsent(
          () => client().call('sandbox.run', { runId, language, files, entry, ...ref }),
          (run) => run.needsConsent,
        ),
      );
      say('info', `Running ${entry}…`);
      return settle(async () => {
        const result = await sent;
        // Ended in the same update as the result is shown: the results draw once, not twice.
        set({ lastRun: result, diagnostics: orNone(result.diagnostics), kind: null });
        say(result.outcome === 'finished' ? 'info' : 'error', result.message);
        return result;
      });
    },

    async runScratch(language, code, ref) {
      if (get().kind) return null;
      const runId = start('run');
      const entry = language === 'python' ? 'main.py' : 'main.js';
      say('info', 'Running the example…');
      return settle(async () => {
        const result = await withConsent(
          () => client().call('sandbox.run', { runId, language, files: [{ path: entry, content: code }], entry, ...ref }),
          (run) => run.needsConsent,
        );
        set({ lastRun: result, kind: null });
        say(result.outcome === 'finished' ? 'info' : 'error', result.message);
        return result;
      });
    },

    async check() {
      const workspace = useWorkspaceStore.getState();
      if (!workspace.ref || get().kind) return null;
      const ref = workspace.ref;
      const sent = sendWorkspace('check', (runId, files) =>
        withConsent(
          () => client().call('sandbox.check', { runId, ...ref, files }),
          (checked) => checked.run.needsConsent,
        ),
      );
      say('info', 'Checking your solution against the tests…');
      return settle(async () => {
        const result = await sent;
        const learnerFiles = useWorkspaceStore.getState().files.map((file) => file.path);
        set({ lastCheck: result, diagnostics: orNone(checkDiagnostics(result, learnerFiles)), kind: null });
        const passed = result.tests.filter((test) => test.status === 'pass').length;
        say(result.status === 'pass' ? 'info' : 'error', `${passed} of ${result.tests.length} tests pass${result.message ? `: ${result.message}` : ''}`);
        return result;
      });
    },

    async stop() {
      const { runId } = get();
      if (runId && get().kind)
        await client()
          .call('sandbox.stop', { runId })
          // Refused only when the run has already ended: then there is nothing left to stop.
          .catch(() => {});
    },

    async restore(ref) {
      try {
        const last = await client().call('sandbox.lastCheck', ref);
        const ours = useWorkspaceStore.getState().ref;
        if (!last || get().lastCheck || get().kind || ours?.courseId !== ref.courseId || ours.lessonId !== ref.lessonId) return;
        const learnerFiles = useWorkspaceStore.getState().files.map((file) => file.path);
        set({ lastCheck: last, diagnostics: checkDiagnostics(last, learnerFiles) });
      } catch (error) {
        say('warn', `The last Check of this lesson could not be shown: ${messageOf(error)}`);
      }
    },

    reset: () => set({ runId: null, kind: null, log: noLines, diagnostics: noDiagnostics, lastRun: null, lastCheck: null }),
  };
});
