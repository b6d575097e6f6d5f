// What the step-through view shows at one step of a trace: the line, the frames with their
// variables written out (or pointing at a heap object), the heap objects, the output so far,
// and one sentence for screen readers. Pure.
import type { HeapObject, Trace, TraceStep, TraceValue } from '../../../../preload/contract/visualize';

export interface Cell {
  /** A list index, a dict key or an attribute name; none for a set's items. */
  readonly label?: string;
  /** The value written out; for a reference, where it points in words ("list #2"). */
  readonly text: string;
  /** The heap object this cell points at. */
  readonly ref?: string;
}

export interface FrameView {
  readonly name: string;
  readonly line: number;
  readonly variables: readonly (Cell & { readonly label: string; readonly changed: boolean })[];
}

export interface HeapView {
  readonly id: string;
  /** "list #2", "Point #3". */
  readonly title: string;
  readonly kind: HeapObject['kind'];
  readonly cells: readonly Cell[];
  readonly more: number;
}

export interface StepView {
  /** 0-based. */
  readonly index: number;
  readonly total: number;
  readonly file: string;
  readonly line: number;
  readonly event: TraceStep['event'];
  readonly frames: readonly FrameView[];
  readonly heap: readonly HeapView[];
  readonly output: string;
  /** "Step 12 of 40: line 5, i = 3". */
  readonly description: string;
  readonly returned?: string;
  readonly exception?: string;
}

const titleOf = (object: Pick<HeapObject, 'type' | 'id'>) => `${object.type} #${object.id}`;

/** A value in one short phrase: plain values as Python writes them, objects by name and a preview. */
export function valueText(value: TraceValue, heap: readonly HeapObject[]): string {
  if ('repr' in value) return value.repr;
  const object = heap.find((candidate) => candidate.id === value.ref);
  if (!object) return `object #${value.ref}`;
  return `${titleOf(object)} ${preview(object, heap)}`;
}

/** [1, 2, 3] / {'a': 1} / Point(x=1): one level deep, nested objects by name only. */
function preview(object: HeapObject, heap: readonly HeapObject[]): string {
  const short = (value: TraceValue) => ('repr' in value ? value.repr : titleOf(heap.find((o) => o.id === value.ref) ?? { type: 'object', id: value.ref }));
  const more = object.more ? ', …' : '';
  if (object.kind === 'dict') return `{${(object.entries ?? []).map((e) => `${short(e.key)}: ${short(e.value)}`).join(', ')}${more}}`;
  if (object.kind === 'object')
    return `(${(object.entries ?? []).map((e) => `${'repr' in e.key ? e.key.repr.replace(/^'|'$/g, '') : '?'}=${short(e.value)}`).join(', ')}${more})`;
  const [open, close] = object.kind === 'list' ? ['[', ']'] : object.kind === 'tuple' ? ['(', ')'] : ['{', '}'];
  return `${open}${(object.items ?? []).map(short).join(', ')}${more}${close}`;
}

const cellOf = (value: TraceValue, heap: readonly HeapObject[], label?: string): Cell => ({
  ...(label !== undefined ? { label } : {}),
  text: 'repr' in value ? value.repr : titleOf(heap.find((o) => o.id === value.ref) ?? { type: 'object', id: value.ref }),
  ...('ref' in value ? { ref: value.ref } : {}),
});

function heapView(object: HeapObject, heap: readonly HeapObject[]): HeapView {
  const cells =
    object.kind === 'dict' || object.kind === 'object'
      ? (object.entries ?? []).map((entry) =>
          cellOf(
            entry.value,
            heap,
            'repr' in entry.key ? (object.kind === 'object' ? entry.key.repr.replace(/^'|'$/g, '') : entry.key.repr) : valueText(entry.key, heap),
          ),
        )
      : (object.items ?? []).map((item, index) => cellOf(item, heap, object.kind === 'set' ? undefined : String(index)));
  return { id: object.id, title: titleOf(object), kind: object.kind, cells, more: object.more ?? 0 };
}

/** The variables of the innermost frame whose values differ from the step before (in the same frame). */
function changedNames(step: TraceStep, before: TraceStep | undefined): Set<string> {
  const frame = step.frames.at(-1);
  if (!frame) return new Set();
  const previous = before && before.frames.length === step.frames.length ? before.frames.at(-1) : undefined;
  const text = (s: TraceStep, value: TraceValue) => valueText(value, s.heap);
  return new Set(
    frame.variables
      .filter((variable) => {
        const old = previous?.variables.find((candidate) => candidate.name === variable.name);
        return !old || !before || text(before, old.value) !== text(step, variable.value);
      })
      .map((variable) => variable.name),
  );
}

export function describeStep(trace: Trace, index: number): string {
  const step = trace.steps[index];
  if (!step) return 'No steps were recorded.';
  const where = `Step ${index + 1} of ${trace.steps.length}: line ${step.line}`;
  if (step.event === 'exception') return `${where}, ${step.exception ?? 'an error'}`;
  // The module's frame returning ends the program; a test's trace starts in the learner's function.
  if (step.event === 'return' && (step.frames.at(-1)?.name ?? '<module>') === '<module>') return `${where}, the program ends`;
  if (step.event === 'return')
    return `${where}, ${step.frames.at(-1)?.name ?? 'the function'} returns ${step.returned ? valueText(step.returned, step.heap) : 'None'}`;
  const changed = changedNames(step, trace.steps[index - 1]);
  const frame = step.frames.at(-1);
  const parts = (frame?.variables ?? []).filter((variable) => changed.has(variable.name)).map((v) => `${v.name} = ${valueText(v.value, step.heap)}`);
  return parts.length ? `${where}, ${parts.join(', ')}` : where;
}

/** The view of step `index` (clamped into the trace); null when the trace has no steps. */
export function stepView(trace: Trace, index: number): StepView | null {
  if (trace.steps.length === 0) return null;
  const at = Math.min(Math.max(0, Math.round(index)), trace.steps.length - 1);
  const step = trace.steps[at]!;
  const changed = changedNames(step, trace.steps[at - 1]);
  const innermost = step.frames.length - 1;
  return {
    index: at,
    total: trace.steps.length,
    file: step.file,
    line: step.line,
    event: step.event,
    frames: step.frames.map((frame, depth) => ({
      name: frame.name === '<module>' ? 'Global frame' : frame.name,
      line: frame.line,
      variables: frame.variables.map((variable) => ({
        ...cellOf(variable.value, step.heap, variable.name),
        label: variable.name,
        changed: depth === innermost && changed.has(variable.name),
      })),
    })),
    heap: step.heap.map((object) => heapView(object, step.heap)),
    output: trace.stdout.slice(0, step.stdout),
    description: describeStep(trace, at),
    ...(step.event === 'return' && step.returned ? { returned: valueText(step.returned, step.heap) } : {}),
    ...(step.exception ? { exception: step.exception } : {}),
  };
}
