// Learning history for a test, written into a data folder that no server has open, through the
// app's own composition root and progress service. Windows cannot record learning events (main
// records them when a lesson, quiz or Check really succeeds), so a past streak or a course done
// offline is seeded here, before `drona serve` starts on the folder.
import { createApp } from '../../../main/app/create-app';
import { silentLogger } from '../../../main/app/logger';
import type { LearningEvent } from '../../../preload/contract/progress';
import type { SettingsService } from '../../../main/settings/settings-service';

type SettingsPatch = Parameters<SettingsService['update']>[0];

export async function seedProgress(dataDir: string, events: readonly LearningEvent[], settings?: SettingsPatch): Promise<void> {
  const app = createApp({ dataDir, mode: 'serve', version: 'e2e-seed', logger: silentLogger, backgroundWork: false });
  try {
    const state = app.state();
    if (!('services' in state)) throw new Error(`the store in ${dataDir} did not open: ${state.problem.detail}`);
    if (settings) state.services.settings.update(settings);
    for (const event of events) await state.services.progress.record(event);
  } finally {
    await app.close();
  }
}

/** A lesson-completed event of Python Basics, as main records it. */
export const lessonCompleted = (lessonId: string, occurredAt: number, facts: Partial<LearningEvent> = {}): LearningEvent => ({
  kind: 'lesson-completed',
  idempotencyKey: `lesson-completed:python-basics:${lessonId}`,
  courseId: 'python-basics',
  lessonId,
  occurredAt,
  timezone: 'UTC',
  ...facts,
});

/** A quiz-passed event of Python Basics with its score, as main records a passed quiz (45 s on it). */
export const quizPassed = (lessonId: string, occurredAt: number, score: number): LearningEvent => ({
  kind: 'quiz-passed',
  idempotencyKey: `quiz-passed:python-basics:${lessonId}`,
  courseId: 'python-basics',
  lessonId,
  occurredAt,
  timezone: 'UTC',
  score,
  firstAttempt: true,
  elapsedSeconds: 45,
});
