// What the model hears of the learner, as the Ollama test server receives it on the wire: the
// goal and the role's tone in the system prompt, the lesson's weak concepts and recent struggle
// with the request. The learner model is the real one (main/path) over a real store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../app/logger';
import { EventBus } from '../ipc/event-bus';
import { MasteryStore } from '../learner/mastery-store';
import { PathService } from '../path/path-service';
import { FIXTURE_COURSE, writeFixtureCourse } from '../path/testing/fixture-course';
import { RunHistory } from '../sandbox/run-history';
import { encryptedFileSecretStore } from '../secrets/secret-store';
import { SettingsService } from '../settings/settings-service';
import { openStore, type Store } from '../store/open-store';
import { fixtureSources } from './testing/fixture-lesson';
import { startOllamaTestServer, type OllamaTestServer } from './testing/ollama-test-server';
import { createTutorService } from './tutor-service';

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

it("sends the learner's goal, tone, weak concepts and recent struggle to the provider", async () => {
  const now = Date.now();
  const paths = new PathService(store, {
    now: () => now,
    timezone: () => 'UTC',
    goal: () => 'Automate my reports',
    lastCourseId: () => null,
    dueReviews: () => 0,
  });
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
  const tutor = createTutorService({
    store,
    events: new EventBus(),
    settings: new SettingsService(store),
    secrets: encryptedFileSecretStore(dir),
    sources: fixtureSources(),
    logger: silentLogger,
    runs: new RunHistory(store),
    review: () => undefined,
    learner: (courseId, lessonId) => paths.tutorContext(courseId, lessonId),
  });
  tutor.config.configure({ provider: 'ollama', ollamaHost: ollama.url, ollamaModel: 'llama3.2:1b' });

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
