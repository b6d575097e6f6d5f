// Loads and validates a course bundle: every problem with file:line:column and a fix hint.
// Pure over BundleFiles (no disk), so `drona course validate`, import and tests share it.
// Over 350 lines on purpose: one linear pass over course.yaml, modules, lessons and exercises,
// each check next to the location it reports; split, the order of checks would be hard to follow.
import path from 'node:path';
import type { z } from 'zod';
import { bundlePathProblems } from './bundle-allow-list';
import { problem, type BundleFiles, type BundleProblem } from './bundle-files';
import { exerciseLessonTypes } from '../../../preload/contract/courses';
import { courseConceptProblems, exerciseConceptProblems, lessonConceptProblems } from './course-concepts';
import { lessonTypeProblems } from './lesson-type-problems';
import { courseSchema, exerciseSchema, lessonFrontMatterSchema, type CourseManifest, type ExerciseSpec, type LessonFrontMatter } from './course-format';
import { examBankProblems } from './exam-bundle';
import type { ExamBank } from '../../../common/exam/exam-format';
import { projectBriefProblems } from './project-briefs';
import { markdownLinkPattern } from '../search/lesson-text';
import { locate, parseYaml, yamlNestingDepth, MAX_YAML_DEPTH, type ParsedYaml } from './yaml-locations';
import { SUPPORT_FOLDER, supportFilesOf } from './course-support';

export interface LoadedLesson {
  readonly moduleId: string;
  readonly path: string;
  readonly position: number;
  readonly meta: LessonFrontMatter;
  readonly body: string;
}

export interface LoadedCourse {
  readonly manifest: CourseManifest;
  readonly lessons: readonly LoadedLesson[];
  /** By exercise folder path (as written in the lesson's front matter or exam.yaml). */
  readonly exercises: ReadonlyMap<string, ExerciseSpec>;
  /** exam.yaml, when the course has a Silver exam. */
  readonly exam: ExamBank | null;
}

export interface LoadResult {
  readonly course: LoadedCourse | null;
  readonly problems: readonly BundleProblem[];
}

/** Other courses the validator knows about (installed or validated together), for prerequisites. */
export type KnownCourses = ReadonlyMap<string, readonly string[]>;

const text = (files: BundleFiles, file: string) => files.get(file)?.toString('utf8');

function hintFor(issue: z.core.$ZodIssue): string {
  const key = String(issue.path.at(-1) ?? 'value');
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined') ? `add "${key}:" (${issue.expected})` : `make "${key}" a ${issue.expected}`;
    case 'unrecognized_keys':
      return `remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')}; see courses/FORMAT.md for the allowed fields`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `"${key}" needs at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''}`;
    case 'too_big':
      return `"${key}" allows at most ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s)' : ''}`;
    default:
      return 'see courses/FORMAT.md for this field';
  }
}

function schemaProblems(file: string, parsed: ParsedYaml, error: z.ZodError, lineOffset = 0): BundleProblem[] {
  return error.issues.map((issue) => {
    const at = locate(parsed, issue.path);
    const where = issue.path.length ? `"${issue.path.join('.')}" ` : '';
    return problem(file, `${where}${issue.message}`.trim(), hintFor(issue), at.line + lineOffset, at.column);
  });
}

/** Lesson files, whole (front matter and body). */
export const MAX_LESSON_CHARS = 1_000_000;
/** Any line of a lesson or YAML file. */
export const MAX_LINE_CHARS = 20_000;
/** course.yaml, exercise.yaml and a lesson's front matter. */
export const MAX_YAML_CHARS = 256_000;
/** A YAML file with many mistakes lists this many; the rest follow once these are fixed. */
const MAX_YAML_ERRORS = 20;

/**
 * Size limits on author text, checked before any parsing so that no parser meets input larger
 * than the format needs: the whole text, then the first line that is too long.
 */
