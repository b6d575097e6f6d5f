// The built-in courses are tagged completely, so the learner model has evidence for every
// concept: each concept has a place in the graph and is taught or assessed somewhere, each
// lesson (but the closing reflection) teaches something, each quiz question and each test
// names what it assesses, and each concept a concept lesson teaches has check questions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, readBundleDir } from './bundle/bundle-files';
import { loadBundle } from './bundle/course-bundle';
import { builtinCourseIds, knownBuiltinCourses } from './testing/builtin-courses';

const coursesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../courses');
const builtins = builtinCourseIds();
const known = knownBuiltinCourses();

/** Test names as the harnesses report them: Python test functions, JavaScript top-level test titles. */
function testNames(language: string, sources: readonly string[]): string[] {
  const pattern = language === 'python' ? /^def (test_\w+)\(/gm : /^test\((['"`])(.+?)\1,/gm;
  return sources.flatMap((source) => [...source.matchAll(pattern)].map((match) => (language === 'python' ? match[1]! : match[2]!)));
}

describe.each(builtins)('%s is tagged with concepts completely', (courseId) => {
  const { files } = readBundleDir(path.join(coursesRoot, courseId));
  const { course, problems } = loadBundle(files, known);

  it('validates', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('declares a concept graph whose concepts are all taught and assessed', () => {
    const { concepts } = course!.manifest;
    expect(concepts.length).toBeGreaterThanOrEqual(15);
    const taught = new Set(course!.lessons.flatMap((lesson) => lesson.meta.concepts));
    expect(concepts.filter((concept) => !taught.has(concept.id)).map((concept) => concept.id)).toEqual([]);
    // Only the first concept stands alone; the rest build on something.
    expect(concepts.slice(1).filter((concept) => concept.prerequisites.length === 0).map((concept) => concept.id)).toEqual([]);
    for (const concept of concepts.filter((c) => c.lesson)) {
      const lesson = course!.lessons.find((l) => l.meta.id === concept.lesson)!;
      expect(lesson.meta.concepts, `${concept.id} is taught by ${lesson.meta.id}`).toContain(concept.id);
    }
  });

  it('gives every lesson but the reflection its concepts, and every quiz question its own', () => {
    const untagged = course!.lessons.filter((lesson) => lesson.meta.type !== 'reflection' && lesson.meta.concepts.length === 0);
    expect(untagged.map((lesson) => lesson.meta.id)).toEqual([]);
    const questions = course!.lessons.flatMap((lesson) => (lesson.meta.quiz?.questions ?? []).map((question) => ({ lesson, question })));
    expect(questions.length).toBeGreaterThan(0);
    for (const { lesson, question } of questions) {
      expect(question.concepts?.length, `${lesson.meta.id}/${question.id}`).toBeGreaterThan(0);
      for (const id of question.concepts!) expect(lesson.meta.concepts, `${lesson.meta.id}/${question.id} assesses ${id}`).toContain(id);
    }
  });

  it('maps every exercise test to concepts', () => {
    for (const [folder, spec] of course!.exercises) {
      const sources = [...files].filter(([file]) => file.startsWith(`${folder}/tests/`)).map(([, data]) => data.toString('utf8'));
      const names = testNames(spec.language, sources);
      expect(names.length, folder).toBeGreaterThan(0);
      expect(Object.keys(spec.tests ?? {}).sort(), folder).toEqual([...names].sort());
    }
  });

  it('has concept-check questions for every concept a concept lesson teaches', () => {
    const conceptLessons = new Set(course!.lessons.filter((lesson) => lesson.meta.type === 'concept').flatMap((lesson) => lesson.meta.concepts));
    const unchecked = course!.manifest.concepts.filter((concept) => conceptLessons.has(concept.id) && !concept.questions?.length);
    expect(unchecked.map((concept) => concept.id)).toEqual([]);
  });
});
