// Test support: a real data folder made through the composition root, with learner data in it
// that is hard to export (commas, quotes, line breaks, a token in a setting) and workspace files.
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../app/create-app';
import { silentLogger } from '../app/logger';

export const trickyText = 'first, "quoted"\nsecond line\r\nthird';

/** Makes the folder's store (every migration), a learner, tricky rows and two workspace files. */
export async function seedDataFolder(dataDir: string): Promise<void> {
  const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, builtinCoursesDir: null, backgroundWork: false });
  const state = app.state();
  if (!('services' in state)) throw new Error('store did not open');
  const { profile, store } = state.services;
  profile.completeFirstRun({ name: 'Asha', goal: 'learn', experienceLevel: 'new', gamificationMode: 'full', timezone: 'UTC' });
  store.sqlite.prepare('INSERT INTO journal_entries (course_id, lesson_id, text, created_at) VALUES (?, ?, ?, ?)').run('c', 'l', trickyText, 1);
  store.sqlite
    .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    .run('sync.account', JSON.stringify({ serverUrl: 'http://x', tokens: { access: 'SECRET-ACCESS' } }), 1);
  await app.close();
  const lesson = path.join(dataDir, 'workspaces', 'python-basics', 'hello');
  fs.mkdirSync(path.join(lesson, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(lesson, 'main.py'), 'print("hi")\n');
  fs.writeFileSync(path.join(lesson, 'pkg', 'util.py'), 'X = 1\n');
}
