// The path against a real SQLite store and a fixture course with a concept graph: preferences
// without a migration, the placement quiz into mastery, tested-out lessons, Next up's reasons
// and what the tutor hears.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MasteryStore } from '../learner/mastery-store';
import { PracticeService } from '../practice/practice-service';
import { openStore, type Store } from '../store/open-store';
import { PATH_SETTINGS_KEY, PathService } from './path-service';
import { quizBank } from './placement-bank';
import { PlacementService } from './placement-service';
import { FIXTURE_COURSE, fixtureLesson, writeFixtureCourse } from './testing/fixture-course';

const NOW = Date.UTC(2026, 11, 2, 12); // a Wednesday
let store: Store;
let mastery: MasteryStore;
let practice: PracticeService;
let paths: PathService;
let placement: PlacementService;

beforeEach(() => {
  store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-path-')), 'drona.db'));
  writeFixtureCourse(store);
  mastery = new MasteryStore(store);
  practice = new PracticeService(store, { now: () => NOW, timezone: () => 'UTC' });
  paths = new PathService(store, {
    now: () => NOW,
    timezone: () => 'UTC',
    goal: () => 'Automate my reports',
    lastCourseId: () => null,
    dueReviews: () => practice.dueCount(),
  });
  placement = new PlacementService({
    mastery,
    concepts: (courseId) => paths.data.concepts(courseId),
    bank: async (courseId) => quizBank({ lessons: (id) => paths.data.lessons(id), lesson: fixtureLesson }, courseId),
    testedOut: (courseId) => paths.course(courseId).testedOut,
    now: () => NOW,
  });
});
afterEach(() => store.close());

const complete = (lessonId: string) =>
  store.sqlite
    .prepare("INSERT INTO lesson_progress (course_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?)")
    .run(FIXTURE_COURSE, lessonId, NOW);
const miss = (key: string, conceptId: string) =>
  mastery.apply([{ key, courseId: FIXTURE_COURSE, conceptId, kind: 'quiz-answer', correct: false, occurredAt: NOW - 60_000 }]);

