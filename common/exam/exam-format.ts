// A course's exam bank (exam.yaml, courses/FORMAT.md "Exams"), as zod schemas. The app's course
// loader and exam service validate with these, and so does the hosted API when an admin registers
// a bank with a course: one format on both sides.
import { z } from 'zod';

/** The course format's languages and quiz options (main/courses/bundle/course-format.ts re-exports them). */
export const languageSchema = z.enum(['python', 'javascript']);
export const quizOptionSchema = z
  .object({ text: z.string().min(1), correct: z.boolean(), explanation: z.string().min(1).describe('Why this option is right or wrong') })
  .strict();

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters and digits joined by single hyphens (e.g. "loop-bounds")')
  .max(80);
const relativePath = z
  .string()
  .min(1)
  .refine(
    (value) => !value.startsWith('/') && !value.split(/[\\/]/).includes('..') && !/^[a-zA-Z]:/.test(value),
    'must be a path inside the course folder (no "..", not absolute)',
  );

export const examDifficulties = [1, 2, 3] as const;
export type ExamDifficulty = (typeof examDifficulties)[number];

const common = {
  id: kebabId.describe('Stable item id, unique in the bank; attempts record answers by it'),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('1 easy, 2 medium, 3 hard'),
  concepts: z.array(kebabId).min(1).describe("Concepts of this course the item assesses (ids from course.yaml's concepts)"),
};

const optionsWithOneCorrect = z
  .array(quizOptionSchema)
  .min(2)
  .max(8)
  .refine((options) => options.filter((option) => option.correct).length === 1, 'an exam question needs exactly one correct option');

export const choiceItemSchema = z
  .object({
    ...common,
    kind: z.literal('choice'),
    prompt: z.string().min(1),
    code: z.string().optional(),
    language: languageSchema.optional(),
    options: optionsWithOneCorrect,
  })
  .strict();
export const codeAnalysisItemSchema = z
  .object({
    ...common,
    kind: z.enum(['predict-output', 'find-the-bug']),
    prompt: z.string().min(1),
    code: z.string().min(1).describe('The code to read'),
    language: languageSchema,
    options: optionsWithOneCorrect,
  })
  .strict();
export const challengeItemSchema = z
  .object({
    ...common,
    kind: z.literal('coding-challenge'),
    title: z.string().min(1).max(120),
    prompt: z.string().min(1).describe('The task, shown in the exam (Markdown)'),
    exercise: relativePath.describe('Exercise folder (exercises/<name>) with starter, hidden tests and a reference solution'),
  })
  .strict();
export const designItemSchema = z
  .object({
    ...common,
    kind: z.literal('design-question'),
    prompt: z.string().min(1),
    followUps: z.array(z.string().min(1)).min(1).max(5).describe('Follow-up questions the interviewer may ask about the answer'),
    rubric: z.array(z.string().min(1)).min(1).max(8).describe('What a good answer covers (for the tutor or the reviewing person)'),
  })
  .strict();

export const examItemSchema = z.discriminatedUnion('kind', [choiceItemSchema, codeAnalysisItemSchema, challengeItemSchema, designItemSchema]);
export type ExamItem = z.output<typeof examItemSchema>;
export type ChoiceItem = z.output<typeof choiceItemSchema> | z.output<typeof codeAnalysisItemSchema>;
export type ChallengeItem = z.output<typeof challengeItemSchema>;
export type DesignItem = z.output<typeof designItemSchema>;

const sectionSize = (questions: number, minutes: number) =>
  z
    .object({ questions: z.number().int().min(1).max(50).default(questions), minutes: z.number().positive().max(240).default(minutes) })
    .strict()
    .default({ questions, minutes });
const timedSection = (minutes: number) =>
  z
    .object({ minutes: z.number().positive().max(240).default(minutes) })
    .strict()
    .default({ minutes });

export const examSchema = z
  .object({
    title: z.string().min(1).max(120).optional().describe('Defaults to "<course title>: Silver exam"'),
    passPercent: z.number().min(1).max(100).default(80).describe('Overall score needed to pass'),
    retakeCooldownHours: z.number().min(0).max(8760).default(24).describe('Hours between a failed attempt and the next'),
    sections: z
      .object({
        conceptual: sectionSize(20, 25),
        codeAnalysis: sectionSize(10, 20),
        challenges: timedSection(45),
        design: timedSection(15),
      })
      .strict()
      .default({
        conceptual: { questions: 20, minutes: 25 },
        codeAnalysis: { questions: 10, minutes: 20 },
        challenges: { minutes: 45 },
        design: { minutes: 15 },
      })
      .describe('Section sizes and times; the defaults are the Silver exam of the design'),
    items: z.array(examItemSchema).min(1).describe('The bank: each attempt draws a fresh, seeded selection from it'),
  })
  .strict();
export type ExamBank = z.output<typeof examSchema>;
