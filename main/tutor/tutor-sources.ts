// What the tutor reads from other domains (lessons and exercises, passages, the learner's
// files, hint reveals), behind narrow interfaces that the composition root fills with the
// course, workspace and lesson services.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { Logger } from '../app/logger';
import type { Store } from '../store/open-store';
import { hintReveals } from '../store/schema';
import { isTempFile } from '../workspace/workspace-fs';

export interface TutorLesson {
  readonly title: string;
  readonly type: string;
  readonly objectives: readonly string[];
  /** The lesson's Markdown, so replies without a provider quote it as written. */
  readonly body?: string;
}

export interface TutorExercise {
  readonly files: readonly { path: string; content: string; role: string }[];
  readonly solution: readonly { path: string; content: string }[];
  readonly hints: readonly string[];
}

/** What the tutor reads from other domains. */
export interface TutorSources {
  lesson(courseId: string, lessonId: string): Promise<TutorLesson | null>;
  exercise(courseId: string, lessonId: string): Promise<TutorExercise | null>;
  passages(query: string, options: { courseId: string; lessonId?: string; limit: number }): Promise<readonly { heading: string; text: string }[]>;
  learnerFiles(courseId: string, lessonId: string): Promise<readonly { path: string; content: string }[]>;
  revealedHints(courseId: string, lessonId: string): Promise<readonly string[]>;
  /** Records the next authored hint as revealed; returns its text, or null when none is left. */
  revealNextHint(courseId: string, lessonId: string): Promise<string | null>;
}

type MaybePromise<T> = T | Promise<T>;

/** The course content the tutor reads (the course service). */
export interface TutorCourseContent {
  getLesson(
    courseId: string,
    lessonId: string,
  ): MaybePromise<{ title: string; type: string; objectives?: readonly string[]; body?: string } | null | undefined>;
  getExercise(courseId: string, lessonId: string): MaybePromise<TutorExercise | null | undefined>;
  passages(query: string, options: { limit: number; courseId?: string; lessonId?: string }): MaybePromise<readonly { heading: string; text: string }[]>;
}

/** The learner's lesson folder (the workspace service). */
export interface TutorWorkspace {
  /** The lesson folder, refused when it (or a folder above it) is a link out of the data folder. */
  checkedRoot(courseId: string, lessonId: string): string | null;
  open(courseId: string, lessonId: string): Promise<{ files: readonly { path: string; content: string; role: string }[] }>;
}

/** Reveals the next authored hint (the lesson activity service, which may charge XP for it). */
export interface TutorHintRevealer {
  revealHint(courseId: string, lessonId: string): Promise<{ revealedHints: readonly string[] }>;
}

export interface TutorSourceParts {
  readonly courses: TutorCourseContent;
  readonly workspace: TutorWorkspace;
  readonly hints: TutorHintRevealer;
  readonly store: Store;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Lesson and exercise content is read at most every 30 s per lesson: the course service reads
 * the bundle from disk on each call, and time to first token is what the learner feels.
 */
const CONTENT_TTL_MS = 30_000;
const MAX_FILES = 20;
const MAX_FILE_BYTES = 100_000;
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', '.pytest_cache', '.git', '.venv', '.mypy_cache']);

/** The learner's files on disk, without the exercise's hidden ones. */
function readWorkspace(root: string, hidden: ReadonlySet<string>): { path: string; content: string }[] {
  const found: { path: string; content: string }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (found.length >= MAX_FILES || isTempFile(entry.name)) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full, relative);
      } else if (entry.isFile() && !hidden.has(relative) && fs.statSync(full).size <= MAX_FILE_BYTES) {
        const content = fs.readFileSync(full, 'utf8');
        if (!content.includes('\u0000')) found.push({ path: relative, content });
      }
    }
  };
  walk(root, '');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

export function tutorSources(parts: TutorSourceParts): TutorSources {
  const { courses, workspace, hints: revealer, store } = parts;
  const now = parts.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < CONTENT_TTL_MS) return hit.value as Promise<T>;
    const value = load();
    cache.set(key, { at: now(), value });
    // The caller gets the rejection; the cache only forgets it so the next ask loads again.
    value.catch(() => cache.delete(key));
    return value;
  };
  const lesson = (courseId: string, lessonId: string) =>
    cached(`lesson:${courseId}/${lessonId}`, async (): Promise<TutorLesson | null> => {
      const found = await courses.getLesson(courseId, lessonId);
      return found
        ? { title: found.title, type: found.type, objectives: found.objectives ?? [], ...(found.body === undefined ? {} : { body: found.body }) }
        : null;
    });
  const exercise = (courseId: string, lessonId: string) =>
    cached(`exercise:${courseId}/${lessonId}`, async () => (await courses.getExercise(courseId, lessonId)) ?? null);
  return {
    lesson,
    exercise,
    passages: async (query, options) => courses.passages(query, options),
    async learnerFiles(courseId, lessonId) {
      const root = workspace.checkedRoot(courseId, lessonId);
      const files = (await exercise(courseId, lessonId))?.files ?? [];
      // Hidden files are the exercise's, not the learner's; the model never sees them.
      const hidden = new Set(files.filter((f) => f.role === 'hidden').map((f) => f.path));
      if (root) return readWorkspace(root, hidden);
      if (files.length === 0) return [];
      return (await workspace.open(courseId, lessonId)).files.filter((f) => f.role !== 'hidden').map((f) => ({ path: f.path, content: f.content }));
    },
    async revealedHints(courseId, lessonId) {
      const authored = (await exercise(courseId, lessonId))?.hints ?? [];
      return store.db
        .select({ hintIndex: hintReveals.hintIndex })
        .from(hintReveals)
        .where(and(eq(hintReveals.courseId, courseId), eq(hintReveals.lessonId, lessonId)))
        .orderBy(hintReveals.hintIndex)
        .all()
        .flatMap(({ hintIndex }) => (authored[hintIndex] === undefined ? [] : [authored[hintIndex]]));
    },
    async revealNextHint(courseId, lessonId) {
      try {
        return (await revealer.revealHint(courseId, lessonId)).revealedHints.at(-1) ?? null;
      } catch (error) {
        // No hints, or every hint already shown, is an answer; anything else is logged too.
        if (!(error instanceof DronaError && (error.code === 'not_found' || error.code === 'conflict'))) {
          parts.logger.warn(`tutor: the next hint of ${courseId}/${lessonId} could not be revealed: ${messageOf(error)}`);
        }
        return null;
      }
    },
  };
}
