// The course bundle format (courses/FORMAT.md), as zod schemas. The loader validates with
// these, and scripts/generate-course-schema.ts turns them into the JSON Schema editors use.
import { z } from 'zod';
import { exerciseLessonTypes, lessonTypeSchema, quizQuestionKinds } from '../../../preload/contract/courses';
import { challengeSchema, codeAlongSchema, guidedSchema, projectSchema, reflectionSchema } from './lesson-type-format';
import { languageSchema, quizOptionSchema } from '../../../common/exam/exam-format';

// Shared with the exam format, which the hosted API validates too.
export { languageSchema, quizOptionSchema };

export const FORMAT_VERSION = 1;

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters and digits joined by single hyphens (e.g. "hello-python")')
  .max(80);
const semver = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.0.0');
const relativePath = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('/') && !value.split(/[\\/]/).includes('..') && !/^[a-zA-Z]:/.test(value), 'must be a path inside the course folder (no "..", not absolute)');

export const difficultySchema = z.enum(['beginner', 'intermediate', 'advanced']);

export const moduleSchema = z
  .object({
    id: kebabId.describe('Stable module id, unique in the course'),
    title: z.string().min(1),
    lessons: z.array(relativePath).min(1).describe('Lesson Markdown files, in order, relative to the course folder'),
  })
  .strict();

/** Concept ids a lesson, question or test names: each must be one of the course's concepts. */
const conceptRefs = z.array(kebabId);

export const quizQuestionSchema = z
  .object({
    id: kebabId,
    kind: z.enum(quizQuestionKinds),
    prompt: z.string().min(1),
    code: z.string().optional(),
    language: languageSchema.optional(),
    options: z.array(quizOptionSchema).min(2),
    concepts: conceptRefs.optional().describe("Concepts the question assesses; defaults to the lesson's concepts"),
  })
  .strict()
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (question.kind === 'multiple' ? correct < 1 : correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: question.kind === 'multiple' ? 'a multiple-answer question needs at least one correct option' : `a ${question.kind} question needs exactly one correct option (found ${correct})`,
      });
    }
  });

export const conceptSchema = z
  .object({
    id: kebabId.describe('Stable concept id, unique in the course; mastery is keyed by it'),
    title: z.string().min(1).max(120),
    prerequisites: conceptRefs.default([]).describe("Ids of this course's concepts to know first; the graph has no cycles"),
    lesson: kebabId.optional().describe('Id of the lesson that teaches the concept'),
    questions: z.array(quizQuestionSchema).optional().describe('Concept-check questions (they assess this concept); they become review cards'),
  })
  .strict();
export type ConceptSpec = z.output<typeof conceptSchema>;

export const courseSchema = z
  .object({
    format: z.literal(FORMAT_VERSION).describe('Bundle format version'),
    id: kebabId.describe('Stable course id'),
    title: z.string().min(1).max(120),
    version: semver,
    summary: z.string().min(1).max(600),
    domain: z.object({ id: kebabId, title: z.string().min(1) }).strict(),
    track: z.object({ id: kebabId, title: z.string().min(1) }).strict(),
    difficulty: difficultySchema,
    languages: z.array(languageSchema).min(1),
    estimatedHours: z.number().positive().max(1000),
    prerequisites: z.array(kebabId).default([]).describe('Ids of courses to finish first'),
    authors: z.array(z.string().min(1)).min(1),
    license: z.string().min(1),
    modules: z.array(moduleSchema).min(1),
    achievements: z.array(z.unknown()).optional().describe('Course-specific achievements (see the progress service)'),
    concepts: z
      .array(conceptSchema)
      .default([])
      .describe('The ideas the course teaches, with their prerequisites (no cycles); lessons, quiz questions and tests name them'),
  })
  .strict();
export type CourseManifest = z.output<typeof courseSchema>;

