// What the model hears of the learner, as the Ollama test server receives it on the wire: the
// goal and the role's tone in the system prompt, the lesson's weak concepts and recent struggle
// with the request. The learner model is the real one (main/path) over a real store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MasteryStore } from '../learner/mastery-store';
import { learningMetrics } from '../learner/metrics-service';
import { PathService } from '../path/path-service';
import { FIXTURE_COURSE, writeFixtureCourse } from '../path/testing/fixture-course';
import { openStore, type Store } from '../store/open-store';
import { startOllamaTestServer, type OllamaTestServer } from './testing/ollama-test-server';
import { createTutorService } from './tutor-service';
import { tutorOptions } from './testing/tutor-options';

let dir: string;
let store: Store;
let ollama: OllamaTestServer;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-tutor-learner-'));
  store = openStore(path.join(dir, 'drona.db'));
  writeFixtureCourse(store);
  ollama = await startOllamaTestServer();
});
afterEach(async () => {
  store.close();
  await ollama.close();
});

/** The tutor on the Ollama test server, told of the learner by the real path service. */
function tutorOver(paths: PathService, mentor?: (courseId: string) => string[]) {
  const tutor = createTutorService(
    tutorOptions(store, dir, { learner: (courseId, lessonId) => paths.tutorContext(courseId, lessonId), ...(mentor ? { mentor } : {}) }),
  );
  tutor.config.configure({ provider: 'ollama', ollamaHost: ollama.url, ollamaModel: 'llama3.2:1b' });
  return tutor;
}

/** The learner's path at `now`, with the goal "Automate my reports" and nothing due. */
const pathsAt = (now: number) =>
  new PathService(store, { now: () => now, timezone: () => 'UTC', goal: () => 'Automate my reports', lastCourseId: () => null, dueReviews: () => 0 });

it("sends the learner's goal, tone, weak concepts and recent struggle to the provider", async () => {
  const now = Date.now();
  const paths = pathsAt(now);
  paths.updatePreferences({ role: 'student', weeklyMinutes: 90 });
  new MasteryStore(store).apply(
    ['m1', 'm2'].map((key) => ({
      key,
      courseId: FIXTURE_COURSE,
      conceptId: 'variables',
      kind: 'quiz-answer' as const,
      correct: false,
      occurredAt: now - 1000,
    })),
  );
  const tutor = tutorOver(paths);

  const result = await tutor.asking.ask({ courseId: FIXTURE_COURSE, lessonId: 'greet', requestId: 'r1', action: 'hint', text: '' }, 'window-1');
  expect(result.status).toBe('answered');
  const [system, ...rest] = ollama.chatRequests[0]!.messages as { role: string; content: string }[];
  expect(system!.role).toBe('system');
  expect(system!.content).toContain("Learner's goal: Automate my reports (about 1.5 hours a week)");
  expect(system!.content).toContain('Tone: Encouraging and patient');
  const request = rest.at(-1)!.content;
  expect(request).toContain('## The learner now');
  expect(request).toContain('Weak concepts for this lesson: Variables');
  expect(request).toContain('Recent struggle: Variables: missed 2 times this week');
});

it('tells the Mentor, and only the Mentor, the path and the six metrics', async () => {
  const now = Date.UTC(2026, 11, 2, 12);
  const paths = pathsAt(now);
  paths.updatePreferences({ weeklyMinutes: 90 });
  store.sqlite.prepare("INSERT INTO lesson_progress (course_id, lesson_id, status, completed_at) VALUES (?, 'intro', 'completed', ?)").run(FIXTURE_COURSE, now);
  store.sqlite.prepare("INSERT INTO active_time (course_id, lesson_id, local_date, seconds) VALUES (?, 'intro', '2026-12-01', 1500)").run(FIXTURE_COURSE);
  const tutor = tutorOver(paths, (courseId) => paths.mentorContext(courseId, learningMetrics(store, now, 'UTC')));
  const ask = async (requestId: string, action: 'ask' | 'hint', text: string) => {
    await tutor.asking.ask({ courseId: FIXTURE_COURSE, lessonId: 'greet', requestId, action, text }, 'window-1');
    return (ollama.chatRequests.at(-1)!.messages as { content: string }[]).at(-1)!.content;
  };

  const planning = await ask('r1', 'ask', 'Can you help me plan my week?');
  expect(planning).toContain("## The learner's path and metrics");
  expect(planning).toContain('- Weekly target: 90 minutes; 25 done this week');
  expect(planning).toContain('- Path: 1 of 6 lessons of Path fixture done');
  expect(planning).toContain('- Next up: "Greeting" (A short lesson keeps you on track for your goal)');
  for (const metric of ['Learning velocity', 'Knowledge retention', 'Engagement', 'Struggle', 'Predicted completion', 'Skill decay risk'])
    expect(planning).toContain(`- ${metric}`);
  expect(await ask('r2', 'hint', '')).not.toContain("## The learner's path and metrics");
});
