import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noLearningMetricsYet } from '../../preload/contract/testing/learning-metrics';
import { openStore, type Store } from '../store/open-store';
import { ProgressService } from '../progress/progress-service';
import { weeklyDigest } from '../progress/weekly-digest';
import { WeeklyDigestService } from '../progress/weekly-digest-service';
import { learningMetrics } from './metrics-service';

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});
const DAY = 86_400_000;
// Thursday 10 December 2026, noon UTC.
const NOW = Date.UTC(2026, 11, 10, 12);

function seeded(): Store {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-metrics-')), 'drona.db'));
  stores.push(store);
  store.sqlite.exec(`
    INSERT INTO domains (id, title) VALUES ('programming', 'Programming');
    INSERT INTO tracks (id, domain_id, title) VALUES ('python', 'programming', 'Python');
    INSERT INTO courses (id, track_id, title, version, difficulty, languages, prerequisites, authors, install_path, installed_at, updated_at)
      VALUES ('c', 'python', 'Course C', '1.0.0', 'beginner', '[]', '[]', '[]', '/x', 0, 0);
    INSERT INTO modules (course_id, module_id, title, position) VALUES ('c', 'm1', 'Module 1', 0);
    INSERT INTO lessons (course_id, lesson_id, module_id, title, type, xp, par_time_seconds, position, path, concepts) VALUES
      ('c', 'l1', 'm1', 'Variables', 'concept', 10, 600, 0, 'l1.md', '["variables"]'),
      ('c', 'l2', 'm1', 'Loops', 'guided', 10, 600, 1, 'l2.md', '["for-loops"]'),
      ('c', 'l3', 'm1', 'More', 'guided', 10, 600, 2, 'l3.md', '["for-loops"]'),
      ('c', 'l4', 'm1', 'Last', 'guided', 10, 600, 3, 'l4.md', '[]');
    INSERT INTO concepts (course_id, concept_id, title, prerequisites, lesson_id, position) VALUES
      ('c', 'variables', 'Variables', '[]', 'l1', 0), ('c', 'for-loops', 'For loops', '["variables"]', 'l2', 1);
  `);
  return store;
}

async function learn(store: Store) {
  const progress = new ProgressService(store, { now: () => NOW });
  for (const [i, lesson] of ['l1', 'l2'].entries()) {
    await progress.record({
      kind: 'lesson-completed',
      idempotencyKey: `lesson-completed:c:${lesson}`,
      courseId: 'c',
      lessonId: lesson,
      occurredAt: NOW - (2 - i) * DAY,
      timezone: 'UTC',
      elapsedSeconds: 900,
    });
  }
  store.sqlite.exec(`
    INSERT INTO active_time (course_id, lesson_id, local_date, seconds) VALUES ('c', 'l1', '2026-12-08', 900), ('c', 'l2', '2026-12-09', 2400);
    UPDATE lesson_progress SET active_seconds = 2400 WHERE lesson_id = 'l2';
    INSERT INTO attempts (course_id, lesson_id, kind, passed, created_at) VALUES
      ('c', 'l2', 'check', 0, ${NOW - DAY - 600_000}), ('c', 'l2', 'check', 0, ${NOW - DAY - 300_000}), ('c', 'l2', 'check', 1, ${NOW - DAY});
    INSERT INTO hint_reveals (course_id, lesson_id, hint_index, revealed_at) VALUES ('c', 'l2', 0, ${NOW - DAY - 400_000});
    INSERT INTO review_log (card_id, correct, rating, response_ms, reviewed_at) VALUES (1, 1, 'good', 4000, ${NOW - 3600_000}), (2, 0, 'again', 9000, ${NOW - 3000_000});
    INSERT INTO concept_mastery (course_id, concept_id, probability, evidence_count, success_count, last_evidence_at, last_success_at) VALUES
      ('c', 'variables', 0.9, 4, 4, ${NOW - 2 * DAY}, ${NOW - 2 * DAY}), ('c', 'for-loops', 0.35, 5, 2, ${NOW - 20 * DAY}, ${NOW - 20 * DAY});
    INSERT INTO mastery_evidence (key, course_id, concept_id, kind, correct, probability_before, probability_after, occurred_at) VALUES
      ('e1', 'c', 'variables', 'quiz-answer', 1, 0.6, 0.9, ${NOW - 2 * DAY});
  `);
  return progress;
}

