// Course code on a machine without Docker, through the app's calls (contract validation
// included) and the real drivers: by default it runs in WebAssembly, isolated, and nothing runs
// on the host until the learner has turned the process driver on AND confirmed this course; a confirmation covers the course as
// installed, and nothing the renderer sends can stand in for it.
import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckResult, RunResult } from '../../preload/contract/sandbox';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import type { CallContext } from '../ipc/handlers';
import { dispatchCall } from '../ipc/dispatch';
import { courses } from '../store/schema';

// Loading Pyodide in a worker takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

// No Docker engine answers: the machine this is about.
process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
delete process.env.DRONA_SANDBOX_DRIVER;

let app: DronaApp;
let dataDir: string;
let markers: string;
const ctx = (): CallContext => ({ sessionId: 'window-1', events: app.events });

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatchCall(app.handlers, name, input, ctx(), silentLogger);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Course code that, if it ran, leaves a file outside its scratch folder (as it could read the data folder). */
const payload = (marker: string) =>
  `import os\nopen(${JSON.stringify(path.join(markers, marker))}, "w").write(str(os.listdir(${JSON.stringify(dataDir)})))\nprint("ran")\n`;
const ran = (marker: string) => fs.existsSync(path.join(markers, marker));

const tryIt = (marker: string, courseId?: string) =>
  call<RunResult>('sandbox.run', {
    runId: `r-${marker}`,
    language: 'python',
    files: [{ path: 'main.py', content: payload(marker) }],
    entry: 'main.py',
    ...(courseId ? { courseId, lessonId: 'above-average' } : {}),
  });

const check = (marker: string) =>
  call<CheckResult>('sandbox.check', {
    runId: `c-${marker}`,
    courseId: 'python-basics',
    lessonId: 'above-average',
    files: [{ path: 'main.py', content: payload(marker) }],
  });

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-process-gate-'));
  markers = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-process-gate-markers-'));
  app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(markers, { recursive: true, force: true });
});

const services = () => {
  const state = app.state();
  if (!('services' in state)) throw new Error('store problem');
  return state.services;
};

describe('without Docker', () => {
  it('runs in WebAssembly by default: Check, Run and Try it cannot reach the host', async () => {
    const checked = await check('check-default');
    expect(checked).toMatchObject({ status: 'error', driver: 'wasm' });
    const run = await tryIt('run-default', 'python-basics');
    expect(run).toMatchObject({ outcome: 'failed', driver: 'wasm', stderr: expect.stringMatching(/FileNotFoundError/) });
    expect(run.needsConsent).toBeUndefined();
    expect((await tryIt('scratch-default')).driver).toBe('wasm');
    expect([ran('check-default'), ran('run-default'), ran('scratch-default')]).toEqual([false, false, false]);
    // Runs in WebAssembly are recorded like any other; the sandbox is isolated.
    expect(await call('sandbox.status', {})).toMatchObject({ driver: 'wasm', isolated: true, detail: expect.stringMatching(/^WebAssembly/) });
  });

  it('with the process driver allowed, a course asks once: nothing runs until it is confirmed', async () => {
    await call('settings.update', { sandbox: { allowProcess: true } });
    expect(await call('sandbox.status', {})).toMatchObject({
      driver: 'process',
      isolated: false,
      detail: expect.stringMatching(/^Not isolated.*Each course asks once/),
    });

    const checked = await check('check-unconfirmed');
    expect(checked).toMatchObject({
      status: 'error',
      driver: 'none',
      run: { needsConsent: { courseId: 'python-basics', courseTitle: 'Python Basics', version: '1.0.0' } },
    });
    expect(checked.message).toMatch(/^Nothing ran: Python Basics has not been confirmed to run directly on this computer/);
    expect((await tryIt('run-unconfirmed', 'python-basics')).needsConsent).toMatchObject({ courseId: 'python-basics' });
    expect([ran('check-unconfirmed'), ran('run-unconfirmed')]).toEqual([false, false]);
    // Code from no course is the learner's own: the switch is enough.
    expect(await tryIt('scratch-allowed')).toMatchObject({ outcome: 'finished', driver: 'process', stdout: 'ran\n' });
    expect(ran('scratch-allowed')).toBe(true);
  });

  it('the renderer cannot claim a confirmation: unknown settings keys are dropped, and a course must be installed', async () => {
    await call('settings.update', {
      sandbox: { allowProcess: true },
      'sandbox.processConsent': { 'python-basics': { version: '1.0.0', digest: '', grantedAt: 1 } },
    });
    expect((await tryIt('run-claimed', 'python-basics')).needsConsent).toBeDefined();
    expect(ran('run-claimed')).toBe(false);
    await expect(call('sandbox.allowCourse', { courseId: 'no-such-course' })).rejects.toThrow(/not_found: There is no installed course "no-such-course"/);
    expect((await tryIt('run-unknown', 'no-such-course')).outcome).toBe('sandbox-error');
    expect(ran('run-unknown')).toBe(false);
  });

  it('once confirmed, the course’s code runs unisolated and says so; the confirmation is listed and can be taken back', async () => {
    const consent = await call<{ courseId: string; version: string }>('sandbox.allowCourse', { courseId: 'python-basics' });
    expect(consent).toMatchObject({ courseId: 'python-basics', courseTitle: 'Python Basics', version: '1.0.0' });
    const run = await tryIt('run-confirmed', 'python-basics');
    expect(run).toMatchObject({ outcome: 'finished', driver: 'process', stdout: 'ran\n', message: expect.stringMatching(/\(Not isolated\.\)$/) });
    expect(ran('run-confirmed')).toBe(true);
    const exercise = services().courses.getExercise('python-basics', 'above-average')!;
    const solved = await call<CheckResult>('sandbox.check', {
      runId: 'c-solution',
      courseId: 'python-basics',
      lessonId: 'above-average',
      files: exercise.solution,
    });
    expect(solved).toMatchObject({ status: 'pass', driver: 'process' });
    expect(await call('sandbox.allowedCourses', {})).toEqual([expect.objectContaining({ courseId: 'python-basics' })]);
    expect(await call('sandbox.disallowCourse', { courseId: 'python-basics' })).toEqual([]);
    expect((await tryIt('run-revoked', 'python-basics')).needsConsent).toBeDefined();
    expect(ran('run-revoked')).toBe(false);
  });

  it('asks again when the installed course changes (an upgrade, or other files under the same version)', async () => {
    await call('sandbox.allowCourse', { courseId: 'python-basics' });
    expect((await tryIt('run-before-upgrade', 'python-basics')).outcome).toBe('finished');
    services().store.db.update(courses).set({ version: '1.0.1' }).where(eq(courses.id, 'python-basics')).run();
    expect((await tryIt('run-upgraded', 'python-basics')).needsConsent).toMatchObject({ version: '1.0.1' });
    await call('sandbox.allowCourse', { courseId: 'python-basics' });
    services().store.db.update(courses).set({ manifestDigest: 'other-files' }).where(eq(courses.id, 'python-basics')).run();
    expect((await tryIt('run-new-digest', 'python-basics')).needsConsent).toBeDefined();
    expect([ran('run-upgraded'), ran('run-new-digest')]).toEqual([false, false]);
  });

  it('turning the switch off stops even confirmed courses', async () => {
    await call('sandbox.allowCourse', { courseId: 'python-basics' });
    await call('settings.update', { sandbox: { allowProcess: false } });
    expect(await tryIt('run-switched-off', 'python-basics')).toMatchObject({ outcome: 'failed', driver: 'wasm' });
    expect(ran('run-switched-off')).toBe(false);
  });
});
