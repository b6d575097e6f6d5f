// The courses feature, built from its parts: installer (import, upgrade, built-ins), catalog
// (courses and outlines), lesson content (lessons and exercises) and search (FTS5). A thin
// facade because the app's other services reach courses through `services.courses`; each part
// is exported with the narrow interface its consumers need (CourseCatalogReader, LessonSource,
// ExerciseSource, PassageSource), so a consumer can depend on that part alone.
import type { ImportResult } from '../../preload/contract/courses';
import type { Store } from '../store/open-store';
import type { PackLimits } from './bundle/course-pack';
import { CourseCatalog, type CourseCatalogReader } from './catalog/course-catalog';
import { CourseInstaller } from './installer/course-installer';
import { LessonContentService, type ExerciseSource, type LessonSource } from './lesson-content/lesson-content-service';
import { CourseSearch, type PassageSource } from './search/course-search';

export { CourseImportError } from './installer/course-import-error';
export type { InstalledCourseDetail } from './catalog/course-catalog';
export type { ExerciseContent } from './lesson-content/lesson-content-service';

export class CourseService implements CourseCatalogReader, LessonSource, ExerciseSource, PassageSource {
  readonly catalog: CourseCatalog;
  readonly installer: CourseInstaller;
  readonly content: LessonContentService;
  readonly lessonSearch: CourseSearch;

  constructor(store: Store, dataDir: string, now: () => number = Date.now, limits?: PackLimits, onChange?: (courseId: string) => void) {
    this.catalog = new CourseCatalog(store, dataDir);
    this.installer = new CourseInstaller(store, dataDir, this.catalog, { now, ...(limits ? { limits } : {}), ...(onChange ? { onChange } : {}) });
    this.content = new LessonContentService(store, this.catalog);
    this.lessonSearch = new CourseSearch(store);
  }

  installBuiltins(root: string, buildFingerprints?: Readonly<Record<string, string>>): { results: ImportResult[]; failures: { dir: string; message: string }[] } {
    return this.installer.installBuiltins(root, buildFingerprints);
  }

  listCourses() {
    return this.catalog.listCourses();
  }

  getCourse(courseId: string) {
    return this.catalog.getCourse(courseId);
  }

  getLesson(courseId: string, lessonId: string) {
    return this.content.getLesson(courseId, lessonId);
  }

  getLessonKeys(courseId: string, lessonId: string) {
    return this.content.getLessonKeys(courseId, lessonId);
  }

  getExercise(courseId: string, lessonId: string) {
    return this.content.getExercise(courseId, lessonId);
  }

  getConceptQuestions(courseId: string) {
    return this.content.getConceptQuestions(courseId);
  }

  passages(query: string, options?: { limit?: number; courseId?: string; lessonId?: string }) {
    return this.lessonSearch.passages(query, options);
  }
}
