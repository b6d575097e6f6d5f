// A passing Check reaches lesson progress inside main, through the app's calls (contract
// validation included) and the real process driver, so it runs without Docker. The old attack,
// a window telling main "my Check passed, first try, in ten seconds", is refused: the call no
// longer exists, a claim riding on sandbox.check is dropped, and a failing Check completes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../preload/contract/sandbox';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall, type CallResult } from '../ipc/dispatch';
import type { CallContext } from '../ipc/handlers';
import { activityEvents } from '../store/schema';

vi.setConfig({ testTimeout: 60_000 });

// No Docker engine answers: the learner has allowed the process driver for this course instead.
process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
delete process.env.DRONA_SANDBOX_DRIVER;

const COURSE = 'python-basics';
const LESSON = 'above-average';
const ref = { courseId: COURSE, lessonId: LESSON };

let app: DronaApp;
let dataDir: string;
const ctx = (): CallContext => ({ sessionId: 'window-1', events: app.events });
const raw = (name: string, input: unknown): Promise<CallResult> => dispatchCall(app.handlers, name, input, ctx(), silentLogger);

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await raw(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const services = () => {
  const state = app.state();
  if (!('services' in state)) throw new Error('store problem');
  return state.services;
};

const status = async () => (await call<{ status: string }>('lesson.standing', ref)).status;
const totalXp = async () => (await call<{ totalXp: number }>('progress.snapshot', {})).totalXp;
const eventsOf = (kind: string) =>
  services()
    .store.db.select()
    .from(activityEvents)
    .all()
    .filter((row) => row.kind === kind);
const exercise = () => services().courses.getExercise(COURSE, LESSON)!;
const starter = () =>
  exercise()
    .files.filter((file) => file.role === 'editable')
    .map(({ path: p, content }) => ({ path: p, content }));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-check-progress-'));
  app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false });
  await call('settings.update', { sandbox: { allowProcess: true } });
  await call('sandbox.allowCourse', { courseId: COURSE });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a Check and lesson progress', () => {
  it('refuses the old claim of a pass: lesson.checkPassed is an unknown call and completes nothing', async () => {
    await call('lesson.open', ref);
    const claimed = await raw('lesson.checkPassed', { ...ref, firstAttempt: true, elapsedSeconds: 10 });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await status()).not.toBe('completed');
    expect(await totalXp()).toBe(0);
  });

  it('a failing Check completes nothing, whatever the window adds to the call', async () => {
    const result = await call<CheckResult>('sandbox.check', { runId: 'c-fail', ...ref, files: starter(), status: 'pass', passed: true, firstAttempt: true });
    expect(result.status).not.toBe('pass');
    expect(result.driver).toBe('process');
    expect(await status()).not.toBe('completed');
    expect(eventsOf('check-passed')).toEqual([]);
    expect(eventsOf('lesson-completed')).toEqual([]);
    expect(await totalXp()).toBe(0);
  });

  it('a passing Check completes the lesson in main, which knows it was not the first attempt and how long it took', async () => {
    const result = await call<CheckResult>('sandbox.check', { runId: 'c-pass', ...ref, files: exercise().solution });
    expect(result.status).toBe('pass');
    expect(await status()).toBe('completed');
    const [completed] = eventsOf('lesson-completed');
    expect(completed?.detail).toMatchObject({ lessonType: 'practice', firstAttempt: false, hintsUsed: 0, elapsedSeconds: expect.any(Number) });
    expect(eventsOf('check-passed')).toHaveLength(1);
    // 50 XP for the lesson, no first-attempt bonus; the check-passed before it started today's streak (+10 %).
    expect(await totalXp()).toBe(55);
  });

  it('checking the solved lesson again counts the Check but awards the lesson once', async () => {
    await call<CheckResult>('sandbox.check', { runId: 'c-again', ...ref, files: exercise().solution });
    expect(eventsOf('check-passed')).toHaveLength(2);
    expect(eventsOf('lesson-completed')).toHaveLength(1);
    expect(await totalXp()).toBe(55);
  });
});
