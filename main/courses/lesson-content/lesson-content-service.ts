// One lesson as the learner opens it (front matter, Markdown with its links resolved) and its
// exercise (starter, read-only and hidden files, tests, solution, hints), read from the
// installed course folder. Parsed lessons and exercises are kept per installed copy of a course
// (its manifest digest, which hashes every file): every Check reads its exercise, and reading and
// parsing the YAML and files again took 10-100 ms of each Check's time under load.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { parse as parseYaml } from 'yaml';
import type { LessonContent } from '../../../preload/contract/courses';
import type { SandboxFile, SandboxLanguage, SandboxLimitsInput } from '../../../preload/contract/sandbox';
import type { WorkspaceFile } from '../../../preload/contract/workspace';
import type { Store } from '../../store/open-store';
import { courses, lessons } from '../../store/schema';
import { exerciseFileRefusal } from '../bundle/bundle-allow-list';
import { splitFrontMatter } from '../bundle/course-bundle';
import { readCourseSupport } from '../bundle/course-support';
import { courseSchema, exerciseSchema, lessonFrontMatterSchema, type ConceptSpec, type LessonFrontMatter } from '../bundle/course-format';
import type { CourseLocator } from '../catalog/course-catalog';
import { resolveLessonLinks } from './lesson-links';

/** An exercise as the workspace, sandbox and tutor take it (main only: the renderer never sees tests or solutions). */
export interface ExerciseContent {
  readonly language: SandboxLanguage;
  readonly entry: string;
  readonly files: readonly WorkspaceFile[];
  readonly tests: readonly SandboxFile[];
  /** The course's support files (support/), which its tests may import. */
  readonly support: readonly SandboxFile[];
  readonly solution: readonly SandboxFile[];
  readonly hints: readonly string[];
  readonly limits?: SandboxLimitsInput;
  /** What each test assesses (exercise.yaml `tests:`), and the lesson's concepts for tests not mapped. */
  readonly concepts: { readonly lesson: readonly string[]; readonly tests: Readonly<Record<string, readonly string[]>> };
}

/** A lesson's answer keys (main only). */
export interface LessonKeys {
  readonly guided?: NonNullable<LessonFrontMatter['guided']>;
  readonly reflectionFollowUp?: string;
}

/** What the lesson canvas, lesson activity and tutor read. */
export interface LessonSource {
  getLesson(courseId: string, lessonId: string): LessonContent | null;
}

/** What the workspace (starter files), the sandbox's Check and the tutor read; kept and shared, so never changed by its readers. */
export interface ExerciseSource {
  getExercise(courseId: string, lessonId: string): ExerciseContent | null;
}

/** A concept's authored concept-check questions (course.yaml), each assessing `concepts` (default: the concept itself). */
export type ConceptQuestions = { readonly conceptId: string; readonly questions: NonNullable<ConceptSpec['questions']> };

type LessonFile = { dir: string; path: string; moduleId: string; meta: LessonFrontMatter; body: string };

/** What was read of one installed copy of a course: good while the course's digest is `digest`. */
interface ParsedCourse {
  readonly digest: string;
  readonly lessons: Map<string, LessonFile | null>;
  readonly exercises: Map<string, ExerciseContent | null>;
}

export class LessonContentService implements LessonSource, ExerciseSource {
  private readonly parsed = new Map<string, ParsedCourse>();

  constructor(
    private readonly store: Store,
    private readonly courses: CourseLocator,
  ) {}

  /**
   * What was read of the course as installed now. An install, upgrade or preview edit writes a
   * new digest with its rows (from this process or the CLI's), so what was read of the copy
   * before is dropped, not served; the one query costs well under a millisecond.
   */
  private parsedCourse(courseId: string): ParsedCourse | null {
    const digest = this.store.db.select({ digest: courses.manifestDigest }).from(courses).where(eq(courses.id, courseId)).get()?.digest;
    if (digest === undefined) {
      this.parsed.delete(courseId);
      return null;
    }
    let parsed = this.parsed.get(courseId);
    if (parsed?.digest !== digest) {
      parsed = { digest, lessons: new Map(), exercises: new Map() };
      this.parsed.set(courseId, parsed);
    }
    return parsed;
  }

  /** The lesson's entry in one of the course's parse caches, read on a miss (a missing one is remembered as null). */
  private remembered<T>(courseId: string, lessonId: string, cache: (parsed: ParsedCourse) => Map<string, T | null>, read: () => T | null): T | null {
    const parsed = this.parsedCourse(courseId);
    if (!parsed) return null;
    const known = cache(parsed).get(lessonId);
    if (known !== undefined) return known;
    const value = read();
    cache(parsed).set(lessonId, value);
    return value;
  }

  private lessonSource(courseId: string, lessonId: string): LessonFile | null {
    return this.remembered(courseId, lessonId, (parsed) => parsed.lessons, () => this.readLesson(courseId, lessonId));
  }