export function textLimitProblems(file: string, source: string, maxChars: number, lineOffset = 0): BundleProblem[] {
  if (source.length > maxChars) {
    return [problem(file, `the text is ${source.length} characters long, over the limit of ${maxChars}`, 'split it into smaller files', 1 + lineOffset, 1)];
  }
  let line = 1;
  let start = 0;
  while (start <= source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    if (end - start > MAX_LINE_CHARS) {
      return [problem(file, `line ${line + lineOffset} is ${end - start} characters long, over the limit of ${MAX_LINE_CHARS}`, 'break the line up (or host large data elsewhere)', line + lineOffset, MAX_LINE_CHARS + 1)];
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  return [];
}

function parseYamlFile(file: string, source: string, lineOffset: number, out: BundleProblem[]): ParsedYaml | null {
  const limits = textLimitProblems(file, source, MAX_YAML_CHARS, lineOffset);
  if (limits.length) {
    out.push(...limits);
    return null;
  }
  const depth = yamlNestingDepth(source);
  if (depth > MAX_YAML_DEPTH) {
    out.push(problem(file, `the YAML nests ${depth} levels deep, over the limit of ${MAX_YAML_DEPTH}`, 'flatten the lists and mappings (or quote text holding many "[" or "{")', 1 + lineOffset, 1));
    return null;
  }
  const parsed = parseYaml(source);
  if (parsed.errors.length) {
    for (const error of parsed.errors.slice(0, MAX_YAML_ERRORS)) out.push(problem(file, `YAML syntax error: ${error.message}`, 'fix the indentation or quoting at this spot (quote values containing ": " or "#")', error.line + lineOffset, error.column));
    return null;
  }
  return parsed;
}

/** A YAML file parsed and checked against its schema; null once its problems are in `out`. */
export function parseYamlWith<T extends z.ZodType>(file: string, source: string, lineOffset: number, schema: T, out: BundleProblem[]): { parsed: ParsedYaml; data: z.infer<T> } | null {
  const parsed = parseYamlFile(file, source, lineOffset, out);
  if (!parsed) return null;
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    out.push(...schemaProblems(file, parsed, result.error, lineOffset));
    return null;
  }
  return { parsed, data: result.data };
}

/** Splits `---\nfront matter\n---\nbody`; the front matter starts on line 2. */
export function splitFrontMatter(source: string): { frontMatter: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return null;
  const frontMatter = match[1]!;
  return { frontMatter, body: source.slice(match[0].length), bodyLine: frontMatter.split('\n').length + 3 };
}

export interface MarkdownTarget {
  readonly target: string;
  readonly image: boolean;
  /** 1-based, in the body. */
  readonly line: number;
  readonly column: number;
  /** Offsets of the target text in the body, for rewriting it in place. */
  readonly start: number;
  readonly end: number;
}

/** Markdown links and images outside fenced and inline code, with their positions in the body. Linear in the body's length. */
export function markdownTargets(body: string): MarkdownTarget[] {
  const found: MarkdownTarget[] = [];
  const pattern = markdownLinkPattern();
  let fence: string | null = null;
  let offset = 0;
  body.split('\n').forEach((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const fenceMatch = /^[ \t]*(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]!;
      else if (fenceMatch[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (fence || !line.includes('](')) return;
    const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const match of withoutCode.matchAll(pattern)) {
      const [, bang, , , , target] = match as unknown as [string, string, string, string, string, string];
      const [start, end] = match.indices![5]!;
      found.push({ target, image: bang === '!', line: index + 1, column: match.index + 1, start: lineStart + start, end: lineStart + end });
    }
  });
  return found;
}

/** Where a lesson's link or image leads, or why it cannot be accepted. */
export type LinkTarget =
  | { readonly kind: 'external' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'problem'; readonly message: string; readonly hint: string };

const linkSchemes = new Set(['http', 'https', 'mailto']);
/** What the renderer shows as an inline image (LessonMarkdown's urlTransform). */
const inlineImage = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$/;

const decodePath = (value: string): string | null => {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
};

/**
 * Classifies a link or image target written in `lessonFile`. Pure and total: every target,
 * however malformed, is external, a file inside the course, or a problem to report.
 */
export function classifyLink(lessonFile: string, target: string, image: boolean): LinkTarget {
  const what = image ? 'image' : 'link';
  const refuse = (message: string, hint: string): LinkTarget => ({ kind: 'problem', message: `${what} ${message}`, hint });
  if (target === '') return refuse('has no target', 'write a path relative to this lesson (or, for links, an https: address) between the parentheses');
  if (target.startsWith('#')) return { kind: 'external' };
  if (target.startsWith('//')) return refuse(`"${target}" has no scheme`, 'write the full address, starting with https://');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (image) {
      return inlineImage.test(target) ? { kind: 'external' } : refuse(`"${target.slice(0, 80)}" is not a file in the course`, 'put the image in the course folder and link it by its relative path');
    }
    if (!linkSchemes.has(scheme)) return refuse(`"${target.slice(0, 80)}" uses "${scheme}:"; lessons may link to https:, http: and mailto: only`, 'link to a web address or to a file in the course');
    if (!URL.canParse(target)) return refuse(`"${target}" is not a valid URL`, 'check the address (brackets, percent signs and the host)');
    return { kind: 'external' };
  }
  const decoded = decodePath(target.split(/[?#]/)[0]!);
  if (decoded === null) return refuse(`"${target}" has a malformed %-escape`, 'write a literal "%" as %25, or fix the escape (two hex digits, valid UTF-8)');
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return refuse(`"${target}" names a control character`, 'remove the escaped control character from the path');
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(lessonFile), decoded));
  if (decoded.startsWith('/') || resolved === '..' || resolved.startsWith('../')) return refuse(`"${target}" points outside the course`, 'keep links and images inside the course folder (relative paths)');
  return { kind: 'file', path: resolved };
}

/** The test files of an exercise folder, by the language's naming rule. */
function testFilesOf(files: BundleFiles, folder: string, language: ExerciseSpec['language']): string[] {
  const testPattern = language === 'python' ? /(^|\/)test_[^/]+\.py$/ : /\.test\.m?js$/;
  return [...files.keys()].filter((file) => file.startsWith(`${folder}/tests/`) && testPattern.test(file));
}

export function checkExercise(files: BundleFiles, lessonFile: string, folder: string, course: CourseManifest, out: BundleProblem[]): ExerciseSpec | null {
  const specFile = `${folder}/exercise.yaml`;
  const source = text(files, specFile);
  if (source === undefined) {
    out.push(problem(lessonFile, `exercise folder "${folder}" has no exercise.yaml`, `create ${specFile} (language, entry, files, hints) or fix the "exercise:" path`));
    return null;
  }
  const checked = parseYamlWith(specFile, source, 0, exerciseSchema, out);
  if (!checked) return null;
  const { parsed, data: spec } = checked;
  const declared = [...spec.files.editable, ...spec.files.readOnly, ...spec.files.hidden];
  const at = (key: string) => locate(parsed, [key]);
  if (!declared.includes(spec.entry)) {
    const pos = at('entry');
    out.push(problem(specFile, `entry "${spec.entry}" is not listed in files`, `add "${spec.entry}" to files.editable`, pos.line, pos.column));
  }
  if (!course.languages.includes(spec.language)) {
    const pos = at('language');
    out.push(problem(specFile, `language "${spec.language}" is not one of the course's languages (${course.languages.join(', ')})`, `add ${spec.language} to "languages" in course.yaml`, pos.line, pos.column));
  }
  const seen = new Set<string>();
  for (const file of declared) {
    const pos = at('files');
    if (seen.has(file)) out.push(problem(specFile, `"${file}" is listed twice in files`, 'give each file exactly one role: editable, readOnly or hidden', pos.line, pos.column));
    seen.add(file);
    // A read-only or hidden file is the learner's as the starter has it: solution/ may leave it out.
    for (const variant of spec.files.editable.includes(file) ? ['starter', 'solution'] : ['starter']) {
      if (!files.has(`${folder}/${variant}/${file}`)) out.push(problem(specFile, `${variant}/${file} is missing`, `add ${folder}/${variant}/${file}`, pos.line, pos.column));
    }
  }
  const tests = testFilesOf(files, folder, spec.language);
  if (tests.length === 0) {
    out.push(problem(specFile, 'the exercise has no tests', spec.language === 'python' ? `add ${folder}/tests/test_${path.basename(spec.entry, '.py')}.py with plain asserts` : `add ${folder}/tests/${path.basename(spec.entry, '.js')}.test.js using node:test`));
  }
  const staged = new Set([...declared, ...tests.map((file) => path.posix.basename(file))]);
  for (const support of supportFilesOf(files).filter((file) => staged.has(file.path))) {
    out.push(problem(`${SUPPORT_FOLDER}/${support.path}`, `support/${support.path} has the name of a file of ${folder}, and both would land in the same place at check time`, 'rename the support file'));
  }
  const concepts = new Set(course.concepts.map((concept) => concept.id));
  out.push(...exerciseConceptProblems(specFile, parsed, spec, tests.map((file) => text(files, file) ?? ''), concepts));
  return spec;
}

/**
 * Prerequisite problems for `courseId`: unknown ids and cycles through the known courses.
 * Pure, exported for tests.
 */
export function prerequisiteProblems(courseId: string, prerequisites: readonly string[], known: KnownCourses): string[] {
  const messages: string[] = [];
  for (const id of prerequisites) {
    if (id === courseId) messages.push(`the course lists itself as a prerequisite`);
    else if (!known.has(id)) messages.push(`prerequisite "${id}" is not an installed or bundled course`);
  }
  const graph = new Map(known);
  graph.set(courseId, prerequisites);
  // Depth-first search from courseId; a path back to courseId is a cycle.
  const stack: { id: string; trail: string[] }[] = prerequisites.filter((id) => id !== courseId).map((id) => ({ id, trail: [courseId, id] }));
  const visited = new Set<string>();
  while (stack.length) {
    const { id, trail } = stack.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    for (const next of graph.get(id) ?? []) {
      if (next === courseId) {
        messages.push(`prerequisites form a cycle: ${[...trail, courseId].join(' → ')}`);
        stack.length = 0;
        break;
      }
      stack.push({ id: next, trail: [...trail, next] });
    }
  }
  return messages;
}

export function loadBundle(files: BundleFiles, known: KnownCourses = new Map()): LoadResult {
  // Every file against the allow-list first: refused names are reported with the rest, and any
  // problem means nothing is installed.
  const problems: BundleProblem[] = bundlePathProblems(files.keys());
  const courseSource = text(files, 'course.yaml');
  if (courseSource === undefined) {
    return { course: null, problems: [...problems, problem('course.yaml', 'course.yaml is missing', 'every course folder starts with a course.yaml (see courses/FORMAT.md)')] };
  }
  const checkedCourse = parseYamlWith('course.yaml', courseSource, 0, courseSchema, problems);
  if (!checkedCourse) return { course: null, problems };
  const { parsed: parsedCourse, data: manifest } = checkedCourse;

  const prereqAt = locate(parsedCourse, ['prerequisites']);
  for (const message of prerequisiteProblems(manifest.id, manifest.prerequisites, known)) {
    problems.push(problem('course.yaml', message, 'list only ids of courses that exist and do not depend back on this one', prereqAt.line, prereqAt.column));
  }

  const conceptIds = new Set(manifest.concepts.map((concept) => concept.id));
  const moduleIds = new Set<string>();
  const lessonIds = new Map<string, string>();
  const listed = new Set<string>();
  const lessons: LoadedLesson[] = [];
  const exercises = new Map<string, ExerciseSpec>();
  manifest.modules.forEach((module, moduleIndex) => {
    if (moduleIds.has(module.id)) {
      const at = locate(parsedCourse, ['modules', moduleIndex, 'id']);
      problems.push(problem('course.yaml', `module id "${module.id}" is used twice`, 'give every module a unique id', at.line, at.column));
    }
    moduleIds.add(module.id);
    module.lessons.forEach((lessonFile, lessonIndex) => {
      const at = locate(parsedCourse, ['modules', moduleIndex, 'lessons', lessonIndex]);
      if (listed.has(lessonFile)) {
        problems.push(problem('course.yaml', `lesson file "${lessonFile}" is listed twice`, 'list each lesson once', at.line, at.column));
        return;
      }
      listed.add(lessonFile);
      const source = text(files, lessonFile);
      if (source === undefined) {
        problems.push(problem('course.yaml', `lesson file "${lessonFile}" does not exist`, 'create the file or fix the path (relative to the course folder)', at.line, at.column));
        return;
      }
      const limits = textLimitProblems(lessonFile, source, MAX_LESSON_CHARS);
      if (limits.length) {
        problems.push(...limits);
        return;
      }
      const split = splitFrontMatter(source);
      if (!split) {
        problems.push(problem(lessonFile, 'the lesson has no YAML front matter', 'start the file with a "---" line, the front matter (id, title, type, xp, parTimeMinutes, objectives), and another "---" line'));
        return;
      }
      const checked = parseYamlWith(lessonFile, split.frontMatter, 1, lessonFrontMatterSchema, problems);
      if (!checked) return;
      const { parsed, data: meta } = checked;
      problems.push(...lessonConceptProblems(lessonFile, parsed, meta, conceptIds));
      const idAt = locate(parsed, ['id']);
      const other = lessonIds.get(meta.id);
      if (other) problems.push(problem(lessonFile, `lesson id "${meta.id}" is also used by ${other}`, 'lesson ids must be unique in the course (progress is keyed by them)', idAt.line + 1, idAt.column));
      lessonIds.set(meta.id, lessonFile);
      if (meta.quiz) {
        const questionIds = new Set<string>();
        meta.quiz.questions.forEach((question, index) => {
          if (questionIds.has(question.id)) {
            const qAt = locate(parsed, ['quiz', 'questions', index, 'id']);
            problems.push(problem(lessonFile, `quiz question id "${question.id}" is used twice`, 'give every question in the quiz a unique id', qAt.line + 1, qAt.column));
          }
          questionIds.add(question.id);
        });
      }
      if (meta.exercise) {
        if (!exerciseLessonTypes.has(meta.type)) {
          const exAt = locate(parsed, ['exercise']);
          problems.push(problem(lessonFile, `a ${meta.type} lesson cannot have an exercise`, 'remove "exercise:" or change the type to practice, challenge, guided, code-along or project', exAt.line + 1, exAt.column));
        } else if (!exercises.has(meta.exercise)) {
          const spec = checkExercise(files, lessonFile, meta.exercise, manifest, problems);
          if (spec) exercises.set(meta.exercise, spec);
        }
      }
      const exerciseSpec = meta.exercise ? exercises.get(meta.exercise) : undefined;
      const stepExercise = exerciseSpec ? { language: exerciseSpec.language, testSources: testFilesOf(files, meta.exercise!, exerciseSpec.language).map((file) => text(files, file) ?? '') } : null;
      problems.push(...lessonTypeProblems(lessonFile, parsed, meta, stepExercise));
      for (const link of markdownTargets(split.body)) {
        const line = split.bodyLine + link.line - 1;
        const leads = classifyLink(lessonFile, link.target, link.image);
        if (leads.kind === 'problem') problems.push(problem(lessonFile, leads.message, leads.hint, line, link.column));
        else if (leads.kind === 'file' && !files.has(leads.path)) {
          problems.push(problem(lessonFile, `${link.image ? 'image' : 'link'} "${link.target}" does not resolve (no file ${leads.path})`, 'fix the path (relative to this lesson file) or add the file', line, link.column));
        }
      }
      lessons.push({ moduleId: module.id, path: lessonFile, position: lessons.length, meta, body: split.body });
    });
  });
  problems.push(...courseConceptProblems(parsedCourse, manifest, new Set(lessonIds.keys())));
  const exam = examBankProblems(files, manifest, exercises, problems);
  projectBriefProblems(files, manifest, problems);
  return { course: problems.length ? null : { manifest, lessons, exercises, exam }, problems };
}
