// Python Basics finished offline, as the certificate specs need it: the first run in the page,
// then, with the app closed, every lesson completed (45 s on each, the active time a sync server
// asks of it) and every quiz passed at 80% (windows cannot record learning events), and the app
// started again on the same data.
import type { Page } from '@playwright/test';
import { contractCall } from './contract-call';
import { completeFirstRun } from './learner';
import type { ServeOptions, ServeProcess } from './serve';
import { lessonCompleted, quizPassed, seedProgress } from './seed-progress';

export async function pythonBasicsDoneOffline(
  page: Page,
  serveApp: (options?: ServeOptions) => Promise<ServeProcess>,
  dataDir: string,
  name: string,
): Promise<{ serve: ServeProcess; lessons: { id: string; type: string }[] }> {
  const first = await serveApp({ dataDir });
  await page.goto(first.url);
  await completeFirstRun(page, name);
  const course = await contractCall<{ modules: { lessons: { id: string; type: string }[] }[] }>(page, 'courses.get', { courseId: 'python-basics' });
  const lessons = course.modules.flatMap((m) => m.lessons);
  await page.goto('about:blank');
  await first.stop();
  const start = Date.now() - lessons.length * 60_000;
  await seedProgress(
    dataDir,
    lessons.map((lesson, i) =>
      lesson.type === 'quiz'
        ? quizPassed(lesson.id, start + i * 60_000, 80)
        : lessonCompleted(lesson.id, start + i * 60_000, { lessonType: lesson.type, elapsedSeconds: 45 }),
    ),
  );
  const serve = await serveApp({ dataDir });
  await page.goto(serve.url);
  return { serve, lessons };
}
