// Builds the tutor from the app's other services, read at call time: the course, workspace
// and lesson-activity services may be absent (still being built, or a test app), and the
// tutor then works with what there is.
import type { Logger } from '../app/logger';
import type { EventBus } from '../ipc/event-bus';
import { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/open-store';
import { encryptedFileSecretStore, type SecretStore } from './secret-store';
import { TutorService, type TutorSources } from './tutor-service';

interface CourseLike {
  getLesson(courseId: string, lessonId: string): unknown;
  getExercise(courseId: string, lessonId: string): unknown;
  passages?(query: string, options: { limit: number; courseId?: string; lessonId?: string }): unknown;
}
interface WorkspaceLike {
  open(courseId: string, lessonId: string): Promise<{ files: readonly { path: string; content: string; role: string }[] }>;
}
interface LessonActivityLike {
  standing(courseId: string, lessonId: string): Promise<{ revealedHints: readonly string[] }>;
  revealHint(courseId: string, lessonId: string): Promise<{ revealedHints: readonly string[] }>;
}

type Lesson = { title: string; type: string; objectives?: readonly string[] } | null;
type Exercise = { files: { path: string; content: string; role: string }[]; solution: { path: string; content: string }[]; hints: string[] } | null;

export function tutorSourcesFrom(services: () => object): TutorSources {
  const part = <T>(name: string): T | undefined => (services() as Record<string, unknown>)[name] as T | undefined;
  const courses = () => part<CourseLike>('courses');
  return {
    async lesson(courseId, lessonId) {
      const lesson = (await courses()?.getLesson(courseId, lessonId)) as Lesson | undefined;
      return lesson ? { title: lesson.title, type: lesson.type, objectives: lesson.objectives ?? [] } : null;
    },
    async exercise(courseId, lessonId) {
      return ((await courses()?.getExercise(courseId, lessonId)) as Exercise | undefined) ?? null;
    },
    async passages(query, options) {
      const found = (await courses()?.passages?.(query, options)) as { heading: string; text: string }[] | undefined;
      return found ?? [];
    },
    async learnerFiles(courseId, lessonId) {
      const workspace = part<WorkspaceLike>('workspace');
      if (!workspace) return [];
      // Hidden files are the exercise's, not the learner's; the model never sees them.
      return (await workspace.open(courseId, lessonId)).files.filter((f) => f.role !== 'hidden').map((f) => ({ path: f.path, content: f.content }));
    },
    async revealedHints(courseId, lessonId) {
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
  deps: { store: Store; events: EventBus; dataDir: string; logger: Logger; now?: () => number; secrets?: SecretStore },
  services: () => object,
): TutorService {
  return new TutorService({
    store: deps.store,
    events: deps.events,
    settings: new SettingsService(deps.store, deps.now),
    secrets: deps.secrets ?? encryptedFileSecretStore(deps.dataDir),
    sources: tutorSourcesFrom(services),
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