describe('learning metrics from the store', () => {
  it('say "not enough yet" (null, empty) for a new learner', () => {
    const metrics = learningMetrics(seeded(), NOW, 'UTC');
    expect(metrics).toEqual(noLearningMetricsYet);
  });

  it('compute all six from lessons, reviews, attempts, hints and mastery', async () => {
    const store = seeded();
    await learn(store);
    const metrics = learningMetrics(store, NOW, 'UTC');
    expect(metrics.learningVelocity).toEqual({ modulesPerHour: 0, modulesCompleted: 0, activeSeconds: 3300 });
    expect(metrics.knowledgeRetention?.reviews).toBe(2);
    expect(metrics.knowledgeRetention?.rate).toBeCloseTo(0.5, 2);
    expect(metrics.engagement).toMatchObject({ sessions: 3, activeSeconds: 3300, interactions: 8 });
    expect(metrics.engagement!.score).toBeGreaterThan(0);
    // For loops: 3 pieces of failed evidence, one hint, 4× its par: the hardest.
    expect(metrics.struggle[0]).toMatchObject({ conceptId: 'for-loops', title: 'For loops', attempts: 4, hints: 1 });
    expect(metrics.struggle[0]!.index).toBeGreaterThan(metrics.struggle[1]!.index);
    expect(metrics.predictedCompletion).toMatchObject({ courseId: 'c', courseTitle: 'Course C', remainingLessons: 2 });
    expect(metrics.predictedCompletion!.earliest).toBeGreaterThan(NOW);
    expect(metrics.predictedCompletion!.latest).toBeGreaterThanOrEqual(metrics.predictedCompletion!.earliest);
    // Variables was practised two days ago and is mastered: too little risk to list.
    expect(metrics.decayRisk.map((c) => c.conceptId)).toEqual(['for-loops']);
  });
});

describe('weekly digest', () => {
  it('sums the week and links to the weeks around it', async () => {
    const store = seeded();
    const progress = await learn(store);
    const digest = weeklyDigest(store, { now: NOW, timezone: 'UTC', hud: progress.snapshot() });
    expect(digest).toMatchObject({
      weekStart: '2026-12-07',
      weekEnd: '2026-12-13',
      activeSeconds: 3300,
      lessons: 2,
      reviews: 2,
      reviewsRecalled: 1,
      conceptsMastered: [{ courseId: 'c', conceptId: 'variables', title: 'Variables' }],
      streak: { current: 2, longest: 2 },
      previousWeekStart: '2026-11-30',
      nextWeekStart: null,
    });
    expect(digest.masteryGained).toBeCloseTo(0.3);
    expect(digest.xp).toBe(digest.days.reduce((sum, day) => sum + day.xp, 0));
    const before = weeklyDigest(store, { now: NOW, timezone: 'UTC', hud: progress.snapshot(), weekStart: '2026-12-01' });
    expect(before).toMatchObject({ weekStart: '2026-11-30', lessons: 0, nextWeekStart: '2026-12-07' });
  });

  it('is announced once the Monday after an active week, and pending until dismissed', async () => {
    const store = seeded();
    await learn(store);
    let now = NOW;
    const announced: string[] = [];
    const service = new WeeklyDigestService(store, {
      now: () => now,
      timezone: () => 'UTC',
      enabled: () => true,
      announce: (n) => announced.push(n.weekStart),
    });
    expect(service.pending()).toBeNull();
    now = Date.UTC(2026, 11, 14, 10);
    expect(service.check()?.weekStart).toBe('2026-12-07');
    expect(service.check()).toBeNull();
    expect(service.pending()?.weekStart).toBe('2026-12-07');
    service.dismiss();
    expect(service.pending()).toBeNull();
    expect(announced).toEqual(['2026-12-07']);
  });
});
