// Seeding for bench:progress: a ledger of N rows (100 qualifying events a day, each with its XP
// row) and, for the learner model, a course with concepts, mastery, evidence and reviews.
import type { Store } from '../../main/store/open-store';
import { localDate } from '../../common/rules/streaks';

export const SEED_START = Date.UTC(2023, 0, 1, 9);
const KINDS = ['lesson-completed', 'quiz-passed', 'challenge-completed', 'check-passed'];
const DAY_MS = 86_400_000;

/** The instant of the last seeded event's day (events are 100 a day from SEED_START). */
export const lastSeedDay = (rows: number) => SEED_START + Math.floor((rows - 1) / 100) * DAY_MS;

export function seedLedger(store: Store, rows: number): void {
  store.sqlite
    .prepare(
      "INSERT INTO profile (id, name, goal, experience_level, gamification_mode, timezone, created_at, first_run_completed_at) VALUES (1, 'Bench', '', 'some', 'full', 'UTC', 0, 0)",
    )
    .run();
  const insertEvent = store.sqlite.prepare(
    'INSERT INTO activity_events (idempotency_key, kind, course_id, lesson_id, occurred_at, timezone, local_date, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertXp = store.sqlite.prepare(
    'INSERT INTO xp_ledger (idempotency_key, activity, base_xp, bonus_percent, amount, course_id, lesson_id, occurred_at, timezone, local_date) VALUES (?, ?, 50, 0, 50, ?, ?, ?, ?, ?)',
  );
  store.sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const occurredAt = SEED_START + Math.floor(i / 100) * DAY_MS + (i % 100) * 60_000;
      const kind = KINDS[i % KINDS.length]!;
      const key = `seed:${i}`;
      const date = localDate(occurredAt, 'UTC');
      const courseId = i % 5 === 0 ? 'bench-course' : `course-${i % 5}`;
      insertEvent.run(
        key,
        kind,
        courseId,
        `lesson-${i}`,
        occurredAt,
        'UTC',
        date,
        JSON.stringify({ kind, idempotencyKey: key, occurredAt, timezone: 'UTC', firstAttempt: i % 3 === 0, hintsUsed: 1, score: 85 }),
      );
      insertXp.run(key, kind, courseId, `lesson-${i}`, occurredAt, 'UTC', date);
    }
  })();
}

/**
 * The learner model's side of a long history: one installed course (20 modules × 10 lessons,
 * 200 concepts in a chain of prerequisites), mastery for every concept, 100k evidence rows,
 * 20k reviews, 50k attempts, active time for the seeded days.
 */
export function seedLearner(store: Store, now: number): void {
  const db = store.sqlite;
  db.exec(`
    INSERT INTO domains (id, title) VALUES ('programming', 'Programming');
    INSERT INTO tracks (id, domain_id, title) VALUES ('python', 'programming', 'Python');
    INSERT INTO courses (id, track_id, title, version, difficulty, languages, prerequisites, authors, install_path, installed_at, updated_at)
      VALUES ('bench-course', 'python', 'Bench Course', '1.0.0', 'beginner', '[]', '[]', '[]', '/x', 0, 0);`);
  const module = db.prepare('INSERT INTO modules (course_id, module_id, title, position) VALUES (?, ?, ?, ?)');
  const lesson = db.prepare(
    "INSERT INTO lessons (course_id, lesson_id, module_id, title, type, xp, par_time_seconds, position, path, concepts) VALUES ('bench-course', ?, ?, ?, 'guided', 10, 600, ?, 'x.md', ?)",
  );
  const concept = db.prepare("INSERT INTO concepts (course_id, concept_id, title, prerequisites, lesson_id, position) VALUES ('bench-course', ?, ?, ?, ?, ?)");
  const progress = db.prepare("INSERT INTO lesson_progress (course_id, lesson_id, status, active_seconds) VALUES ('bench-course', ?, 'completed', 900)");
  const mastery = db.prepare(
    "INSERT INTO concept_mastery (course_id, concept_id, probability, evidence_count, success_count, last_evidence_at, last_success_at) VALUES ('bench-course', ?, ?, 500, ?, ?, ?)",
  );
  const evidence = db.prepare(
    "INSERT INTO mastery_evidence (key, course_id, concept_id, kind, correct, probability_before, probability_after, occurred_at) VALUES (?, 'bench-course', ?, 'quiz-answer', ?, 0.5, ?, ?)",
  );
  const review = db.prepare("INSERT INTO review_log (card_id, correct, rating, response_ms, reviewed_at) VALUES (?, ?, 'good', 4000, ?)");
  const attempt = db.prepare("INSERT INTO attempts (course_id, lesson_id, kind, passed, created_at) VALUES ('bench-course', ?, 'check', ?, ?)");
  const active = db.prepare("INSERT INTO active_time (course_id, lesson_id, local_date, seconds) VALUES ('bench-course', ?, ?, 1200)");
  db.transaction(() => {
    for (let m = 0; m < 20; m++) module.run('bench-course', `m${m}`, `Module ${m}`, m);
    for (let i = 0; i < 200; i++) {
      const id = `c${i}`;
      lesson.run(`l${i}`, `m${Math.floor(i / 10)}`, `Lesson ${i}`, i, JSON.stringify([id]));
      concept.run(id, `Concept ${i}`, JSON.stringify(i === 0 ? [] : [`c${i - 1}`]), `l${i}`, i);
      if (i < 150) progress.run(`l${i}`);
      mastery.run(id, (i % 10) / 10, 250 + i, now - (i % 60) * 86_400_000, now - (i % 60) * 86_400_000);
    }
    for (let i = 0; i < 100_000; i++) evidence.run(`ev${i}`, `c${i % 200}`, i % 3 ? 1 : 0, 0.6, now - (100_000 - i) * 60_000);
    for (let i = 0; i < 20_000; i++) review.run(i % 500, i % 4 ? 1 : 0, now - (20_000 - i) * 300_000);
    for (let i = 0; i < 50_000; i++) attempt.run(`l${i % 200}`, i % 2, now - (50_000 - i) * 120_000);
    for (let d = 0; d < 60; d++) active.run(`l${d % 200}`, localDate(now - d * 86_400_000, 'UTC'));
  })();
}
