import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { hintReveals } from '../store/schema';
import { DronaError } from '../../preload/contract';
import { silentLogger } from '../app/logger';
import { tutorSources, type TutorHintRevealer } from './tutor-sources';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-tutor-sources-'));
  store = openStore(path.join(dir, 'drona.db'));
});
afterEach(() => store.close());

const noHints: TutorHintRevealer = {
  revealHint: async () => {
    throw new DronaError('not_found', 'This lesson has no hints.');
  },
};

function fakeParts(root: string) {
  const calls = { getExercise: 0 };
  const parts = {
    store,
    logger: silentLogger,
    hints: noHints,
    courses: {
      getLesson: () => ({ title: 'Count votes', type: 'practice', objectives: ['Count'] }),
      getExercise: () => {
        calls.getExercise++;
        return {
          files: [
            { path: 'main.py', content: 'starter', role: 'editable' },
            { path: 'secret_helper.py', content: 'hidden', role: 'hidden' },
          ],
          solution: [{ path: 'main.py', content: 'solution' }],
          hints: ['first', 'second', 'third'],
        };
      },
      passages: () => [{ heading: 'Loops', text: 'A loop repeats.' }],
    },
    workspace: { checkedRoot: () => (fs.existsSync(root) ? root : null), open: async () => ({ files: [] }) },
  };
  return { parts, calls };
}

describe('tutor sources', () => {
  it('reads the learner files from disk without hidden or temporary files', async () => {
    const root = path.join(dir, 'ws');
    fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(root, 'main.py'), 'print(1)');
    fs.writeFileSync(path.join(root, 'secret_helper.py'), 'hidden');
    fs.writeFileSync(path.join(root, '.main.py.drona-tmp-abcd'), 'partial');
    fs.writeFileSync(path.join(root, 'node_modules', 'x.js'), 'dep');
    const { parts } = fakeParts(root);
    const sources = tutorSources(parts);
    expect(await sources.learnerFiles('c', 'l')).toEqual([{ path: 'main.py', content: 'print(1)' }]);
  });

  it('maps hint reveals to hint text and caches exercise content', async () => {
    let now = 0;
    const { parts, calls } = fakeParts(path.join(dir, 'none'));
    const sources = tutorSources({ ...parts, now: () => now });
    store.db
      .insert(hintReveals)
      .values([
        { courseId: 'c', lessonId: 'l', hintIndex: 0, revealedAt: 1 },
        { courseId: 'c', lessonId: 'l', hintIndex: 1, revealedAt: 2 },
      ])
      .run();
    expect(await sources.revealedHints('c', 'l')).toEqual(['first', 'second']);
    await sources.exercise('c', 'l');
    expect(calls.getExercise).toBe(1);
    now = 31_000;
    await sources.exercise('c', 'l');
    expect(calls.getExercise).toBe(2);
    expect(await sources.lesson('c', 'l')).toEqual({ title: 'Count votes', type: 'practice', objectives: ['Count'] });
  });

  it('answers no next hint when the lesson has none left, and logs only real failures', async () => {
    const warnings: string[] = [];
    const { parts } = fakeParts(path.join(dir, 'none'));
    const logger = { ...silentLogger, warn: (m: string) => warnings.push(m) };
    expect(await tutorSources({ ...parts, logger }).revealNextHint('c', 'l')).toBeNull();
    expect(warnings).toEqual([]);
    const broken = { revealHint: async () => Promise.reject(new Error('disk full')) };
    expect(await tutorSources({ ...parts, logger, hints: broken }).revealNextHint('c', 'l')).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('disk full')]);
  });
});
