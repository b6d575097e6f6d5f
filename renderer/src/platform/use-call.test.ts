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

/** Mounts the hook over a fake client; `answer(i, value)` settles the i-th call (an Error rejects it). */
async function mount(props: Props) {
  const pending = fakeClient();
  const hook = await renderHook((p: Props) => useCall('lesson.journal', p.input, p.deps, p.options), props);
  mounted = hook;
  const answer = async (index: number, value: Journal | Error) => {
    if (value instanceof Error) pending[index]!.reject(value);
    else pending[index]!.resolve(value);
    await hook.settle();
  };
  return { hook, pending, answer };
}

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('useCall', () => {
  it('calls on mount and shows the answer', async () => {
    const { hook, pending, answer } = await mount({ input: ref('a') });
    expect(pending.map((call) => call.input)).toEqual([ref('a')]);
    expect(hook.current).toMatchObject({ data: null, error: null, loading: true });
    await answer(0, entry('a'));
    expect(hook.current).toMatchObject({ data: entry('a'), error: null, loading: false });
  });

  it('does not call again for an equal input passed as a new object', async () => {
    const { hook, pending } = await mount({ input: ref('a') });
    await hook.rerender({ input: ref('a') });
    expect(pending).toHaveLength(1);
  });

  it('calls nothing while the input is null', async () => {
    const { hook, pending } = await mount({ input: null });
    expect(pending).toHaveLength(0);
    expect(hook.current).toMatchObject({ data: null, error: null, loading: false });
  });

  it('drops an answer for an input that has since changed, whatever order they arrive in', async () => {
    const { hook, answer } = await mount({ input: ref('a') });
    await hook.rerender({ input: ref('b') });
    await answer(1, entry('b'));
    await answer(0, entry('a'));
    expect(hook.current).toMatchObject({ data: entry('b'), loading: false });
  });

  it('shows no answer of the old input while the new one loads, unless asked to keep it', async () => {
    const { hook, answer } = await mount({ input: ref('a') });
    await answer(0, entry('a'));
    await hook.rerender({ input: ref('b') });
    expect(hook.current).toMatchObject({ data: null, loading: true });
    await hook.rerender({ input: ref('c'), options: { keepPrevious: true } });
    expect(hook.current).toMatchObject({ data: entry('a'), loading: true });
  });

  it('calls again when a dependency changes, keeping the answer meanwhile', async () => {
    const { hook, pending, answer } = await mount({ input: ref('a'), deps: [1] });
    await answer(0, entry('first'));
    await hook.rerender({ input: ref('a'), deps: [2] });
    expect(pending).toHaveLength(2);
    expect(hook.current).toMatchObject({ data: entry('first'), loading: true });
    await answer(1, entry('second'));
    expect(hook.current).toMatchObject({ data: entry('second'), loading: false });
  });

  it('reload asks again with the same input', async () => {
    const { hook, pending, answer } = await mount({ input: ref('a') });
    await answer(0, entry('first'));
    await hook.act(() => hook.current.reload());
    expect(pending.map((call) => call.input)).toEqual([ref('a'), ref('a')]);
    expect(hook.current.loading).toBe(true);
    await answer(1, entry('second'));
    expect(hook.current.data).toEqual(entry('second'));
  });

  it('reports a failure by its message, keeps the last answer, and clears it on success', async () => {
    const { hook, answer } = await mount({ input: ref('a') });
    await answer(0, entry('a'));
    await hook.act(() => hook.current.reload());
    await answer(1, new DronaError('not_found', 'No such lesson: a'));
    expect(hook.current).toMatchObject({ data: entry('a'), error: 'No such lesson: a', loading: false });
    await hook.act(() => hook.current.reload());
    await answer(2, entry('again'));
    expect(hook.current).toMatchObject({ data: entry('again'), error: null });
  });

  it('setData takes another call’s answer as the current one', async () => {
    const { hook, answer } = await mount({ input: ref('a') });
    await answer(0, entry('a'));
    await hook.act(() => hook.current.setData(entry('saved')));
    expect(hook.current).toMatchObject({ data: entry('saved'), loading: false });
  });

  it('ignores an answer that arrives after unmount', async () => {
    const { hook, answer } = await mount({ input: ref('a') });
    const last = hook.current;
    await hook.unmount();
    mounted = null;
    await answer(0, entry('late'));
    expect(hook.current).toBe(last);
  });

  it('after any sequence of inputs and answers in any order, shows only the last input’s answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 5 }), fc.func(fc.nat()), async (inputs, pick) => {
        const { hook, pending, answer } = await mount({ input: ref(inputs[0]!) });
        for (const lessonId of inputs.slice(1)) await hook.rerender({ input: ref(lessonId) });
        const order = [...pending.keys()].sort((x, y) => pick(x) - pick(y) || x - y);
        for (const index of order) {
          await answer(index, entry(`${pending[index]!.input.lessonId}#${index}`));
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
