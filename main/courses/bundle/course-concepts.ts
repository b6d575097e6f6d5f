// The course format's concept references, checked with `file:line:column` like every other
// rule: the concepts course.yaml declares (unique ids, known prerequisites, no cycles, a
// teaching lesson that exists), and every concept a lesson, quiz question or exercise test names.
import { problem, type BundleProblem } from './bundle-files';
import { conceptCycles } from './concept-graph';
import type { CourseManifest, ExerciseSpec, LessonFrontMatter } from './course-format';
import { locate, type ParsedYaml } from './yaml-locations';

const unknownHint = 'use the id of a concept declared under "concepts:" in course.yaml, or declare it there';

/** `refs` (at `basePath` in `parsed`) that are not concepts of the course. */
function unknownRefs(file: string, parsed: ParsedYaml, basePath: readonly PropertyKey[], refs: readonly string[], known: ReadonlySet<string>, lineOffset: number, what: string): BundleProblem[] {
  return refs.flatMap((id, index) => {
    if (known.has(id)) return [];
    const at = locate(parsed, [...basePath, index]);
    return [problem(file, `${what} names concept "${id}", which course.yaml does not declare`, unknownHint, at.line + lineOffset, at.column)];
  });
}

/** Every concept a lesson teaches or its quiz questions assess must be declared by the course. */
export function lessonConceptProblems(file: string, parsed: ParsedYaml, meta: LessonFrontMatter, known: ReadonlySet<string>): BundleProblem[] {
  // The front matter starts on the file's second line.
  const offset = 1;
  const found = unknownRefs(file, parsed, ['concepts'], meta.concepts, known, offset, 'the lesson');
  meta.quiz?.questions.forEach((question, index) => {
    found.push(...unknownRefs(file, parsed, ['quiz', 'questions', index, 'concepts'], question.concepts ?? [], known, offset, `quiz question "${question.id}"`));
  });
  return found;
}

/** The last part of a reported test name, as it is written in the test file. */
function declaredName(language: ExerciseSpec['language'], name: string): string {
  const last = name.split(' > ').at(-1)!.trim();
  // pytest reports a parametrized test as name[params].
  return language === 'python' ? last.replace(/\[.*\]$/, '') : last;
}

/** Whether a test file declares a test of this name (a `def` in Python, a quoted title in JavaScript). */
export function declaresTest(language: ExerciseSpec['language'], name: string, sources: readonly string[]): boolean {
  const wanted = declaredName(language, name);
  if (language === 'python') return sources.some((source) => source.split('\n').some((line) => new RegExp(`^\\s*(async\\s+)?def\\s+${escapeRegExp(wanted)}\\s*\\(`).test(line)));
  return sources.some((source) => ["'", '"', '`'].some((quote) => source.includes(`${quote}${wanted}${quote}`)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** exercise.yaml `tests:`: each name must be a test in tests/, each concept declared by the course. */
export function exerciseConceptProblems(file: string, parsed: ParsedYaml, spec: ExerciseSpec, testSources: readonly string[], known: ReadonlySet<string>): BundleProblem[] {
  const found: BundleProblem[] = [];
  for (const [name, refs] of Object.entries(spec.tests ?? {})) {
    if (!declaresTest(spec.language, name, testSources)) {
      const at = locate(parsed, ['tests', name]);
      found.push(problem(file, `"tests" maps "${name}", but no test of that name is in tests/`, 'use the test name as the results report it (Python: the test function; JavaScript: the test title, "suite > test" inside describe)', at.line, at.column));
    }
    found.push(...unknownRefs(file, parsed, ['tests', name], refs, known, 0, `test "${name}"`));
  }
  return found;
}

/**
 * course.yaml's concepts: unique ids, prerequisites that exist and form no cycle (each cycle
 * named), a teaching lesson that is one of the course's lessons, and concept-check questions
 * with unique ids whose concepts exist.
 */
export function courseConceptProblems(parsed: ParsedYaml, manifest: CourseManifest, lessonIds: ReadonlySet<string>): BundleProblem[] {
  const found: BundleProblem[] = [];
  const at = (path: readonly PropertyKey[]) => locate(parsed, ['concepts', ...path]);
  const push = (path: readonly PropertyKey[], message: string, hint: string) => {
    const pos = at(path);
    found.push(problem('course.yaml', message, hint, pos.line, pos.column));
  };
  const known = new Set(manifest.concepts.map((concept) => concept.id));
  const seen = new Set<string>();
  manifest.concepts.forEach((concept, index) => {
    if (seen.has(concept.id)) push([index, 'id'], `concept id "${concept.id}" is used twice`, 'give every concept a unique id');
    seen.add(concept.id);
    concept.prerequisites.forEach((id, p) => {
      if (!known.has(id)) push([index, 'prerequisites', p], `concept "${concept.id}" lists prerequisite "${id}", which is not a concept of this course`, unknownHint);
    });
    if (concept.lesson !== undefined && !lessonIds.has(concept.lesson)) {
      push([index, 'lesson'], `concept "${concept.id}" is taught by lesson "${concept.lesson}", which is not a lesson of this course`, 'use the "id" from the front matter of a lesson listed under modules, or remove "lesson:"');
    }
    const questionIds = new Set<string>();
    concept.questions?.forEach((question, q) => {
      if (questionIds.has(question.id)) push([index, 'questions', q, 'id'], `question id "${question.id}" is used twice in concept "${concept.id}"`, 'give every question of a concept a unique id');
      questionIds.add(question.id);
      found.push(...unknownRefs('course.yaml', parsed, ['concepts', index, 'questions', q, 'concepts'], question.concepts ?? [], known, 0, `question "${question.id}" of concept "${concept.id}"`));
    });
  });
  for (const cycle of conceptCycles(manifest.concepts)) {
    push([cycle.at.node, 'prerequisites', cycle.at.prerequisite], `concept prerequisites form a cycle: ${cycle.ids.join(' → ')}`, 'remove one prerequisite in the cycle: a concept cannot depend, even indirectly, on itself');
  }
  return found;
}
