import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import type { Services } from '../app/services';
import { runCliCaptured } from '../cli/testing-run-cli';
import { profileDataDir } from './learner-profiles';
import { profileDataDirFor } from './profile-command';

describe('drona profile', () => {
  it('creates two learners whose progress stays apart, lists them, and removes one only after a typed confirmation', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-profile-cli-'));
    expect((await runCliCaptured('profile', 'list', '--data-dir', root)).stdout).toMatch(/No learner profiles/);
    expect(await runCliCaptured('profile', 'create', 'Asha', '--data-dir', root)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Created Asha (asha)'),
    });
    expect((await runCliCaptured('profile', 'create', 'Ravi', '--data-dir', root)).code).toBe(0);
    expect((await runCliCaptured('profile', 'list', '--data-dir', root)).stdout).toBe('asha\tAsha\nravi\tRavi\n');

    // Each profile is its own data folder: its own database, so its own place in a course and its own settings.
    const learners = [
      ['asha', 'Asha', 'light'],
      ['ravi', 'Ravi', 'dark'],
    ] as const;
    const withServices = async (id: string, fn: (services: Services) => void) => {
      const app = createApp({
        dataDir: profileDataDir(root, id),
        mode: 'serve',
        version: '0',
        logger: silentLogger,
        backgroundWork: false,
        builtinCoursesDir: null,
      });
      const state = app.state();
      if (!('services' in state)) throw new Error('no services');
      fn(state.services);
      await app.close();
    };
    for (const [id, name, theme] of learners)
      await withServices(id, (s) => s.settings.update({ theme, lastLesson: { courseId: 'python-basics', lessonId: name } }));
    for (const [id, name, theme] of learners) await withServices(id, (s) => expect(s.settings.get()).toMatchObject({ theme, lastLesson: { lessonId: name } }));

    expect(await runCliCaptured('profile', 'remove', 'ravi', '--confirm', 'Ravi', '--data-dir', root)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The confirmation did not match "ravi". Nothing was removed.'),
    });
    expect(fs.existsSync(path.join(profileDataDir(root, 'ravi'), 'drona.db'))).toBe(true);
    expect((await runCliCaptured('profile', 'remove', 'ravi', '--confirm', 'ravi', '--data-dir', root)).code).toBe(0);
    expect(fs.existsSync(profileDataDir(root, 'ravi'))).toBe(false);
    expect((await runCliCaptured('profile', 'list', '--data-dir', root)).stdout).toBe('asha\tAsha\n');
    // serve --profile: the learner's own folder, or a refusal naming the unknown id.
    expect(await profileDataDirFor(root, 'asha')).toBe(profileDataDir(root, 'asha'));
    await expect(profileDataDirFor(root, 'ravi')).rejects.toThrow('There is no learner profile "ravi"');
  }, 60_000);
});
