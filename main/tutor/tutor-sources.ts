// Builds the tutor from the app's other services, read at call time: the course, workspace
// and lesson-activity services may be absent (still being built, or a test app), and the
// tutor then works with what there is.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Logger } from '../app/logger';
import type { EventBus } from '../ipc/event-bus';
import { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/open-store';
import { hintReveals } from '../store/schema';
import { isTempFile } from '../workspace/workspace-service';
import type { SecretStore } from '../secrets/secret-store';
import { TutorService, type TutorSources } from './tutor-service';

interface CourseLike {
  getLesson(courseId: string, lessonId: string): unknown;
  getExercise(courseId: string, lessonId: string): unknown;
  passages?(query: string, options: { limit: number; courseId?: string; lessonId?: string }): unknown;
}
interface WorkspaceLike {
  /** The lesson folder, refused when it (or a folder above it) is a link out of the data folder. */
  checkedRoot(courseId: string, lessonId: string): string | null;
  open(courseId: string, lessonId: string): Promise<{ files: readonly { path: string; content: string; role: string }[] }>;
}
interface LessonActivityLike {
  standing(courseId: string, lessonId: string): Promise<{ revealedHints: readonly string[] }>;
  revealHint(courseId: string, lessonId: string): Promise<{ revealedHints: readonly string[] }>;
}

type Lesson = { title: string; type: string; objectives?: readonly string[] } | null;
type Exercise = { files: { path: string; content: string; role: string }[]; solution: { path: string; content: string }[]; hints: string[] } | null;

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

export function tutorSourcesFrom(services: () => object, store?: Store, now: () => number = Date.now): TutorSources {
  const part = <T>(name: string): T | undefined => (services() as Record<string, unknown>)[name] as T | undefined;
  const courses = () => part<CourseLike>('courses');
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
    cached(`lesson:${courseId}/${lessonId}`, async () => {
      const found = (await courses()?.getLesson(courseId, lessonId)) as Lesson | undefined;
      return found ? { title: found.title, type: found.type, objectives: found.objectives ?? [] } : null;
    });
  const exercise = (courseId: string, lessonId: string) =>
    cached(`exercise:${courseId}/${lessonId}`, async () => ((await courses()?.getExercise(courseId, lessonId)) as Exercise | undefined) ?? null);
  return {
    lesson,
    exercise,
    async passages(query, options) {
      const found = (await courses()?.passages?.(query, options)) as { heading: string; text: string }[] | undefined;
      return found ?? [];
    },
    async learnerFiles(courseId, lessonId) {
      const workspace = part<WorkspaceLike>('workspace');
      if (!workspace) return [];
      const root = workspace.checkedRoot(courseId, lessonId);
      const files = (await exercise(courseId, lessonId))?.files ?? [];
      // Hidden files are the exercise's, not the learner's; the model never sees them.
      const hidden = new Set(files.filter((f) => f.role === 'hidden').map((f) => f.path));
      if (root) return readWorkspace(root, hidden);
      if (files.length === 0) return [];
      return (await workspace.open(courseId, lessonId)).files.filter((f) => f.role !== 'hidden').map((f) => ({ path: f.path, content: f.content }));
    },
    async revealedHints(courseId, lessonId) {
      const hints = (await exercise(courseId, lessonId))?.hints ?? [];
      if (store) {
        return store.db
          .select({ hintIndex: hintReveals.hintIndex })
          .from(hintReveals)
          .where(and(eq(hintReveals.courseId, courseId), eq(hintReveals.lessonId, lessonId)))
          .orderBy(hintReveals.hintIndex)
          .all()
          .flatMap(({ hintIndex }) => (hints[hintIndex] === undefined ? [] : [hints[hintIndex]]));
      }
      const activity = part<LessonActivityLike>('lessonActivity');
      return activity ? (await activity.standing(courseId, lessonId)).revealedHints : [];
    },
    async revealNextHint(courseId, lessonId) {
      const activity = part<LessonActivityLike>('lessonActivity');
      if (!activity) return null;
      try {
        return (await activity.revealHint(courseId, lessonId)).revealedHints.at(-1) ?? null;
      } catch {
        return null; // no hints, or every hint already shown
      }
    },
  };
}

export function createTutorService(
  deps: { store: Store; events: EventBus; logger: Logger; now?: () => number; secrets: SecretStore },
  services: () => object,
): TutorService {
  return new TutorService({
    store: deps.store,
    events: deps.events,
    settings: new SettingsService(deps.store, deps.now),
    secrets: deps.secrets,
    sources: tutorSourcesFrom(services, deps.store, deps.now),
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
