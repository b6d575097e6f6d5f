// Where a lesson sits in its course (for the breadcrumb, progress bar and previous/next): a
// renderer-only shape. The lesson itself is the contract's LessonContent.
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
