// The step-through view beside the editor: the trace being shown, the step, and the request
// that recorded it (the program or one failing test).
import { create } from 'zustand';
import { messageOf, type CallInput } from '../../../../preload/contract';
import type { Trace } from '../../../../preload/contract/visualize';
import { client } from '../../platform/client';

/** Said instead of a trace for JavaScript: QuickJS gives the sandbox no way to trace. */
export const pythonOnlyNote = 'Visualize steps through Python programs only for now; JavaScript runs and checks as usual.';

interface VisualizeState {
  /** What is traced, in words ("main.py", "the test test_bob"); null when the view is closed. */
  title: string | null;
  trace: Trace | null;
  step: number;
  loading: boolean;
  /** Why there is no trace to show. */
  note: string | null;
  open(request: CallInput<'visualize.trace'>, title: string): Promise<void>;
  /** Opens the view with a note instead of a trace. */
  explain(title: string, note: string): void;
  go(step: number): void;
  close(): void;
}

/** Records a trace; any failure comes back as a note to show. */
export async function recordTrace(request: CallInput<'visualize.trace'>): Promise<{ trace: Trace } | { note: string }> {
  try {
    return { trace: await client().call('visualize.trace', request) };
  } catch (error) {
    return { note: `No trace was recorded: ${messageOf(error)}` };
  }
}

export const useVisualizeStore = create<VisualizeState>((set, get) => ({
  title: null,
  trace: null,
  step: 0,
  loading: false,
  note: null,
  async open(request, title) {
    if (get().loading) return;
    set({ title, trace: null, step: 0, loading: true, note: null });
    const recorded = await recordTrace(request);
    // Closed (or another lesson opened) while recording: nothing to show.
    if (get().title !== title) return;
    set({ loading: false, ...('trace' in recorded ? { trace: recorded.trace } : { note: recorded.note }) });
  },
  explain: (title, note) => set({ title, trace: null, step: 0, loading: false, note }),
  go: (step) => set((state) => ({ step: Math.min(Math.max(0, step), Math.max(0, (state.trace?.steps.length ?? 1) - 1)) })),
  close: () => set({ title: null, trace: null, step: 0, loading: false, note: null }),
}));
