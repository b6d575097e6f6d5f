import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceStep } from '../../../../preload/contract/visualize';
import { describeStep, stepView, valueText } from './view-model';

const int = (n: number) => ({ type: 'int', repr: String(n) });
const step = (line: number, vars: Record<string, ReturnType<typeof int> | { ref: string }>, extra: Partial<TraceStep> = {}): TraceStep => ({
  event: 'line',
  file: 'main.py',
  line,
  frames: [{ name: '<module>', line, variables: Object.entries(vars).map(([name, value]) => ({ name, value })) }],
  heap: [],
  stdout: 0,
  ...extra,
});

// items = [1]; alias = items; for i in range(2): alias.append(i); print(i)
const trace: Trace = {
  steps: [
    step(1, {}),
    step(2, { items: { ref: '1' } }, { heap: [{ id: '1', kind: 'list', type: 'list', items: [int(1)] }] }),
    step(3, { items: { ref: '1' }, alias: { ref: '1' } }, { heap: [{ id: '1', kind: 'list', type: 'list', items: [int(1)] }] }),
    step(4, { items: { ref: '1' }, alias: { ref: '1' }, i: int(0) }, { heap: [{ id: '1', kind: 'list', type: 'list', items: [int(1)] }], stdout: 0 }),
    step(3, { items: { ref: '1' }, alias: { ref: '1' }, i: int(0) }, { heap: [{ id: '1', kind: 'list', type: 'list', items: [int(1), int(0)] }], stdout: 2 }),
    step(4, { items: { ref: '1' }, alias: { ref: '1' }, i: int(1) }, { heap: [{ id: '1', kind: 'list', type: 'list', items: [int(1), int(0)] }], stdout: 2 }),
  ],
  stdout: '0\n1\n',
  truncated: false,
  message: 'Recorded 6 steps of your program.',
};

describe('stepView', () => {
  it('shows the frame, the references and the heap object they share', () => {
    const view = stepView(trace, 2)!;
    expect(view).toMatchObject({ index: 2, total: 6, line: 3, file: 'main.py', output: '' });
    expect(view.frames).toEqual([
      {
        name: 'Global frame',
        line: 3,
        variables: [
          { label: 'items', text: 'list #1', ref: '1', changed: false },
          { label: 'alias', text: 'list #1', ref: '1', changed: true },
        ],
      },
    ]);
    expect(view.heap).toEqual([{ id: '1', title: 'list #1', kind: 'list', cells: [{ label: '0', text: '1' }], more: 0 }]);
  });

  it('gives the output printed so far', () => {
    expect(stepView(trace, 4)!.output).toBe('0\n');
  });

  it('is null for an empty trace and clamps any index into the trace', () => {
    expect(stepView({ ...trace, steps: [] }, 0)).toBeNull();
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (index) => {
        const view = stepView(trace, index)!;
        expect(view.index).toBeGreaterThanOrEqual(0);
        expect(view.index).toBeLessThan(trace.steps.length);
        expect(view.output).toBe(trace.stdout.slice(0, trace.steps[view.index]!.stdout));
      }),
    );
  });

  it('labels dict keys and object attributes, and previews nested objects by name', () => {
    const heap = [
      { id: '1', kind: 'dict' as const, type: 'dict', entries: [{ key: { type: 'str', repr: "'a'" }, value: { ref: '2' } }] },
      { id: '2', kind: 'object' as const, type: 'Point', entries: [{ key: { type: 'str', repr: "'x'" }, value: int(1) }], more: 3 },
    ];
    const view = stepView({ ...trace, steps: [step(1, { d: { ref: '1' } }, { heap })] }, 0)!;
    expect(view.heap[0]!.cells).toEqual([{ label: "'a'", text: 'Point #2', ref: '2' }]);
    expect(view.heap[1]).toMatchObject({ title: 'Point #2', cells: [{ label: 'x', text: '1' }], more: 3 });
    expect(valueText({ ref: '1' }, heap)).toBe("dict #1 {'a': Point #2}");
    expect(valueText({ ref: '2' }, heap)).toBe('Point #2 (x=1, …)');
  });
});

describe('describeStep', () => {
  it('says the step, the line and what changed, for screen readers', () => {
    expect(describeStep(trace, 0)).toBe('Step 1 of 6: line 1');
    expect(describeStep(trace, 1)).toBe('Step 2 of 6: line 2, items = list #1 [1]');
    expect(describeStep(trace, 3)).toBe('Step 4 of 6: line 4, i = 0');
    // The list changed through `alias`: both names say so.
    expect(describeStep(trace, 4)).toBe('Step 5 of 6: line 3, items = list #1 [1, 0], alias = list #1 [1, 0]');
    expect(describeStep(trace, 5)).toBe('Step 6 of 6: line 4, i = 1');
  });

  it('names a return value and an error', () => {
    const returning = step(2, {}, { event: 'return', returned: int(8) });
    returning.frames.push({ name: 'double', line: 2, variables: [] });
    const raising = step(2, {}, { event: 'exception', exception: 'IndexError: list index out of range' });
    const t = { ...trace, steps: [returning, raising] };
    expect(describeStep(t, 0)).toBe('Step 1 of 2: line 2, double returns 8');
    expect(describeStep(t, 1)).toBe('Step 2 of 2: line 2, IndexError: list index out of range');
    expect(describeStep(t, 5)).toBe('No steps were recorded.');
    expect(describeStep({ ...trace, steps: [step(9, {}, { event: 'return', returned: { type: 'NoneType', repr: 'None' } })] }, 0)).toBe(
      'Step 1 of 1: line 9, the program ends',
    );
    // A test's trace holds only the learner's function: its return is named, not the program's end.
    const alone = step(2, {}, { event: 'return', returned: int(8) });
    alone.frames = [{ name: 'double', line: 2, variables: [] }];
    expect(describeStep({ ...trace, steps: [alone] }, 0)).toBe('Step 1 of 1: line 2, double returns 8');
  });
});
