// The lesson as the canvas shows it (CourseService.getLesson's shape) and where it sits in
// its course (for the breadcrumb, progress bar and previous/next).
export type LessonType = 'concept' | 'guided' | 'code-along' | 'practice' | 'challenge' | 'quiz' | 'project' | 'reflection';

export interface QuizOption {
  readonly text: string;
  readonly correct: boolean;
  readonly explanation?: string;
}

export interface QuizQuestion {
  readonly id: string;
  readonly kind: 'single' | 'multiple' | 'predict-output' | 'find-the-bug';
  readonly prompt: string;
  readonly code?: string;
  readonly language?: string;
  readonly options: readonly QuizOption[];
}

export interface LessonDocument {
  readonly courseId: string;
  readonly lessonId: string;
  readonly moduleId: string;
  readonly title: string;
  readonly type: LessonType;
  readonly xp: number;
  readonly parTimeMinutes: number;
  readonly objectives: readonly string[];
  readonly body: string;
  readonly quiz?: { readonly passPercent: number; readonly questions: readonly QuizQuestion[] } | null;
  readonly reflection?: { readonly prompt: string } | null;
  readonly hasExercise: boolean;
}

export interface LessonPlace {
  readonly courseTitle: string;
  readonly moduleTitle: string;
  /** 0-based position among all the course's lessons, and how many there are. */
  readonly index: number;
  readonly total: number;
  readonly completedCount: number;
  readonly previous: { readonly lessonId: string; readonly title: string } | null;
  readonly next: { readonly lessonId: string; readonly title: string } | null;
}

export const exerciseTypes: ReadonlySet<LessonType> = new Set(['guided', 'code-along', 'practice', 'challenge', 'project']);
export const markCompleteTypes: ReadonlySet<LessonType> = new Set(['concept']);
