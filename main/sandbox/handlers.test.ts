// sandbox.* through the app's handlers, against the real Docker sandbox and a built-in course:
// Check gets its tests from the course service, output goes to the calling session only,
// Stop works by runId, every run and check lands in the run history with its timings, and a
// passing Check completes the lesson.
import Docker from 'dockerode';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import type { CallContext } from '../ipc/handlers';
import { describeWhen } from '../../common/testing/capabilities';
import { probeDocker } from './docker-driver';
import { filesForCheck } from './run-coordinator';
import { imageExists } from './image-build';
import { runnerImage } from './runner-images';

vi.setConfig({ testTimeout: 90_000 });

const docker = new Docker();
const probe = await probeDocker(docker);
const imagesReady = probe.ok && (await imageExists(docker, runnerImage('python').ref));

it('keeps the exercise’s read-only and hidden files over the learner’s', () => {
  const exercise = {
    language: 'python' as const,
    files: [
      { path: 'main.py', content: 'starter', role: 'editable' as const },
      { path: 'data.py', content: 'DATA = 1', role: 'readOnly' as const },
      { path: 'secret.py', content: 'S = 2', role: 'hidden' as const },
    ],
    tests: [],
  };
  expect(
    filesForCheck(
      [
        { path: 'main.py', content: 'mine' },
        { path: 'data.py', content: 'DATA = 99' },
      ],
      exercise,
    ),
  ).toEqual([
    { path: 'main.py', content: 'mine' },
    { path: 'data.py', content: 'DATA = 1' },
    { path: 'secret.py', content: 'S = 2' },
  ]);
});

describeWhen(imagesReady, probe.ok ? 'the Python runner image (drona sandbox build --offline)' : 'a Docker engine', 'sandbox handlers', () => {
  let app: DronaApp;
  let dataDir: string;
  const events: { name: string; payload: unknown; sessionId: string | null }[] = [];
  const ctx = (): CallContext => ({ sessionId: 'window-1', events: app.events });

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-sandbox-handlers-'));
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger });
    app.events.subscribe((name, payload, sessionId) => events.push({ name, payload, sessionId }));
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const services = () => {
    const state = app.state();
    if (!('services' in state)) throw new Error('store problem');
    return state.services;
  };

  it('runs code, streams its output to the calling session, and records the run', async () => {
    const result = await app.handlers['sandbox.run'](
      {
        runId: 'r1',
        language: 'python',
        files: [{ path: 'main.py', content: 'print("hello")\n' }],
        entry: 'main.py',
        courseId: 'python-basics',
        lessonId: 'above-average',
      },
      ctx(),
    );
    expect(result).toMatchObject({ outcome: 'finished', stdout: 'hello\n', driver: 'docker' });
    expect(events).toContainEqual({ name: 'sandbox.output', payload: { runId: 'r1', stream: 'stdout', text: 'hello\n' }, sessionId: 'window-1' });
    const rows = services().runHistory.recent();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'run',
      language: 'python',
      driver: 'docker',
      outcome: 'finished',
      exitCode: 0,
      courseId: 'python-basics',
      lessonId: 'above-average',
    });
    expect(rows[0]!.durationMs).toBeGreaterThan(0);
  });

  it('checks a lesson with the course’s hidden tests: the solution passes, the starter does not', async () => {
    const exercise = services().courses.getExercise('python-basics', 'above-average');
    expect(exercise).not.toBeNull();
    const solution = await app.handlers['sandbox.check'](
      { runId: 'c1', courseId: 'python-basics', lessonId: 'above-average', files: [...exercise!.solution] },
      ctx(),
    );
    expect(solution.status).toBe('pass');
    expect(solution.tests.length).toBeGreaterThan(0);
    const starter = await app.handlers['sandbox.check'](
      {
        runId: 'c2',
        courseId: 'python-basics',
        lessonId: 'above-average',
        files: exercise!.files.filter((f) => f.role === 'editable').map(({ path, content }) => ({ path, content })),
      },
      ctx(),
    );
    expect(starter.status).not.toBe('pass');
    const checks = services().runHistory.recent({ kind: 'check' }).reverse();
    expect(checks.map((row) => row.outcome)).toEqual(['pass', starter.status]);
    expect(await app.handlers['lesson.standing']({ courseId: 'python-basics', lessonId: 'above-average' }, ctx())).toMatchObject({ status: 'completed' });
  });

  it('refuses to check a lesson without an exercise, saying which', async () => {
    await expect(
      app.handlers['sandbox.check']({ runId: 'c3', courseId: 'python-basics', lessonId: 'no-such-lesson', files: [{ path: 'main.py', content: '' }] }, ctx()),
    ).rejects.toThrow(/no-such-lesson/);
  });

  it('stops a run by its id', async () => {
    const running = app.handlers['sandbox.run'](
      { runId: 'r2', language: 'python', files: [{ path: 'main.py', content: 'import time\ntime.sleep(20)\n' }], entry: 'main.py' },
      ctx(),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await app.handlers['sandbox.stop']({ runId: 'r2' }, ctx())).toEqual({ stopped: true });
    expect((await running).outcome).toBe('stopped');
    expect(await app.handlers['sandbox.stop']({ runId: 'r2' }, ctx())).toEqual({ stopped: false });
  });
});
