// A run that main refused because its course's code would run unisolated and the learner has
// not confirmed that course: the dialog asks once; on yes main records it (sandbox.allowCourse)
// and the caller runs again, on no nothing runs. Main checks its own record on every run; this
// only asks.
import { create } from 'zustand';
import type { RunResult } from '../../../../preload/contract/sandbox';
import { client } from '../../platform/client';

export type ConsentRequest = NonNullable<RunResult['needsConsent']>;

interface ConsentState {
  pending: (ConsentRequest & { answer: (allowed: boolean) => void }) | null;
  /** Shows the dialog; resolves true once main has recorded the confirmation, false when declined. */
  ask(request: ConsentRequest): Promise<boolean>;
  confirm(): Promise<void>;
  decline(): void;
}

export const useConsentStore = create<ConsentState>((set, get) => ({
  pending: null,
  ask: (request) =>
    new Promise<boolean>((resolve) => {
      get().pending?.answer(false);
      set({ pending: { ...request, answer: resolve } });
    }),
  async confirm() {
    const pending = get().pending;
    if (!pending) return;
    await client().call('sandbox.allowCourse', { courseId: pending.courseId });
    set({ pending: null });
    pending.answer(true);
  },
  decline() {
    const pending = get().pending;
    set({ pending: null });
    pending?.answer(false);
  },
}));

/** Runs `call`; if main refused it for want of the course's confirmation, asks, and on yes runs it again. */
export async function withConsent<T>(call: () => Promise<T>, refusal: (result: T) => ConsentRequest | undefined): Promise<T> {
  const result = await call();
  const request = refusal(result);
  if (!request || !(await useConsentStore.getState().ask(request))) return result;
  return call();
}
