// The built-in courses are content, but broken content is a bug the learner pays for: this suite
// proves every course file parses, every reference is real, every reference solution passes its
// hidden tests and every starter fails at least one (with the local python3/pytest and node).
// Over 350 lines on purpose: every rule a built-in course must keep, in one place for authors.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { messageOf } from '../../preload/contract';
import { exerciseLessonTypes, lessonTypes, quizQuestionKinds as questionKinds } from '../../preload/contract/courses';
import { describeWhen } from '../../common/testing/capabilities';
import { javascriptSnippetRunner, pythonSnippetRunner } from './testing/lesson-snippet-runners';
import { builtinCourseIds } from './testing/builtin-courses';
import { readCourseSupport } from './bundle/course-support';

const coursesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../courses');
const builtinCourses = builtinCourseIds();
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const exerciseTypes: ReadonlySet<string> = exerciseLessonTypes;

type Dict = Record<string, unknown>;
type Lesson = { file: string; moduleId: string; meta: Dict; body: string };
type Exercise = { course: string; lessonId: string; dir: string; language: 'python' | 'javascript'; spec: Dict };

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

// A YAML mistake in one file should fail one named check, not crash the whole suite while loading.
const yamlErrors: string[] = [];
function parseYaml(text: string, where: string): Dict {
  try {
    const value: unknown = parse(text);
    if (isDict(value)) return value;
    yamlErrors.push(`${where}: expected a YAML mapping`);
  } catch (error) {
    yamlErrors.push(`${where}: ${messageOf(error)}`);
  }
  return {};
}
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function readCourse(courseId: string): { course: Dict; lessons: Lesson[] } {
  const dir = path.join(coursesRoot, courseId);
  const courseFile = path.join(dir, 'course.yaml');
  // A missing course.yaml becomes an empty course so the field checks below name what is wrong.
  const course = fs.existsSync(courseFile) ? parseYaml(fs.readFileSync(courseFile, 'utf8'), `${courseId}/course.yaml`) : {};
  const lessons: Lesson[] = [];
  for (const mod of list(course.modules)) {
    if (!isDict(mod)) continue;
    for (const rel of list(mod.lessons)) {
      const file = path.join(dir, String(rel));
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      lessons.push({
        file: String(rel),
        moduleId: String(mod.id),
        meta: match ? parseYaml(match[1] ?? '', `${courseId}/${String(rel)} front matter`) : {},
        body: match?.[2] ?? '',
      });
    }
  }
  return { course, lessons };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

const courses = new Map(builtinCourses.map((id) => [id, readCourse(id)]));
const exercises: Exercise[] = [];
for (const [courseId, { lessons }] of courses) {
  for (const lesson of lessons) {
    if (typeof lesson.meta.exercise !== 'string') continue;
    const dir = path.join(coursesRoot, courseId, lesson.meta.exercise);
    const specFile = path.join(dir, 'exercise.yaml');
    const spec = fs.existsSync(specFile) ? parseYaml(fs.readFileSync(specFile, 'utf8'), path.relative(coursesRoot, specFile)) : {};
    exercises.push({ course: courseId, lessonId: String(lesson.meta.id), dir, language: spec.language === 'javascript' ? 'javascript' : 'python', spec });
  }
}

describe('built-in course bundles', () => {
  it('every course.yaml, lesson front matter and exercise.yaml is valid YAML', () => {
    expect(yamlErrors).toEqual([]);
  });

  it.each(builtinCourses)('%s: course.yaml has the required fields', (courseId) => {
    const { course } = courses.get(courseId)!;
    expect(course.format).toBe(1);
    expect(course.id).toBe(courseId);
    for (const field of ['title', 'version', 'summary', 'difficulty', 'estimatedHours', 'license']) {
      expect(course[field], `${courseId}: course.yaml needs "${field}"`).toBeTruthy();
    }
    expect(String(course.version)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(['beginner', 'intermediate', 'advanced']).toContain(course.difficulty);
    expect(isDict(course.domain) && isDict(course.track)).toBe(true);
    for (const mod of list(course.modules)) {
      expect(isDict(mod) && kebab.test(String(mod.id)) && typeof mod.title === 'string', `module ${JSON.stringify(mod)}`).toBe(true);
    }
  });

  it.each(builtinCourses)('%s: every lesson file exists with valid front matter and a unique kebab-case id', (courseId) => {
    const { lessons } = courses.get(courseId)!;
    const ids = new Set<string>();
    for (const { file, meta, body } of lessons) {
      expect(fs.existsSync(path.join(coursesRoot, courseId, file)), `${file} is listed in course.yaml but missing`).toBe(true);
      const id = String(meta.id);
      expect(kebab.test(id), `${file}: id "${id}" must be kebab-case`).toBe(true);
      expect(ids.has(id), `${file}: lesson id "${id}" is used twice`).toBe(false);
      ids.add(id);
      expect(typeof meta.title === 'string' && meta.title.length > 0, `${file}: title`).toBe(true);
      expect(lessonTypes, `${file}: type`).toContain(meta.type);
      expect(Number(meta.xp) > 0 && Number(meta.parTimeMinutes) > 0, `${file}: xp and parTimeMinutes`).toBe(true);
      expect(list(meta.objectives).length, `${file}: objectives`).toBeGreaterThan(0);
      expect(body.trim().length, `${file}: body`).toBeGreaterThan(100);
      const type = String(meta.type);
      if (exerciseTypes.has(type)) {
        expect(typeof meta.exercise, `${file}: a ${type} lesson needs an exercise folder`).toBe('string');
        expect(fs.existsSync(path.join(coursesRoot, courseId, String(meta.exercise), 'exercise.yaml')), `${file}: ${String(meta.exercise)}/exercise.yaml`).toBe(true);
      }
      if (type === 'reflection') expect(isDict(meta.reflection) && typeof meta.reflection.prompt === 'string', `${file}: reflection.prompt`).toBe(true);
    }
  });

  it.each(builtinCourses)('%s: quizzes have 4-6 questions with an explanation on every option', (courseId) => {
    const quizzes = courses.get(courseId)!.lessons.filter((lesson) => lesson.meta.type === 'quiz');
    expect(quizzes.length).toBeGreaterThan(0);
    for (const { file, meta } of quizzes) {
      expect(isDict(meta.quiz), `${file}: quiz`).toBe(true);
      const quiz = meta.quiz as Dict;
      const questions = list(quiz.questions);
      expect(questions.length, `${file}: 4-6 questions`).toBeGreaterThanOrEqual(4);
      expect(questions.length, `${file}: 4-6 questions`).toBeLessThanOrEqual(6);
      const kinds = new Set<unknown>();
      const ids = new Set<unknown>();
      for (const question of questions) {
        expect(isDict(question), `${file}: question`).toBe(true);
        const q = question as Dict;
        const where = `${file} question ${String(q.id)}`;
        expect(kebab.test(String(q.id)) && !ids.has(q.id), `${where}: unique kebab-case id`).toBe(true);
        ids.add(q.id);
        expect(questionKinds, `${where}: kind`).toContain(q.kind);
        kinds.add(q.kind);
        expect(typeof q.prompt, `${where}: prompt`).toBe('string');
        const options = list(q.options).filter(isDict);
        expect(options.length, `${where}: options`).toBeGreaterThanOrEqual(2);
        const correct = options.filter((option) => option.correct === true).length;
        if (q.kind === 'multiple') expect(correct, `${where}: at least one correct option`).toBeGreaterThanOrEqual(1);
        else expect(correct, `${where}: exactly one correct option`).toBe(1);
        for (const option of options) {
          expect(typeof option.text === 'string' && typeof option.explanation === 'string' && option.explanation.length > 0, `${where}: option ${JSON.stringify(option)}`).toBe(true);
        }
      }
      expect(kinds.size, `${file}: mixes question kinds`).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(builtinCourses)('%s: every exercise has a valid exercise.yaml, starter, solution and tests', (courseId) => {
    for (const { dir, spec, lessonId } of exercises.filter((exercise) => exercise.course === courseId)) {
      const where = `${courseId}/${lessonId} (${path.relative(coursesRoot, dir)})`;
      expect(['python', 'javascript'], `${where}: language`).toContain(spec.language);
      expect(typeof spec.entry, `${where}: entry`).toBe('string');
      const files = isDict(spec.files) ? spec.files : {};
      const declared = [...list(files.editable), ...list(files.readOnly), ...list(files.hidden)].map(String);
      expect(declared, `${where}: files must list the entry`).toContain(spec.entry);
      for (const file of declared) {
        expect(fs.existsSync(path.join(dir, 'starter', file)), `${where}: starter/${file}`).toBe(true);
        // Read-only and hidden files are the starter's; solution/ holds the editable ones.
        if (list(files.editable).includes(file)) expect(fs.existsSync(path.join(dir, 'solution', file)), `${where}: solution/${file}`).toBe(true);
      }
      const hints = list(spec.hints);
      expect(hints.length >= 2 && hints.length <= 4 && hints.every((hint) => typeof hint === 'string'), `${where}: 2-4 hints`).toBe(true);
      const testPattern = spec.language === 'python' ? /(^|\/)test_[^/]+\.py$/ : /\.test\.js$/;
      expect(filesUnder(path.join(dir, 'tests')).some((file) => testPattern.test(file)), `${where}: tests`).toBe(true);
    }
  });

  it.each(builtinCourses)('%s: xp follows the course scale for each lesson type', (courseId) => {
    const scale: Record<string, [number, number]> = {
      concept: [50, 50],
      reflection: [50, 50],
      guided: [75, 75],
      practice: [75, 100],
      'code-along': [100, 100],
      quiz: [100, 100],
      challenge: [150, 150],
      project: [200, 200],
    };
    for (const { file, meta } of courses.get(courseId)!.lessons) {
      const [low, high] = scale[String(meta.type)] ?? [0, 0];
      expect(Number(meta.xp) >= low && Number(meta.xp) <= high, `${file}: a ${String(meta.type)} lesson is worth ${low}-${high} xp, not ${String(meta.xp)}`).toBe(true);
    }
  });

  it('meets the issue #3 and #18 minimums for every course', () => {
    const counts = (courseId: string) => {
      const { course, lessons } = courses.get(courseId)!;
      return {
        modules: list(course.modules).length,
        lessons: lessons.length,
        exercises: lessons.filter((lesson) => exerciseTypes.has(String(lesson.meta.type))).length,
        quizzes: lessons.filter((lesson) => lesson.meta.type === 'quiz').length,
        mermaid: lessons.some((lesson) => lesson.body.includes('```mermaid')),
        reflections: lessons.filter((lesson) => lesson.meta.type === 'reflection').length,
      };
    };
    const minimums = {
      'python-basics': { modules: 5, lessons: 25, exercises: 12, quizzes: 5 },
      'javascript-basics': { modules: 4, lessons: 18, exercises: 8, quizzes: 4 },
      'javascript-async': { modules: 5, lessons: 20, exercises: 9, quizzes: 4 },
      'python-data-structures': { modules: 5, lessons: 25, exercises: 10, quizzes: 5 },
      'python-oop-testing': { modules: 7, lessons: 30, exercises: 11, quizzes: 6 },
    };
    for (const [courseId, minimum] of Object.entries(minimums)) {
      const found = counts(courseId);
      for (const [what, atLeast] of Object.entries(minimum)) expect(found[what as keyof typeof minimum], `${courseId}: ${what}`).toBeGreaterThanOrEqual(atLeast);
      expect(found.mermaid && found.reflections === 1, `${courseId}: a mermaid diagram and one reflection`).toBe(true);
    }
  });
});

type RunOutcome = { code: number; output: string };

/** Copies the learner files (starter or solution), the flattened tests and the course's support files into a fresh folder and runs them. */
function runExercise(exercise: Exercise, variant: 'starter' | 'solution'): Promise<RunOutcome> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `drona-${exercise.lessonId}-${variant}-`));
  // solution/ may leave out read-only and hidden files: the starter's go under it.
  if (variant === 'solution') fs.cpSync(path.join(exercise.dir, 'starter'), work, { recursive: true });
  fs.cpSync(path.join(exercise.dir, variant), work, { recursive: true });
  const testsDir = path.join(exercise.dir, 'tests');
  const testFiles = filesUnder(testsDir);
  for (const file of testFiles) fs.copyFileSync(path.join(testsDir, file), path.join(work, path.basename(file)));
  for (const file of readCourseSupport(path.join(coursesRoot, exercise.course))) fs.writeFileSync(path.join(work, file.path), file.content);
  let command: string;
  let args: string[];
  if (exercise.language === 'python') {
    command = python ?? 'python3';
    args = ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...testFiles.map((file) => path.basename(file))];
  } else {
    fs.writeFileSync(path.join(work, 'package.json'), '{"type":"module"}\n');
    command = process.execPath;
    args = ['--test', ...testFiles.map((file) => path.basename(file))];
  }
  return new Promise((resolve) => {
    execFile(command, args, { cwd: work, timeout: 30_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1', NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      fs.rmSync(work, { recursive: true, force: true });
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Runs the given exercises' solutions and starters, two processes at a time (the machine has 2 cores). */
async function runAll(chosen: Exercise[]): Promise<Map<string, RunOutcome>> {
  const jobs = chosen.flatMap((exercise) => (['solution', 'starter'] as const).map((variant) => ({ exercise, variant })));
  const outcomes = new Map<string, RunOutcome>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      outcomes.set(`${job.exercise.course}/${job.exercise.lessonId}/${job.variant}`, await runExercise(job.exercise, job.variant));
    }
  };
  await Promise.all([worker(), worker()]);
  return outcomes;
}

/**
 * The starter must fail real tests, not crash before they run: pytest exits 1 only when tests ran
 * and some failed (collection errors exit 2); for node, a module that throws on import shows up as a
 * single failing "test", so the starter must run as many tests as the solution does.
 */
function failedTests(exercise: Exercise, starter: RunOutcome, solution: RunOutcome | undefined): boolean {
  if (exercise.language === 'python') return starter.code === 1 && /\d+ failed/.test(starter.output);
  const testCount = (outcome: RunOutcome | undefined) => /^# tests (\d+)/m.exec(outcome?.output ?? '')?.[1];
  return starter.code !== 0 && /^# fail [1-9]/m.test(starter.output) && testCount(starter) === testCount(solution);
}

/** The real interpreter behind `python3` (skipping version-manager shims saves ~0.4 s a run), or null without pytest. */
function findPython(): string | null {
  try {
    execFileSync('python3', ['-m', 'pytest', '--version'], { stdio: 'ignore' });
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
const python = findPython();

function exerciseChecks(language: Exercise['language']): void {
  const chosen = exercises.filter((exercise) => exercise.language === language);
  let outcomes = new Map<string, RunOutcome>();
  beforeAll(async () => {
    outcomes = await runAll(chosen);
  }, 300_000);

  it.each(chosen.map((exercise) => [`${exercise.course}/${exercise.lessonId}`, exercise] as const))('%s: the solution passes and the starter fails', (key, exercise) => {
    const solution = outcomes.get(`${key}/solution`);
    const starter = outcomes.get(`${key}/starter`);
    expect(solution?.code, `reference solution of ${key} must pass its tests:\n${solution?.output}`).toBe(0);
    expect(starter && failedTests(exercise, starter, solution), `starter of ${key} must fail at least one test (not crash the runner):\n${starter?.output}`).toBe(true);
  });
}

describe('built-in javascript exercises run against their tests (node --test)', () => exerciseChecks('javascript'));
describeWhen(python !== null, 'python3 with pytest (apt-get install python3-pytest)', 'built-in python exercises run against their tests (pytest)', () => exerciseChecks('python'));

// "Try it" runs the fenced python/javascript examples of a lesson body, so each one must run on its
// own and print something; a predict-output quiz question's correct option must be what its code
// really prints. One interpreter process per language runs them all (cheap enough for CI).
type Snippet = { where: string; code: string };
type SnippetRun = { where: string; output: string; error: string | null };

function lessonExamples(language: 'python' | 'javascript'): Snippet[] {
  const found: Snippet[] = [];
  for (const [courseId, { lessons }] of courses) {
    for (const lesson of lessons) {
      const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
      let index = 0;
      for (const match of lesson.body.matchAll(fence)) {
        found.push({ where: `${courseId}/${lesson.file} example ${++index}`, code: match[1] ?? '' });
      }
    }
  }
  return found;
}

type PredictQuestion = Snippet & { expected: string };

/** Predict-output questions with code; an option may write a line break as " then ". */
function predictQuestions(language: 'python' | 'javascript'): PredictQuestion[] {
  const found: PredictQuestion[] = [];
  for (const [courseId, { lessons }] of courses) {
    for (const lesson of lessons) {
      const quiz = isDict(lesson.meta.quiz) ? lesson.meta.quiz : {};
      for (const question of list(quiz.questions).filter(isDict)) {
        if (question.kind !== 'predict-output' || question.language !== language || typeof question.code !== 'string') continue;
        const correct = list(question.options).filter(isDict).find((option) => option.correct === true);
        found.push({ where: `${courseId}/${lesson.file} question ${String(question.id)}`, code: question.code, expected: String(correct?.text ?? '') });
      }
    }
  }
  return found;
}

const oneLine = (text: string) => text.trim().split(/\s+/).join(' ');

function runSnippets(language: 'python' | 'javascript', list: Snippet[]): Promise<SnippetRun[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `drona-snippets-${language}-`));
  fs.writeFileSync(path.join(work, 'snippets.json'), JSON.stringify(list));
  const runner = language === 'python' ? 'runner.py' : 'runner.mjs';
  fs.writeFileSync(path.join(work, runner), language === 'python' ? pythonSnippetRunner : javascriptSnippetRunner);
  const command = language === 'python' ? (python ?? 'python3') : process.execPath;
  return new Promise((resolve, reject) => {
    execFile(command, [runner, 'snippets.json'], { cwd: work, timeout: 60_000 }, (error, stdout, stderr) => {
      fs.rmSync(work, { recursive: true, force: true });
      if (error) reject(new Error(`the ${language} example runner failed: ${String(error)}\n${stderr}`));
      else resolve(JSON.parse(stdout) as SnippetRun[]);
    });
  });
}

async function examineLanguage(language: 'python' | 'javascript', minimumExamples: number): Promise<void> {
  const examples = lessonExamples(language);
  expect(examples.length).toBeGreaterThan(minimumExamples);
  const problems = (await runSnippets(language, examples))
    .map((run) => (run.error ? `${run.where}: ${run.error}` : run.output.trim() ? null : `${run.where}: prints nothing`))
    .filter((problem) => problem !== null);
  expect(problems, 'every lesson example must run on its own and print something').toEqual([]);

  const questions = predictQuestions(language);
  expect(questions.length).toBeGreaterThan(3);
  const runs = await runSnippets(language, questions);
  const wrong = questions
    .map((question, index) => ({ question, run: runs[index] }))
    .filter(({ question, run }) => run?.error || oneLine(run?.output ?? '') !== oneLine(question.expected.replaceAll(' then ', ' ')))
    .map(({ question, run }) => `${question.where}: the correct option says ${JSON.stringify(question.expected)} but the code prints ${JSON.stringify(run?.output)}${run?.error ? ` and fails with ${run.error}` : ''}`);
  expect(wrong, 'a predict-output question must mark what its code really prints as correct').toEqual([]);
}

describe('lesson examples and predict-output questions', () => {
  it('javascript: every example runs and prints; every predicted output is right', async () => {
    await examineLanguage('javascript', 20);
  }, 60_000);
});

describeWhen(python !== null, 'python3', 'lesson examples and predict-output questions in python', () => {
  it('python: every example runs and prints; every predicted output is right', async () => {
    await examineLanguage('python', 30);
  }, 60_000);
});