  private readLesson(courseId: string, lessonId: string): LessonFile | null {
    const dir = this.courses.courseDir(courseId);
    const row = this.store.db.select().from(lessons).where(and(eq(lessons.courseId, courseId), eq(lessons.lessonId, lessonId), isNull(lessons.removedAt))).get();
    if (!dir || !row) return null;
    const file = path.join(dir, row.path);
    if (!fs.existsSync(file)) return null;
    const split = splitFrontMatter(fs.readFileSync(file, 'utf8'));
    if (!split) return null;
    const meta = lessonFrontMatterSchema.parse(parseYaml(split.frontMatter));
    return { dir, path: row.path, moduleId: row.moduleId, meta, body: split.body };
  }

  /** The course's live lessons by bundle path, for links from one lesson to another. */
  private lessonIdsByPath(courseId: string): Map<string, string> {
    const rows = this.store.db.select({ lessonId: lessons.lessonId, path: lessons.path }).from(lessons).where(and(eq(lessons.courseId, courseId), isNull(lessons.removedAt))).all();
    return new Map(rows.map((row) => [row.path, row.lessonId]));
  }

  getLesson(courseId: string, lessonId: string): LessonContent | null {
    const source = this.lessonSource(courseId, lessonId);
    if (!source) return null;
    const { meta } = source;
    return {
      courseId,
      lessonId,
      moduleId: source.moduleId,
      title: meta.title,
      type: meta.type,
      xp: meta.xp,
      parTimeMinutes: meta.parTimeMinutes,
      objectives: meta.objectives,
      body: resolveLessonLinks(source.dir, source.path, source.body, () => this.lessonIdsByPath(courseId)),
      quiz: meta.quiz ?? null,
      reflection: meta.reflection ?? null,
      hasExercise: Boolean(meta.exercise && fs.existsSync(path.join(source.dir, meta.exercise, 'exercise.yaml'))),
      guided: meta.guided ? { steps: meta.guided.steps.map((step) => ({ id: step.id, question: step.question, kind: step.kind, options: step.options?.map((option) => option.text) ?? null })) } : null,
      codeAlong: meta.codeAlong ?? null,
      challenge: meta.challenge ?? null,
      checks: meta.checks ?? null,
      project: meta.project ?? null,
    };
  }

  /** What main judges with and the canvas never sees: a guided discovery's answer key and a reflection's authored follow-up. */
  getLessonKeys(courseId: string, lessonId: string): LessonKeys | null {
    const meta = this.lessonSource(courseId, lessonId)?.meta;
    if (!meta) return null;
    return { ...(meta.guided ? { guided: meta.guided } : {}), ...(meta.reflection?.followUp ? { reflectionFollowUp: meta.reflection.followUp } : {}) };
  }

  /** The installed course's concept-check questions, per concept in declaration order (concepts without any are left out). */
  getConceptQuestions(courseId: string): ConceptQuestions[] {
    const dir = this.courses.courseDir(courseId);
    const file = dir ? path.join(dir, 'course.yaml') : null;
    if (!file || !fs.existsSync(file)) return [];
    const manifest = courseSchema.parse(parseYaml(fs.readFileSync(file, 'utf8')));
    return manifest.concepts.filter((concept) => concept.questions?.length).map((concept) => ({ conceptId: concept.id, questions: concept.questions! }));
  }

  getExercise(courseId: string, lessonId: string): ExerciseContent | null {
    return this.remembered(courseId, lessonId, (parsed) => parsed.exercises, () => this.readExercise(courseId, lessonId));
  }

  private readExercise(courseId: string, lessonId: string): ExerciseContent | null {
    const source = this.lessonSource(courseId, lessonId);
    if (!source?.meta.exercise) return null;
    const folder = path.join(source.dir, source.meta.exercise);
    const specFile = path.join(folder, 'exercise.yaml');
    if (!fs.existsSync(specFile)) return null;
    const spec = exerciseSchema.parse(parseYaml(fs.readFileSync(specFile, 'utf8')));
    const read = (variant: string, file: string) => fs.readFileSync(path.join(folder, variant, file), 'utf8');
    const roles = [...spec.files.editable.map((file) => [file, 'editable'] as const), ...spec.files.readOnly.map((file) => [file, 'readOnly'] as const), ...spec.files.hidden.map((file) => [file, 'hidden'] as const)].filter(
      // As for tests below: what a course installed before the allow-list declares, it does not hand out.
      ([file]) => exerciseFileRefusal('starter', file) === null,
    );
    const testsDir = path.join(folder, 'tests');
    const tests = fs.existsSync(testsDir)
      ? fs
          .readdirSync(testsDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(testsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          // A course installed before the allow-list may hold hidden or tool files here; they go nowhere.
          .filter((file) => exerciseFileRefusal('tests', file) === null)
          .sort()
          .map((file) => ({ path: file, content: fs.readFileSync(path.join(testsDir, file), 'utf8') }))
      : [];
    return {
      language: spec.language,
      entry: spec.entry,
      files: roles.map(([file, role]) => ({ path: file, content: read('starter', file), role })),
      tests,
      support: readCourseSupport(source.dir),
      // solution/ may leave out read-only and hidden files: the learner has the starter's.
      solution: roles.map(([file, role]) => ({ path: file, content: read(role === 'editable' || fs.existsSync(path.join(folder, 'solution', file)) ? 'solution' : 'starter', file) })),
      hints: spec.hints,
      ...(spec.limits ? { limits: spec.limits } : {}),
      concepts: { lesson: source.meta.concepts, tests: spec.tests ?? {} },
    };
  }
}
