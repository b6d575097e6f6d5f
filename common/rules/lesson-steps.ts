// The step engine of the lesson types that advance one step at a time (courses/FORMAT.md,
// "Lesson types"): a guided discovery's questions, a code-along's numbered steps, a challenge's
// clock. Pure: main judges answers and completes lessons with it, the renderer shows the same
// states from what main returned. Steps unlock strictly in order.

export type StepState = 'passed' | 'current' | 'locked';
export type StepVerdict = 'right' | 'wrong';

/** A test as a Check reports it (the Exercism results shape's name and status). */
export interface TestOutcome {
  readonly name: string;
  readonly status: string;
}

/** What the engine reads of an authored guided step (the answer key stays in main). */
export interface GuidedStepRule {
  readonly id: string;
  readonly kind: 'free' | 'choice' | 'check';
  readonly options?: readonly { readonly correct: boolean }[] | undefined;
  readonly accept?: readonly string[] | undefined;
  readonly tests?: readonly string[] | undefined;
}

export type StepAnswer =
  | { readonly kind: 'free'; readonly text: string }
  | { readonly kind: 'choice'; readonly option: number }
  | { readonly kind: 'check'; readonly results: readonly TestOutcome[] };

/** Lower case, punctuation and runs of spacing folded to one space, so "  X = 1." matches "x = 1". */
export function normaliseAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s.,;:!?"'`]+/g, ' ')
    .trim();
}

/** Whether a reported test name is the authored one: equal, or the authored title inside a suite, parametrized cases included. */
export function isTest(authored: string, reported: string): boolean {
  const plain = reported.replace(/\[.*\]$/, '').trim();
  return plain === authored || (!authored.includes(' > ') && plain.split(' > ').at(-1) === authored);
}

/** Every authored test ran and passed (each parametrized case too); a test that did not run is not passed. */
export function testsPass(authored: readonly string[], results: readonly TestOutcome[]): boolean {
  return authored.every((name) => {
    const runs = results.filter((result) => isTest(name, result.name));
    return runs.length > 0 && runs.every((run) => run.status === 'pass');
  });
}

/** An answer against the step's key; an answer of another kind than the step's is wrong. */
export function judgeStep(step: GuidedStepRule, answer: StepAnswer): StepVerdict {
  if (answer.kind !== step.kind) return 'wrong';
  switch (answer.kind) {
    case 'free': {
      const given = ` ${normaliseAnswer(answer.text)} `;
      return (step.accept ?? []).some((phrase) => {
        const wanted = normaliseAnswer(phrase);
        return wanted !== '' && given.includes(` ${wanted} `);
      })
        ? 'right'
        : 'wrong';
    }
    case 'choice':
      return step.options?.[answer.option]?.correct === true ? 'right' : 'wrong';
    case 'check':
      return testsPass(step.tests ?? [], answer.results) ? 'right' : 'wrong';
  }
}

/** Steps pass in order: the passed prefix, then the current step, then locked ones. Passes out of order do not count. */
export function stepStates(stepIds: readonly string[], passed: ReadonlySet<string>): StepState[] {
  const current = currentStepIndex(stepIds, passed);
  return stepIds.map((_, index) => (index < current ? 'passed' : index === current ? 'current' : 'locked'));
}

/** The index of the first step not passed; `stepIds.length` when every step is. */
export function currentStepIndex(stepIds: readonly string[], passed: ReadonlySet<string>): number {
  const index = stepIds.findIndex((id) => !passed.has(id));
  return index === -1 ? stepIds.length : index;
}

/** Only the current step takes an answer. */
export function canAnswer(stepIds: readonly string[], passed: ReadonlySet<string>, stepId: string): boolean {
  return stepIds[currentStepIndex(stepIds, passed)] === stepId;
}

/** The discovery is reached (and the lesson completes) when every step has passed. */
export function isComplete(stepIds: readonly string[], passed: ReadonlySet<string>): boolean {
  return stepIds.length > 0 && currentStepIndex(stepIds, passed) === stepIds.length;
}

/** A code-along's steps after a Check: a step passes when its tests and every earlier step's pass. */
export function codeAlongStates(steps: readonly { readonly id: string; readonly tests: readonly string[] }[], results: readonly TestOutcome[]): StepState[] {
  const passed = new Set(steps.filter((step) => testsPass(step.tests, results)).map((step) => step.id));
  return stepStates(
    steps.map((step) => step.id),
    passed,
  );
}

/** A challenge's limit: par plus the author's allowance, in whole seconds. */
export function challengeLimitSeconds(parTimeMinutes: number, allowanceMinutes: number): number {
  return Math.round((parTimeMinutes + allowanceMinutes) * 60);
}

/** The clock of a challenge started at `startedAt` (ms), at `now` (ms): elapsed and remaining whole seconds, and whether the limit is reached. */
export function challengeClock(startedAt: number, now: number, limitSeconds: number): { elapsed: number; remaining: number; expired: boolean } {
  const elapsed = Math.max(0, Math.floor((now - startedAt) / 1000));
  return { elapsed, remaining: Math.max(0, limitSeconds - elapsed), expired: elapsed >= limitSeconds };
}