describe('the learner path', () => {
  it('keeps preferences in the settings table, falling back to defaults field by field', () => {
    expect(paths.preferences()).toEqual({ role: 'self-learner', weeklyMinutes: 120, preference: 'show-first' });
    expect(paths.updatePreferences({ role: 'student', preference: 'try-first' })).toEqual({ role: 'student', weeklyMinutes: 120, preference: 'try-first' });
    store.sqlite.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ role: 'pirate', weeklyMinutes: 30 }), PATH_SETTINGS_KEY);
    expect(paths.preferences()).toEqual({ role: 'self-learner', weeklyMinutes: 120, preference: 'show-first' });
    expect(() => paths.updatePreferences({ weeklyMinutes: -5 })).toThrow();
  });

  it('orders the course by the learning preference', () => {
    expect(paths.course(FIXTURE_COURSE).order).toEqual(['intro', 'greet', 'basics-quiz', 'loops', 'fizzbuzz', 'functions']);
    paths.updatePreferences({ preference: 'try-first' });
    expect(paths.course(FIXTURE_COURSE).order).toEqual(['greet', 'intro', 'basics-quiz', 'fizzbuzz', 'loops', 'functions']);
  });

  it('places adaptively, records placement evidence, and marks the known lessons tested out', async () => {
    let step = await placement.start(FIXTURE_COURSE);
    // Loops splits the graph best; the right answer settles Variables too, then skips ahead to Functions.
    expect(step.question).toMatchObject({ conceptTitle: 'Loops', options: ['Right about Loops', 'Wrong about Loops'], multiple: false });
    expect(JSON.stringify(step)).not.toContain('"correct"');
    let answered = placement.answer(step.placementId, [0], 20_000);
    expect(answered.correct).toBe(true);
    expect(answered.question?.conceptTitle).toBe('Functions');
    answered = placement.answer(step.placementId, [0], 20_000);
    expect(answered.question?.conceptTitle).toBe('f-strings');
    step = placement.answer(step.placementId, [1], 20_000);
    expect(step.question).toBeNull();
    expect(step.asked).toBe(3);
    expect([...step.known].sort()).toEqual(['functions', 'loops', 'variables']);
    expect(step.testedOut).toEqual(['intro', 'loops', 'fizzbuzz', 'functions']);
    const kinds = store.sqlite.prepare('SELECT kind, concept_id AS conceptId, correct FROM mastery_evidence ORDER BY rowid').all();
    expect(kinds).toEqual([
      { kind: 'placement', conceptId: 'loops', correct: 1 },
      { kind: 'placement', conceptId: 'variables', correct: 1 },
      { kind: 'placement', conceptId: 'functions', correct: 1 },
      { kind: 'placement', conceptId: 'f-strings', correct: 0 },
    ]);
    // The path goes past tested-out lessons to what is left.
    expect(paths.nextUp()).toMatchObject({
      kind: 'lesson',
      lessonId: 'greet',
      courseTitle: 'Path fixture',
      reason: 'A short lesson keeps you on track for your goal',
    });
    expect(() => placement.answer(step.placementId, [0], 1)).toThrow(/no longer open/);
  });

  it('keeps what was answered when the learner skips the rest', async () => {
    const step = await placement.start(FIXTURE_COURSE);
    placement.answer(step.placementId, [0], 5_000);
    const finished = placement.finish(step.placementId);
    expect(finished).toMatchObject({ question: null, asked: 1, testedOut: ['intro', 'loops', 'fizzbuzz'] });
  });

  it('recommends due reviews first, then the weakest prerequisite, then the path', () => {
    complete('intro');
    miss('m1', 'variables');
    miss('m2', 'variables');
    expect(paths.nextUp(FIXTURE_COURSE)).toMatchObject({
      kind: 'lesson',
      lessonId: 'intro',
      why: 'weak-prerequisite',
      reason: 'You struggled with Variables: try "Names for values" first',
    });
    practice.add([
      {
        key: 'card',
        source: 'missed-quiz',
        courseId: FIXTURE_COURSE,
        conceptId: 'loops',
        item: {
          prompt: 'Which loop?',
          options: [
            { text: 'for', correct: true },
            { text: 'if', correct: false },
          ],
        },
        dueAt: NOW - 1,
      },
    ]);
    expect(paths.nextUp(FIXTURE_COURSE)).toMatchObject({ kind: 'review', reason: 'Loops is due for review' });
  });

  it('offers the harder variant after quick right answers', () => {
    store.sqlite
      .prepare(
        "INSERT INTO lessons (course_id, lesson_id, module_id, title, type, position, path, concepts) VALUES (?, 'collatz', 'loops', 'Collatz', 'challenge', 10, 'c.md', '[\"loops\"]')",
      )
      .run(FIXTURE_COURSE);
    ['intro', 'greet', 'basics-quiz', 'loops'].forEach(complete);
    expect(paths.nextUp(FIXTURE_COURSE)).toMatchObject({ lessonId: 'fizzbuzz', why: 'path' });
    mastery.apply(
      [1, 2, 3].map((n) => ({
        key: `q${n}`,
        courseId: FIXTURE_COURSE,
        conceptId: 'variables',
        kind: 'quiz-answer' as const,
        correct: true,
        timeRatio: 0.5,
        occurredAt: NOW - n,
      })),
    );
    expect(paths.nextUp(FIXTURE_COURSE)).toMatchObject({
      lessonId: 'collatz',
      why: 'harder-variant',
      reason: 'You are quick at this: try the harder "Collatz"',
    });
  });

  it('is on track when this week has enough active time for the goal', () => {
    store.sqlite.prepare("INSERT INTO active_time (course_id, lesson_id, local_date, seconds) VALUES (?, 'intro', '2026-11-30', 3600)").run(FIXTURE_COURSE);
    expect(paths.nextUp(FIXTURE_COURSE)).toMatchObject({ kind: 'lesson', lessonId: 'intro', why: 'path', reason: 'On track for your goal' });
  });

  it('tells the tutor the goal, the tone of the role, weak concepts of the lesson and recent struggle', () => {
    paths.updatePreferences({ role: 'professional' });
    miss('m1', 'variables');
    miss('m2', 'variables');
    store.sqlite
      .prepare("INSERT INTO lesson_progress (course_id, lesson_id, status, attempt_count, hints_revealed) VALUES (?, 'greet', 'in_progress', 3, 1)")
      .run(FIXTURE_COURSE);
    expect(paths.tutorContext(FIXTURE_COURSE, 'greet')).toEqual({
      goal: 'Automate my reports',
      weeklyMinutes: 120,
      tone: expect.stringContaining('Concise and direct') as unknown as string,
      weakConcepts: ['Variables'],
      struggle: ['Variables: missed 2 times this week', 'This lesson: 3 checks so far, 1 hint revealed'],
    });
  });
});
