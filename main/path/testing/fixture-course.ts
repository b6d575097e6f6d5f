// A small course with a concept graph, written straight into a store (until the course format
// carries concepts, the installer cannot): variables → f-strings, variables → loops → functions.
//
//   basics:  intro (concept: variables), greet (practice: variables, f-strings), basics-quiz (quiz)
//   loops:   loops (concept: loops), fizzbuzz (practice: loops), functions (concept: functions)
import type { LessonContent } from '../../../preload/contract/courses';
import type { Store } from '../../store/open-store';

export const FIXTURE_COURSE = 'fixture-path';

export const fixtureConcepts = [
  { id: 'variables', title: 'Variables', prerequisites: [], lessonId: 'intro' },
  { id: 'f-strings', title: 'f-strings', prerequisites: ['variables'], lessonId: 'greet' },
  { id: 'loops', title: 'Loops', prerequisites: ['variables'], lessonId: 'loops' },
  { id: 'functions', title: 'Functions', prerequisites: ['loops'], lessonId: 'functions' },
];

export const fixtureLessons = [
  { lessonId: 'intro', moduleId: 'basics', title: 'Names for values', type: 'concept', concepts: ['variables'] },
  { lessonId: 'greet', moduleId: 'basics', title: 'Greeting', type: 'practice', concepts: ['variables', 'f-strings'] },
  { lessonId: 'basics-quiz', moduleId: 'basics', title: 'Quiz: basics', type: 'quiz', concepts: ['variables', 'f-strings'] },
  { lessonId: 'loops', moduleId: 'loops', title: 'Loops', type: 'concept', concepts: ['loops'] },
  { lessonId: 'fizzbuzz', moduleId: 'loops', title: 'FizzBuzz', type: 'practice', concepts: ['loops'] },
  { lessonId: 'functions', moduleId: 'loops', title: 'Functions', type: 'concept', concepts: ['functions'] },
];

/** One question per concept, its first option right; the basics quiz's questions name their concept. */
export const fixtureQuiz = fixtureConcepts.map((concept) => ({
  id: `about-${concept.id}`,
  kind: 'single' as const,
  prompt: `Which is true of ${concept.title}?`,
  options: [
    { text: `Right about ${concept.title}`, correct: true },
    { text: `Wrong about ${concept.title}`, correct: false },
  ],
  concepts: [concept.id],
}));

export function fixtureLesson(courseId: string, lessonId: string): LessonContent | null {
  if (courseId !== FIXTURE_COURSE || lessonId !== 'basics-quiz') return null;
  return {
    courseId,
    lessonId,
    moduleId: 'basics',
    title: 'Quiz: basics',
    type: 'quiz',
    xp: 10,
    parTimeMinutes: 5,
    objectives: [],
    body: '',
    quiz: { passPercent: 80, questions: fixtureQuiz },
    reflection: null,
    hasExercise: false,
    guided: null,
    codeAlong: null,
    challenge: null,
    checks: null,
    project: null,
  };
}

export function writeFixtureCourse(store: Store): void {
  const sql = store.sqlite;
  sql.prepare("INSERT OR IGNORE INTO domains (id, title) VALUES ('programming', 'Programming')").run();
  sql.prepare("INSERT OR IGNORE INTO tracks (id, domain_id, title) VALUES ('python', 'programming', 'Python')").run();
  sql
    .prepare(
      `INSERT INTO courses (id, track_id, title, version, difficulty, languages, prerequisites, authors, install_path, installed_at, updated_at)
       VALUES (?, 'python', 'Path fixture', '1.0.0', 'beginner', '["python"]', '[]', '[]', 'x', 0, 0)`,
    )
    .run(FIXTURE_COURSE);
  fixtureLessons.forEach((lesson, position) =>
    sql
      .prepare('INSERT INTO lessons (course_id, lesson_id, module_id, title, type, position, path, concepts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(FIXTURE_COURSE, lesson.lessonId, lesson.moduleId, lesson.title, lesson.type, position, `${lesson.lessonId}.md`, JSON.stringify(lesson.concepts)),
  );
  fixtureConcepts.forEach((concept, position) =>
    sql
      .prepare('INSERT INTO concepts (course_id, concept_id, title, prerequisites, lesson_id, position) VALUES (?, ?, ?, ?, ?, ?)')
      .run(FIXTURE_COURSE, concept.id, concept.title, JSON.stringify(concept.prerequisites), concept.lessonId, position),
  );
}
