// What each lesson type adds to the front matter (courses/FORMAT.md, "Lesson types"): a guided
// discovery's questions, a code-along's steps, a challenge's time allowance, a reflection's
// follow-up, a concept intro's inline checks and a project's milestones. Zod schemas, so the loader and the JSON Schema
// share them; cross-references (test names, which type may carry what) are lesson-type-problems.ts.
import { z } from 'zod';
import { DEFAULT_CHALLENGE_HINT_XP } from '../../../common/rules/xp-rules';

const stepId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters and digits joined by single hyphens (e.g. "predict-output")')
  .max(80);
const testNames = z.array(z.string().min(1).max(500)).min(1);

export const guidedStepSchema = z
  .object({
    id: stepId.describe('Unique among the lesson\'s steps'),
    question: z.string().min(1).describe('What the tutor asks, in Markdown'),
    kind: z.enum(['free', 'choice', 'check']).describe('free: a written answer; choice: pick one option; check: make the named tests pass'),
    options: z
      .array(z.object({ text: z.string().min(1), correct: z.boolean() }).strict())
      .min(2)
      .optional()
      .describe('choice only: exactly one correct'),
    accept: z
      .array(z.string().min(1).max(200))
      .min(1)
      .optional()
      .describe('free only: phrases any one of which makes the answer right (case and spacing ignored)'),
    tests: testNames.optional().describe("check only: names of the exercise's tests that must pass"),
    intent: z.string().min(1).describe('What a right answer shows; the tutor judges free text against it and never reveals it'),
    followUp: z.string().min(1).describe('The Socratic question asked after a wrong answer'),
  })
  .strict()
  .superRefine((step, ctx) => {
    const need = (field: 'options' | 'accept' | 'tests', kind: string) => {
      if (step.kind === kind && !step[field]) ctx.addIssue({ code: 'custom', path: [field], message: `a ${kind} step needs "${field}:"` });
      if (step.kind !== kind && step[field]) ctx.addIssue({ code: 'custom', path: [field], message: `"${field}:" belongs to ${kind} steps only (this one is ${step.kind})` });
    };
    need('options', 'choice');
    need('accept', 'free');
    need('tests', 'check');
    const correct = step.options?.filter((option) => option.correct).length ?? 1;
    if (correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a choice step needs exactly one correct option (found ${correct})` });
  });
export type GuidedStepSpec = z.output<typeof guidedStepSchema>;

export const guidedSchema = z
  .object({
    steps: z.array(guidedStepSchema).min(1).max(20).describe('The questions, in order; each unlocks the next'),
    discovery: z.string().min(1).describe('What the learner has found out, shown when the last step is answered; the lesson completes there'),
  })
  .strict();

export const codeAlongStepSchema = z
  .object({
    id: stepId,
    narration: z.string().min(1).describe('What to do in this step, in Markdown'),
    tests: testNames.describe("Names of the exercise's tests this step makes pass (as the results report them)"),
  })
  .strict();
export type CodeAlongStepSpec = z.output<typeof codeAlongStepSchema>;

export const codeAlongSchema = z
  .object({ steps: z.array(codeAlongStepSchema).min(2).max(20).describe('Numbered steps; a step unlocks when the previous step\'s tests pass') })
  .strict();

export const milestoneSchema = z
  .object({
    id: stepId,
    title: z.string().min(1).max(160),
    goal: z.string().min(1).describe('What this milestone delivers, in Markdown'),
    tests: testNames.optional().describe("Names of the exercise's tests that accept this milestone (as the results report them)"),
    checklist: z.array(z.string().min(1).max(300)).min(1).max(10).optional().describe('What the learner confirms by hand before submitting'),
    rubric: z.array(z.string().min(1).max(300)).min(1).max(10).describe("What the Project Guide reviews the milestone's submission against"),
  })
  .strict()
  .refine((milestone) => milestone.tests || milestone.checklist, {
    message: 'a milestone needs an acceptance check: "tests:", "checklist:" or both',
    path: ['tests'],
  });
export type MilestoneSpec = z.output<typeof milestoneSchema>;

export const projectSchema = z
  .object({ milestones: z.array(milestoneSchema).min(2).max(10).describe('In order; a milestone opens when the one before it is accepted') })
  .strict();

export const challengeSchema = z
  .object({
    allowanceMinutes: z.number().min(0).max(600).describe('Minutes on top of parTimeMinutes; at par + allowance the attempt is submitted'),
    hintXpCost: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(DEFAULT_CHALLENGE_HINT_XP)
      .describe('XP each revealed hint after the first costs (the first costs the no-hints bonus); hints take at most half the award'),
  })
  .strict();

export const reflectionSchema = z
  .object({
    prompt: z.string().min(1),
    followUp: z.string().min(1).optional().describe('The one question asked back after the learner writes, when no tutor provider is set'),
  })
  .strict();
