import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DronaClient } from '../../../preload/client';
import { DronaError, type CallOutput } from '../../../preload/contract';
import { setClient } from './client';
import { renderHook, type RenderedHook } from './testing/render-hook';
import { useCall, type CallDependency, type CallState, type UseCallOptions } from './use-call';

type Journal = CallOutput<'lesson.journal'>;
type Ref = { courseId: string; lessonId: string };

interface Pending {
  readonly input: Ref;
  resolve(value: Journal): void;
  reject(error: unknown): void;
}

/** A client whose calls wait until the test answers them, in any order. */
function fakeClient(): Pending[] {
  const pending: Pending[] = [];
  const fake: DronaClient = {
    transport: 'serve',
    call: (_name, input) => new Promise((resolve, reject) => pending.push({ input: input as Ref, resolve: resolve as never, reject })),
    on: () => () => {},
  };
  setClient(fake);
  return pending;
}

const entry = (text: string): Journal => [{ text, createdAt: 1 }];
const ref = (lessonId: string): Ref => ({ courseId: 'c', lessonId });

interface Props {
  readonly input: Ref | null;
  readonly deps?: readonly CallDependency[];
  readonly options?: UseCallOptions;
}

let mounted: RenderedHook<Props, CallState<'lesson.journal'>> | null = null;
async function mount(props: Props) {
  mounted = await renderHook((p: Props) => useCall('lesson.journal', p.input, p.deps, p.options), props);
  return mounted;
}
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('useCall', () => {
  it('calls on mount and shows the answer', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    expect(pending.map((call) => call.input)).toEqual([ref('a')]);
    expect(hook.current).toMatchObject({ data: null, error: null, loading: true });
    pending[0]!.resolve(entry('a'));
    await hook.settle();
    expect(hook.current).toMatchObject({ data: entry('a'), error: null, loading: false });
  });

  it('does not call again for an equal input passed as a new object', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    await hook.rerender({ input: ref('a') });
    expect(pending).toHaveLength(1);
  });

  it('calls nothing while the input is null', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: null });
    expect(pending).toHaveLength(0);
    expect(hook.current).toMatchObject({ data: null, error: null, loading: false });
  });

  it('drops an answer for an input that has since changed, whatever order they arrive in', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    await hook.rerender({ input: ref('b') });
    pending[1]!.resolve(entry('b'));
    await hook.settle();
    pending[0]!.resolve(entry('a'));
    await hook.settle();
    expect(hook.current).toMatchObject({ data: entry('b'), loading: false });
  });

  it('shows no answer of the old input while the new one loads, unless asked to keep it', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    pending[0]!.resolve(entry('a'));
    await hook.settle();
    await hook.rerender({ input: ref('b') });
    expect(hook.current).toMatchObject({ data: null, loading: true });
    await hook.rerender({ input: ref('c'), options: { keepPrevious: true } });
    expect(hook.current).toMatchObject({ data: entry('a'), loading: true });
  });

  it('calls again when a dependency changes, keeping the answer meanwhile', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a'), deps: [1] });
    pending[0]!.resolve(entry('first'));
    await hook.settle();
    await hook.rerender({ input: ref('a'), deps: [2] });
    expect(pending).toHaveLength(2);
    expect(hook.current).toMatchObject({ data: entry('first'), loading: true });
    pending[1]!.resolve(entry('second'));
    await hook.settle();
    expect(hook.current).toMatchObject({ data: entry('second'), loading: false });
  });

  it('reload asks again with the same input', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    pending[0]!.resolve(entry('first'));
    await hook.settle();
    await hook.act(() => hook.current.reload());
    expect(pending.map((call) => call.input)).toEqual([ref('a'), ref('a')]);
    expect(hook.current.loading).toBe(true);
    pending[1]!.resolve(entry('second'));
    await hook.settle();
    expect(hook.current.data).toEqual(entry('second'));
  });

  it('reports a failure by its message, keeps the last answer, and clears it on success', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    pending[0]!.resolve(entry('a'));
    await hook.settle();
    await hook.act(() => hook.current.reload());
    pending[1]!.reject(new DronaError('not_found', 'No such lesson: a'));
    await hook.settle();
    expect(hook.current).toMatchObject({ data: entry('a'), error: 'No such lesson: a', loading: false });
    await hook.act(() => hook.current.reload());
    pending[2]!.resolve(entry('again'));
    await hook.settle();
    expect(hook.current).toMatchObject({ data: entry('again'), error: null });
  });

  it('setData takes another call’s answer as the current one', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    pending[0]!.resolve(entry('a'));
    await hook.settle();
    await hook.act(() => hook.current.setData(entry('saved')));
    expect(hook.current).toMatchObject({ data: entry('saved'), loading: false });
  });

  it('ignores an answer that arrives after unmount', async () => {
    const pending = fakeClient();
    const hook = await mount({ input: ref('a') });
    const last = hook.current;
    await hook.unmount();
    mounted = null;
    pending[0]!.resolve(entry('late'));
    await hook.settle();
    expect(hook.current).toBe(last);
  });

  it('after any sequence of inputs and answers in any order, shows only the last input’s answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 5 }), fc.func(fc.nat()), async (inputs, pick) => {
        const pending = fakeClient();
        const hook = await mount({ input: ref(inputs[0]!) });
        for (const lessonId of inputs.slice(1)) await hook.rerender({ input: ref(lessonId) });
        const order = [...pending.keys()].sort((x, y) => pick(x) - pick(y) || x - y);
        for (const index of order) {
          const call = pending[index]!;
          call.resolve(entry(`${call.input.lessonId}#${index}`));
          await hook.settle();
          const data = hook.current.data;
          // Never an answer for another input than the one shown now.
          if (data) expect(data[0]!.text.startsWith(`${inputs.at(-1)}#`)).toBe(true);
        }
        expect(hook.current.loading).toBe(false);
        expect(hook.current.data?.[0]!.text).toBe(`${inputs.at(-1)}#${pending.length - 1}`);
        await hook.unmount();
        mounted = null;
      }),
      { numRuns: 40 },
    );
  });
});
