// Courses: the catalog (domains → tracks → courses), course outlines, lesson content, FTS
// search, and importing a .drona bundle from the renderer (bytes as base64, size-capped).
import { z } from 'zod';
import { call, event } from './define';

/** The largest .drona the renderer may send (base64 adds a third on the wire). */
export const MAX_UI_IMPORT_BYTES = 10 * 1024 * 1024; // under serve mode's 16 MB message cap once base64-encoded

const ref = { id: z.string(), title: z.string() };

/** Every kind of lesson a course may hold; the bundle format, main and the renderer take this list. */
export const lessonTypes = ['concept', 'guided', 'code-along', 'practice', 'challenge', 'quiz', 'project', 'reflection'] as const;
export const lessonTypeSchema = z.enum(lessonTypes);
export type LessonType = z.infer<typeof lessonTypeSchema>;
/** Lessons built around an exercise the learner runs and checks. */
export const exerciseLessonTypes: ReadonlySet<LessonType> = new Set(['guided', 'code-along', 'practice', 'challenge', 'project']);
/** Lessons the learner finishes with "Mark complete" (nothing to pass). */
export const markCompleteLessonTypes: ReadonlySet<LessonType> = new Set(['concept']);
export const quizQuestionKinds = ['single', 'multiple', 'predict-output', 'find-the-bug'] as const;
const id = z.string().min(1).max(120);

export const courseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  summary: z.string(),
  domain: z.object(ref),
  track: z.object(ref),
  difficulty: z.string(),
  languages: z.array(z.string()),
  estimatedHours: z.number(),
  prerequisites: z.array(z.object({ ...ref, completed: z.boolean() })),
  builtIn: z.boolean(),
  lessonCount: z.number().int(),
  completedCount: z.number().int(),
  status: z.enum(['not-started', 'in-progress', 'completed']),
  lockedReason: z.string().nullable(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;
export type CourseStatus = CourseSummary['status'];

export const lessonOutlineSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  xp: z.number(),
  parTimeMinutes: z.number(),
  status: z.enum(['not_started', 'in_progress', 'completed']),
  /** Ids of the course concepts this lesson teaches. */
  concepts: z.array(z.string()),
});
export type LessonOutline = z.infer<typeof lessonOutlineSchema>;

/** An idea the course teaches, in the order course.yaml declares them. */
export const courseConceptSchema = z.object({ id: z.string(), title: z.string(), prerequisites: z.array(z.string()), lessonId: z.string().nullable() });
export type CourseConcept = z.infer<typeof courseConceptSchema>;

export const courseDetailSchema = courseSummarySchema.extend({
  modules: z.array(z.object({ id: z.string(), title: z.string(), lessons: z.array(lessonOutlineSchema) })),
  concepts: z.array(courseConceptSchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

const quizOption = z.object({ text: z.string(), correct: z.boolean(), explanation: z.string().optional() });
export const lessonQuizQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(quizQuestionKinds),
  prompt: z.string(),
  code: z.string().optional(),
  language: z.string().optional(),
  options: z.array(quizOption),
});
export type LessonQuizQuestion = z.infer<typeof lessonQuizQuestionSchema>;
/** A guided discovery's question as the canvas shows it: the answer key, intent and follow-up stay in main. */
export const guidedStepViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(['free', 'choice', 'check']),
  options: z.array(z.string()).nullable(),
});
export type GuidedStepView = z.infer<typeof guidedStepViewSchema>;
export const codeAlongStepViewSchema = z.object({ id: z.string(), narration: z.string(), tests: z.array(z.string()) });
export type CodeAlongStepView = z.infer<typeof codeAlongStepViewSchema>;
/** A project's milestone: its goal, acceptance check (tests, a checklist or both) and the rubric its submission is reviewed against. */
export const milestoneViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  goal: z.string(),
  tests: z.array(z.string()).optional(),
  checklist: z.array(z.string()).optional(),
  rubric: z.array(z.string()),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;
export const lessonContentSchema = z.object({
  courseId: z.string(),
  lessonId: z.string(),
  moduleId: z.string(),
  title: z.string(),
  type: lessonTypeSchema,
  xp: z.number(),
  parTimeMinutes: z.number(),
  objectives: z.array(z.string()),
  body: z.string(),
  quiz: z.object({ passPercent: z.number(), questions: z.array(lessonQuizQuestionSchema) }).nullable(),
  reflection: z.object({ prompt: z.string() }).nullable(),
  hasExercise: z.boolean(),
  /** Per lesson type (courses/FORMAT.md "Lesson types"); null where the lesson has none. */
  guided: z.object({ steps: z.array(guidedStepViewSchema) }).nullable(),
  codeAlong: z.object({ steps: z.array(codeAlongStepViewSchema) }).nullable(),
  challenge: z.object({ allowanceMinutes: z.number(), hintXpCost: z.number() }).nullable(),
  /** A concept intro's "check your understanding" questions, answered before Mark complete. */
  checks: z.array(lessonQuizQuestionSchema).nullable(),
  /** A project's milestones, in order. */
  project: z.object({ milestones: z.array(milestoneViewSchema) }).nullable(),
});
export type LessonContent = z.infer<typeof lessonContentSchema>;

/** A lesson as a link names it with its course: search hits, the recommended next lesson, reminders. */
export const lessonLinkSchema = z.object({ courseId: z.string(), lessonId: z.string(), title: z.string(), courseTitle: z.string() });

export const searchHitSchema = lessonLinkSchema.extend({
  /** Matched terms are wrapped in « and ». */
  snippet: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const importResultSchema = z.object({
  courseId: z.string(),
  title: z.string(),
  version: z.string(),
  outcome: z.enum(['installed', 'upgraded', 'unchanged']),
  previousVersion: z.string().nullable(),
  lessonCount: z.number().int(),
  removedLessons: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const coursesCalls = {
  'courses.list': call(z.object({}), z.array(courseSummarySchema)),
  'courses.get': call(z.object({ courseId: id }), courseDetailSchema),
  'courses.lesson': call(z.object({ courseId: id, lessonId: id }), lessonContentSchema),
  'courses.search': call(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional(), courseId: id.optional() }),
    z.array(searchHitSchema),
  ),
  /** Imports a .drona file picked or dropped in the Learn view. Errors carry every problem in `details`. */
  'courses.import': call(
    z.object({
      fileName: z.string().max(255),
      dataBase64: z.string().max(Math.ceil(MAX_UI_IMPORT_BYTES / 3) * 4, `The file is larger than ${MAX_UI_IMPORT_BYTES / 1024 / 1024} MB.`),
    }),
    importResultSchema,
  ),
};

export const coursesEvents = {
  /** A course was installed, upgraded or reloaded (preview); every window refreshes its catalog. */
  'courses.changed': event(z.object({ courseId: z.string() })),
};
