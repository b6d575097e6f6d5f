// Python Basics' concept graph for the path test, written into a data folder no server has open,
// after the app installed its built-in courses. Until the course format carries concepts (and the
// built-in course is tagged), this stands in; once the course is tagged it does nothing.
import { createApp } from '../../../main/app/create-app';
import { silentLogger } from '../../../main/app/logger';

const chain = [
  { id: 'values', title: 'Values and types', lessons: ['hello-python', 'numbers-and-strings', 'greeting', 'temperature', 'values-quiz'] },
  { id: 'conditions', title: 'Conditions', lessons: ['conditions', 'letter-grade', 'control-flow-quiz'] },
  { id: 'loops', title: 'Loops', lessons: ['loops', 'fizzbuzz', 'collatz', 'control-flow-quiz'] },
  { id: 'functions', title: 'Functions', lessons: ['defining-functions', 'parameters-and-scope', 'palindrome', 'run-length', 'functions-quiz'] },
  {
    id: 'collections',
    title: 'Collections',
    lessons: ['lists', 'dictionaries-and-sets', 'count-votes', 'above-average', 'group-anagrams', 'collections-quiz'],
  },
  { id: 'errors-files', title: 'Errors and files', lessons: ['exceptions', 'files', 'parse-ages', 'note-file', 'errors-files-quiz'] },
];

export async function seedPythonConcepts(dataDir: string): Promise<void> {
  const app = createApp({ dataDir, mode: 'serve', version: 'e2e-seed', logger: silentLogger, backgroundWork: false });
  try {
    const state = app.state();
    if (!('services' in state)) throw new Error(`the store in ${dataDir} did not open: ${state.problem.detail}`);
    const sql = state.services.store.sqlite;
    const tagged = sql.prepare("SELECT count(*) AS n FROM concepts WHERE course_id = 'python-basics'").get() as { n: number };
    if (tagged.n > 0) return;
    chain.forEach((concept, position) =>
      sql
        .prepare("INSERT INTO concepts (course_id, concept_id, title, prerequisites, lesson_id, position) VALUES ('python-basics', ?, ?, ?, ?, ?)")
        .run(concept.id, concept.title, JSON.stringify(position ? [chain[position - 1]!.id] : []), concept.lessons[0], position),
    );
    const lessons = new Map<string, string[]>();
    for (const concept of chain) for (const lesson of concept.lessons) lessons.set(lesson, [...(lessons.get(lesson) ?? []), concept.id]);
    for (const [lesson, concepts] of lessons)
      sql.prepare("UPDATE lessons SET concepts = ? WHERE course_id = 'python-basics' AND lesson_id = ?").run(JSON.stringify(concepts), lesson);
  } finally {
    await app.close();
  }
}