/** Front-matter blocks that only one lesson type may carry. */
const typedBlocks = [
  ['guided', 'guided'],
  ['codeAlong', 'code-along'],
  ['challenge', 'challenge'],
  ['checks', 'concept'],
  ['quiz', 'quiz'],
  ['reflection', 'reflection'],
  ['project', 'project'],
] as const;

export const lessonFrontMatterSchema = z
  .object({
    id: kebabId.describe('Stable lesson id, unique in the course; progress is keyed by it'),
    title: z.string().min(1).max(160),
    type: lessonTypeSchema,
    xp: z.number().int().min(0).max(10_000),
    parTimeMinutes: z.number().positive().max(600),
    objectives: z.array(z.string().min(1)).min(1),
    exercise: relativePath.optional().describe('Exercise folder, relative to the course'),
    quiz: z
      .object({ passPercent: z.number().min(0).max(100).default(80), questions: z.array(quizQuestionSchema).min(1) })
      .strict()
      .optional(),
    reflection: reflectionSchema.optional(),
    concepts: conceptRefs.default([]).describe('Concepts the lesson teaches (and its exercise assesses), by id'),
    guided: guidedSchema.optional().describe('guided lessons: the questions of the discovery dialogue'),
    codeAlong: codeAlongSchema.optional().describe('code-along lessons: numbered steps, each with its subset of the tests'),
    challenge: challengeSchema.optional().describe('challenge lessons: the time allowance and the XP a hint costs'),
    checks: z.array(quizQuestionSchema).min(1).max(10).optional().describe('concept lessons: "check your understanding" questions answered before Mark complete'),
    project: projectSchema.optional().describe('project lessons: milestones, each with its acceptance check and rubric'),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    if (exerciseLessonTypes.has(lesson.type) && !lesson.exercise) {
      ctx.addIssue({ code: 'custom', path: ['exercise'], message: `a ${lesson.type} lesson needs "exercise: exercises/<name>"` });
    }
    if (lesson.type === 'quiz' && !lesson.quiz) ctx.addIssue({ code: 'custom', path: ['quiz'], message: 'a quiz lesson needs "quiz: { passPercent, questions }"' });
    if (lesson.type === 'reflection' && !lesson.reflection) ctx.addIssue({ code: 'custom', path: ['reflection'], message: 'a reflection lesson needs "reflection: { prompt }"' });
    for (const [field, type] of typedBlocks) {
      if (lesson[field] !== undefined && lesson.type !== type) ctx.addIssue({ code: 'custom', path: [field], message: `"${field}:" belongs to ${type} lessons only (this one is ${lesson.type})` });
    }
  });
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;

export const exerciseSchema = z
  .object({
    language: languageSchema,
    entry: relativePath.describe('The file Run executes'),
    files: z
      .object({ editable: z.array(relativePath).min(1), readOnly: z.array(relativePath).default([]), hidden: z.array(relativePath).default([]) })
      .strict(),
    hints: z.array(z.string().min(1)).min(2, 'give 2-4 hints, from a nudge to a near-answer').max(4, 'give 2-4 hints, from a nudge to a near-answer'),
    limits: z.object({ timeoutSeconds: z.number().positive().max(120).optional(), memoryMb: z.number().int().positive().max(4096).optional() }).strict().optional(),
    refactoring: z
      .boolean()
      .optional()
      .describe('The starter is already working code to improve (a refactoring exercise): `validate --run` requires it to pass its tests instead of failing them'),
    tests: z
      .record(z.string().min(1).max(500), conceptRefs.min(1))
      .optional()
      .describe("Concepts each test assesses, by the test's name as reported (Python: test_name or Class > test_name; JavaScript: suite > test); unlisted tests assess the lesson's concepts"),
  })
  .strict();
export type ExerciseSpec = z.output<typeof exerciseSchema>;

/** manifest.json inside a .drona file. */
export const packManifestSchema = z
  .object({
    format: z.literal(FORMAT_VERSION),
    courseId: kebabId,
    version: semver,
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .strict();
export type PackManifest = z.output<typeof packManifestSchema>;
