import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { hintReveals } from '../store/schema';
import { tutorSourcesFrom } from './tutor-sources';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-tutor-sources-'));
  store = openStore(path.join(dir, 'drona.db'));
});
afterEach(() => store.close());

function fakeServices(root: string) {
  const calls = { getExercise: 0 };
  const services = {
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
  return { services, calls };
}

describe('tutor sources', () => {
  it('reads the learner files from disk without hidden or temporary files', async () => {
    const root = path.join(dir, 'ws');
    fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(root, 'main.py'), 'print(1)');
    fs.writeFileSync(path.join(root, 'secret_helper.py'), 'hidden');
    fs.writeFileSync(path.join(root, '.main.py.drona-tmp-abcd'), 'partial');
    fs.writeFileSync(path.join(root, 'node_modules', 'x.js'), 'dep');
    const { services } = fakeServices(root);
    const sources = tutorSourcesFrom(() => services, store);
    expect(await sources.learnerFiles('c', 'l')).toEqual([{ path: 'main.py', content: 'print(1)' }]);
  });

  it('maps hint reveals to hint text and caches exercise content', async () => {
    let now = 0;
    const { services, calls } = fakeServices(path.join(dir, 'none'));
    const sources = tutorSourcesFrom(() => services, store, () => now);
    store.db.insert(hintReveals).values([
      { courseId: 'c', lessonId: 'l', hintIndex: 0, revealedAt: 1 },
      { courseId: 'c', lessonId: 'l', hintIndex: 1, revealedAt: 2 },
    ]).run();
    expect(await sources.revealedHints('c', 'l')).toEqual(['first', 'second']);
    await sources.exercise('c', 'l');
    expect(calls.getExercise).toBe(1);
    now = 31_000;
    await sources.exercise('c', 'l');
    expect(calls.getExercise).toBe(2);
    expect(await sources.lesson('c', 'l')).toEqual({ title: 'Count votes', type: 'practice', objectives: ['Count'] });
  });

  it('works with none of the other services present', async () => {
    const sources = tutorSourcesFrom(() => ({}), store);
    expect(await sources.lesson('c', 'l')).toBeNull();
    expect(await sources.exercise('c', 'l')).toBeNull();
    expect(await sources.passages('loops', { courseId: 'c', limit: 3 })).toEqual([]);
    expect(await sources.learnerFiles('c', 'l')).toEqual([]);
    expect(await sources.revealNextHint('c', 'l')).toBeNull();
  });
});
