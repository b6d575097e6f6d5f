// Migration 0004: the tutor's questions saved in review_items before Practice existed become
// Practice cards, due when they were due, and can be answered like any other card.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrationsUpTo as migrationsAt } from '../learner/testing/migrations';
import { openStore } from '../store/open-store';
import { PracticeService } from './practice-service';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function migrationsUpTo(lastTag: string): string {
  const dir = migrationsAt(lastTag);
  dirs.push(dir);
  return dir;
}

it('turns review_items into Practice cards that can be answered', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-review-items-'));
  dirs.push(dir);
  const file = path.join(dir, 'drona.db');
  const old = openStore(file, migrationsUpTo('0003_practice_cards'));
  const question = {
    prompt: 'What does `range(3)` yield?',
    options: [
      { text: '0, 1, 2', correct: true, explanation: 'It stops before 3.' },
      { text: '1, 2, 3', correct: false, explanation: '' },
    ],
  };
  old.sqlite
    .prepare('INSERT INTO review_items (course_id, lesson_id, source, item, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('python-basics', 'loops', 'tutor-quiz', JSON.stringify(question), 2_000_000, 1_000_000);
  old.close();

  const store = openStore(file);
  try {
    expect(store.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'review_items'").get()).toBeUndefined();
    const practice = new PracticeService(store, { now: () => 3_000_000, timezone: () => 'UTC' });
    const [card] = practice.due().cards;
    expect(card).toMatchObject({
      source: 'tutor-quiz',
      courseId: 'python-basics',
      lessonId: 'loops',
      prompt: question.prompt,
      options: ['0, 1, 2', '1, 2, 3'],
    });
    expect(practice.answer(card!.id, [0], 4000)).toMatchObject({ correct: true, correctOptions: [0] });
  } finally {
    store.close();
  }
});
