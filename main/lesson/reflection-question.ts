// The question last asked back on a lesson's reflection (the Mentor's or the authored one), so
// the learner's answer is journaled under the question they actually saw. A settings row, main's alone.
import { eq } from 'drizzle-orm';
import type { Store } from '../store/open-store';
import { settings } from '../store/schema';

const questionKey = (courseId: string, lessonId: string) => `reflection-question:${courseId}/${lessonId}`;

export function keepAskedQuestion(store: Store, courseId: string, lessonId: string, question: string, now: number): void {
  store.db
    .insert(settings)
    .values({ key: questionKey(courseId, lessonId), value: question, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: question, updatedAt: now } })
    .run();
}

export function askedQuestion(store: Store, courseId: string, lessonId: string): string | null {
  const value = mainSetting(store, questionKey(courseId, lessonId));
  return typeof value === 'string' ? value : null;
}

/** A row of the settings table that only main reads (SettingsService skips unknown keys). */
export function mainSetting(store: Store, key: string): unknown {
  return store.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}
