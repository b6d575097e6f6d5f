// Next up, the due count and the six metrics are read once per state of the store
// (main/store/unchanged-reads.ts). Property: after any sequence of learning writes (on this
// connection or another), at any day, what they answer equals a full recomputation, which reads
// inside a transaction where nothing kept is used.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { learningMetrics } from '../learner/metrics-service';
import { MasteryStore } from '../learner/mastery-store';
import { PracticeService } from '../practice/practice-service';
import { openStore } from '../store/open-store';
import { PathService } from './path-service';
import { FIXTURE_COURSE, fixtureConcepts, fixtureLessons, writeFixtureCourse } from './testing/fixture-course';

const DAY = 86_400_000;
const START = Date.UTC(2026, 11, 2, 12);
const lessonIds = fixtureLessons.map((lesson) => lesson.lessonId);
const conceptIds = fixtureConcepts.map((concept) => concept.id);

const step = fc.oneof(
  fc.record({ op: fc.constant('complete' as const), lesson: fc.constantFrom(...lessonIds), other: fc.boolean() }),
  fc.record({ op: fc.constant('answer' as const), concept: fc.constantFrom(...conceptIds), correct: fc.boolean() }),
  fc.record({ op: fc.constant('active' as const), lesson: fc.constantFrom(...lessonIds), seconds: fc.integer({ min: 1, max: 3600 }) }),
  fc.record({ op: fc.constant('hint' as const), lesson: fc.constantFrom(...lessonIds), index: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('card' as const), concept: fc.constantFrom(...conceptIds), inDays: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('review' as const), correct: fc.boolean() }),
  fc.record({ op: fc.constant('preference' as const), weeklyMinutes: fc.integer({ min: 30, max: 600 }) }),
  fc.record({ op: fc.constant('day' as const) }),
);

it('answers as a full recomputation after any writes, on this connection or another', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-kept-')), 'drona.db');
      const store = openStore(file);
      const other = openStore(file);
      try {
        writeFixtureCourse(store);
        let now = START;
        const mastery = new MasteryStore(store);
        const practice = new PracticeService(store, { now: () => now, timezone: () => 'UTC' });
        const paths = new PathService(store, {
          now: () => now,
          timezone: () => 'UTC',
          goal: () => 'Automate my reports',
          lastCourseId: () => FIXTURE_COURSE,
          dueReviews: () => practice.dueCount(),
        });
        const answers = () => ({ nextUp: paths.nextUp(), due: practice.dueCount(), metrics: learningMetrics(store, now, 'UTC') });
        for (const [i, s] of steps.entries()) {
          if (s.op === 'complete')
            (s.other ? other : store).sqlite
              .prepare(
                "INSERT INTO lesson_progress (course_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?) ON CONFLICT DO UPDATE SET status = 'completed'",
              )
              .run(FIXTURE_COURSE, s.lesson, now);
          if (s.op === 'answer')
            mastery.apply([{ key: `a${i}`, courseId: FIXTURE_COURSE, conceptId: s.concept, kind: 'quiz-answer', correct: s.correct, occurredAt: now }]);
          if (s.op === 'active')
            store.sqlite
              .prepare(
                'INSERT INTO active_time (course_id, lesson_id, local_date, seconds) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET seconds = seconds + 1',
              )
              .run(FIXTURE_COURSE, s.lesson, new Date(now).toISOString().slice(0, 10), s.seconds);
          if (s.op === 'hint')
            other.sqlite
              .prepare('INSERT OR IGNORE INTO hint_reveals (course_id, lesson_id, hint_index, revealed_at) VALUES (?, ?, ?, ?)')
              .run(FIXTURE_COURSE, s.lesson, s.index, now);
          if (s.op === 'card')
            practice.add([
              {
                key: `card:${i}`,
                source: 'course-check',
                courseId: FIXTURE_COURSE,
                conceptId: s.concept,
                item: {
                  prompt: 'Which?',
                  options: [
                    { text: 'a', correct: true },
                    { text: 'b', correct: false },
                  ],
                },
                dueAt: now + s.inDays * DAY,
              },
            ]);
          if (s.op === 'review')
            store.sqlite
              .prepare("INSERT INTO review_log (card_id, correct, rating, response_ms, reviewed_at) VALUES (1, ?, 'good', 4000, ?)")
              .run(s.correct ? 1 : 0, now);
          if (s.op === 'preference') paths.updatePreferences({ weeklyMinutes: s.weeklyMinutes });
          if (s.op === 'day') now += DAY;
          const kept = [answers(), answers()];
          const full = store.sqlite.transaction(answers)();
          expect(kept[0]).toEqual(full);
          expect(kept[1]).toEqual(full);
        }
      } finally {
        other.close();
        store.close();
      }
    }),
    { numRuns: 40 },
  );
});
