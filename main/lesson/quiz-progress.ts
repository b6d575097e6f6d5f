// A quiz part-way through, one row of the settings table per lesson (small state that needs no
// migration): a reload or a restart carries on at the question the learner was on. Read back
// through the contract's schema and against the quiz as installed now, so a course update or
// a damaged row starts the quiz afresh instead of breaking it.
import { eq } from 'drizzle-orm';
import { quizProgressSchema, type QuizProgress } from '../../preload/contract/lesson';
import type { Store } from '../store/open-store';
import { settings } from '../store/schema';

const keyOf = (courseId: string, lessonId: string) => `quiz.progress:${courseId}/${lessonId}`;

/**
 * The saved progress if it still fits the quiz: the answers are the quiz's questions in order,
 * one for each question before the one shown, every option index exists. Pure.
 */
export function resumableQuizProgress(
  saved: unknown,
  questions: readonly { readonly id: string; readonly options: readonly unknown[] }[],
): QuizProgress | null {
  const parsed = quizProgressSchema.safeParse(saved);
  if (!parsed.success) return null;
  const progress = parsed.data;
  const shown = questions[progress.index];
  if (!shown || progress.answers.length !== progress.index) return null;
  const fits = (selected: readonly number[], options: readonly unknown[]) => selected.every((option) => option < options.length);
  const answersFit = progress.answers.every((answer, i) => answer.questionId === questions[i]?.id && fits(answer.selected, questions[i].options));
  return answersFit && fits(progress.selected, shown.options) && !(progress.answered && progress.selected.length === 0) ? progress : null;
}

export class QuizProgressStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  read(courseId: string, lessonId: string): unknown {
    return (
      this.store.db
        .select()
        .from(settings)
        .where(eq(settings.key, keyOf(courseId, lessonId)))
        .get()?.value ?? null
    );
  }

  save(courseId: string, lessonId: string, progress: QuizProgress): void {
    const key = keyOf(courseId, lessonId);
    const at = this.now();
    this.store.db
      .insert(settings)
      .values({ key, value: progress, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: progress, updatedAt: at } })
      .run();
  }

  clear(courseId: string, lessonId: string): void {
    this.store.db
      .delete(settings)
      .where(eq(settings.key, keyOf(courseId, lessonId)))
      .run();
  }
}
