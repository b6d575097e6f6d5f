// The visualiser's traces, recorded by the real tracer (drona_trace.py) in real Pyodide: a loop,
// a list changed through a second name, a function call, the step cap, an error, one failing test.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { traceStepLimit, type Trace } from '../../preload/contract/visualize';
import { SandboxService } from '../sandbox/sandbox-service';
import { traceMessage, Visualizer } from './visualizer';

// Pyodide loads in a worker per trace: seconds on a busy runner.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let sandbox: SandboxService;
let visualizer: Visualizer;
const exercise = {
  language: 'python' as const,
  files: [{ path: 'greet.py', content: '', role: 'editable' as const }],
  tests: [
    {
      path: 'tests/greet_test.py',
      content:
        'from greet import greet\n\ndef test_ada():\n    assert greet("Ada") == "Hello, Ada!"\n\ndef test_bob():\n    assert greet("Bob") == "Hello, Bob!"\n',
    },
  ],
};

beforeAll(async () => {
  sandbox = await SandboxService.create({ driver: 'wasm', warm: false });
  visualizer = new Visualizer({ sandbox, exercise: () => exercise });
});
afterAll(() => sandbox.close());

const traceOf = (code: string) => visualizer.trace({ language: 'python', files: [{ path: 'main.py', content: code }], entry: 'main.py' });
const variable = (trace: Trace, step: number, name: string) => trace.steps[step]!.frames.at(-1)!.variables.find((v) => v.name === name)?.value;

describe('visualize.trace', () => {
  it('records a loop step by step, with the output so far and a list changed through another name', async () => {
    const trace = await traceOf('items = [1]\nalias = items\nfor i in range(3):\n    alias.append(i)\n    print(i)\n');
    expect(trace.error).toBeUndefined();
    expect(trace.truncated).toBe(false);
    expect(trace.stdout).toBe('0\n1\n2\n');
    expect(trace.steps.map((step) => step.line)).toEqual([1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5, 3, 3]);
    const last = trace.steps.at(-1)!;
    // Both names refer to one list on the heap.
    const items = variable(trace, trace.steps.length - 1, 'items');
    expect(items).toEqual(variable(trace, trace.steps.length - 1, 'alias'));
    expect(items && 'ref' in items && last.heap.find((object) => object.id === items.ref)).toMatchObject({
      kind: 'list',
      items: [1, 0, 1, 2].map((n) => ({ type: 'int', repr: String(n) })),
    });
    // Step 5 (line 5, first round): i is 0, nothing printed yet.
    expect(trace.steps[4]).toMatchObject({ line: 5, stdout: 0 });
    expect(variable(trace, 4, 'i')).toEqual({ type: 'int', repr: '0' });
    expect(trace.steps[5]).toMatchObject({ line: 3, stdout: 2 });
    expect(trace.message).toBe('Recorded 13 steps of your program.');
  });

  it('shows a call as a frame of its own and its return value', async () => {
    const trace = await traceOf('def double(n):\n    return n * 2\n\nx = double(4)\n');
    const inside = trace.steps.find((step) => step.frames.length === 2)!;
    expect(inside.frames.map((frame) => frame.name)).toEqual(['<module>', 'double']);
    expect(inside.frames[1]!.variables).toEqual([{ name: 'n', value: { type: 'int', repr: '4' } }]);
    expect(trace.steps.find((step) => step.event === 'return' && step.frames.length === 2)?.returned).toEqual({ type: 'int', repr: '8' });
  });

  it('stops at the step cap and says so', async () => {
    const trace = await traceOf('n = 0\nwhile True:\n    n += 1\n');
    expect(trace.truncated).toBe(true);
    expect(trace.steps).toHaveLength(traceStepLimit);
    expect(trace.message).toMatch(/first 1,000 steps .* capped at 1,000 steps/);
  });

  it('ends at an error with the traceback', async () => {
    const trace = await traceOf('x = [1]\nprint(x[3])\n');
    expect(trace.error).toMatch(/IndexError: list index out of range/);
    expect(trace.steps.at(-1)).toMatchObject({ event: 'exception', line: 2 });
    expect(trace.message).toMatch(/ended with an error/);
  });

  it('visualizes one failing test: only the learner’s file is traced', async () => {
    const trace = await visualizer.trace({
      language: 'python',
      files: [{ path: 'greet.py', content: 'def greet(name):\n    text = "Hi, " + name\n    return text\n' }],
      entry: 'greet.py',
      courseId: 'c',
      lessonId: 'l',
      test: 'test_bob',
    });
    expect(new Set(trace.steps.map((step) => step.file))).toEqual(new Set(['greet.py']));
    expect(trace.steps.find((step) => step.line === 3)!.frames[0]!.variables).toContainEqual({ name: 'text', value: { type: 'str', repr: "'Hi, Bob'" } });
    expect(trace.error).toMatch(/AssertionError/);
    expect(trace.message).toMatch(/the test "test_bob"/);
  });
});

describe('traceMessage', () => {
  it('counts steps in words', () => {
    expect(traceMessage({ steps: [], truncated: false })).toBe('Recorded 0 steps of your program.');
  });
});
