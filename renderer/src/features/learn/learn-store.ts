// The open lesson, shared by every feature that needs "the current lesson" (canvas, tutor,
// terminal...). Opening a lesson persists it to settings.lastLesson so a restart resumes there.
import { create } from 'zustand';
import { useAppStore } from '../../app/app-store';

export interface LessonRef {
  readonly courseId: string;
  readonly lessonId: string;
}

interface LearnState {
  /** The lesson on the Learn canvas, or null while the catalog is shown. */
  open: LessonRef | null;
  /** The course whose outline is shown in the side panel (the open lesson's course, or one picked in the catalog). */
  courseId: string | null;
  /** Bumped when courses are installed or progress changes, so views refetch. */
  revision: number;
  /** Bumped when installed course content changes (import, upgrade, preview edit): the open lesson reloads. */
  contentRevision: number;
  openLesson(courseId: string, lessonId: string): void;
  openCourse(courseId: string | null): void;
  closeLesson(): void;
  /** Restores the last lesson from settings once they have loaded. */
  resume(): void;
  invalidate(): void;
  contentChanged(): void;
}

export const useLearnStore = create<LearnState>((set, get) => ({
  open: null,
  courseId: null,
  revision: 0,
  contentRevision: 0,

  openLesson(courseId, lessonId) {
    const current = get().open;
    if (current?.courseId === courseId && current.lessonId === lessonId) return;
    set({ open: { courseId, lessonId }, courseId });
    const app = useAppStore.getState();
    if (app.settings) void app.updateSettings({ lastLesson: { courseId, lessonId } });
  },

  openCourse(courseId) {
    set({ courseId, open: null });
  },

  closeLesson() {
    set({ open: null });
  },

  resume() {
    if (get().open) return;
    const last = useAppStore.getState().settings?.lastLesson ?? null;
    if (last) set({ open: { courseId: last.courseId, lessonId: last.lessonId }, courseId: last.courseId });
  },

  invalidate() {
    set((state) => ({ revision: state.revision + 1 }));
  },

  contentChanged() {
    set((state) => ({ revision: state.revision + 1, contentRevision: state.contentRevision + 1 }));
  },
}));
