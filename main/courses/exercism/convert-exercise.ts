// One Exercism exercise (concept or practice) converted to lessons and an exercise folder in our
// format, with the per-language rules (file names, stubs, tests) and the report of what changed.
// Pure; convert-track.ts assembles the course from these.
import path from 'node:path';
import { stringify } from 'yaml';
import { messageOf } from '../../../preload/contract/errors';
import { JEST_COMPAT_FILE, jestCompatSource, translateJestSpec } from './jest-compat';
import { lessonMarkdown, parseHints } from './markdown';
import { exerciseMetaSchema, type ExerciseMeta, type TrackConceptExercise, type TrackConfig, type TrackPracticeExercise } from './track-format';

/** The track clone's files by POSIX path relative to its root. */
export type TrackFiles = ReadonlyMap<string, Buffer>;

export interface ExerciseReport {
  readonly slug: string;
  readonly name: string;
  readonly kind: 'concept' | 'practice';
  readonly outcome: 'converted' | 'skipped' | 'not-converted';
  /** Why it was skipped or not converted. */
  readonly reasons: readonly string[];
  /** What changed on the way, for a converted exercise. */
  readonly notes: readonly string[];
}

export type Language = 'python' | 'javascript';

interface LanguageRules {
  readonly extensions: readonly string[];
  readonly example: string;
  readonly exemplar: string;
  /** Our test file name for one of Exercism's. */
  testName(file: string): string;
  /** Whether the stub is unfinished scaffolding (not working code). */
  looksUnfinished(stub: string): boolean;
}

export const languages: Record<Language, LanguageRules> = {
  python: {
    extensions: ['.py'],
    example: '.meta/example.py',
    exemplar: '.meta/exemplar.py',
    testName: (file) => {
      const base = path.posix.basename(file);
      if (/^test_.+\.py$/.test(base)) return base;
      return `test_${base.replace(/_test\.py$/, '.py')}`;
    },
    looksUnfinished: (stub) => /^\s+(pass|\.\.\.|raise NotImplementedError\b.*)\s*$/m.test(stub) || !/^\s*(def|class)\s/m.test(stub),
  },
  javascript: {
    extensions: ['.js', '.mjs'],
    example: '.meta/proof.ci.js',
    exemplar: '.meta/exemplar.js',
    testName: (file) => path.posix.basename(file).replace(/\.spec\.(m?js)$/, '.test.$1'),
    looksUnfinished: (stub) => /Remove this (statement|line)|implement this|not implemented/i.test(stub),
  },
};

/** Files Exercism keeps beside an exercise for its own tooling; never part of a course. */
const toolingFile = (name: string) =>
  /^(package(-lock)?\.json|babel\.config\.[cm]?js|jest\.config\.[cm]?js|LICENSE(\.md|\.txt)?|README\.md|HELP\.md|.*\.d\.ts|requirements\.txt|pytest\.ini|setup\.cfg|tsconfig\.json)$/.test(name);
const dataExtensions = ['.txt', '.json', '.csv', '.md'];

export const text = (files: TrackFiles, name: string) => files.get(name)?.toString('utf8');
export const kebab = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
const words = (slug: string) => slug.split('-');
const placeholders = (slug: string): Record<string, string> => ({
  kebab_slug: slug,
  snake_slug: words(slug).join('_'),
  camel_slug: words(slug)
    .map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(''),
  pascal_slug: words(slug)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(''),
});
const expand = (pattern: string, slug: string) => pattern.replace(/%\{(\w+)\}/g, (whole, key: string) => placeholders(slug)[key] ?? whole);

export const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'COPYING'];

/** An SPDX id for the common licenses, from the license text. */
export function licenseId(licenseText: string): string | null {
  if (/Permission is hereby granted, free of charge/i.test(licenseText)) return 'MIT';
  if (/Apache License[\s\S]*Version 2\.0/i.test(licenseText)) return 'Apache-2.0';
  if (/Attribution-ShareAlike 4\.0/i.test(licenseText)) return 'CC-BY-SA-4.0';
  if (/Attribution 4\.0 International/i.test(licenseText)) return 'CC-BY-4.0';
  if (/GNU GENERAL PUBLIC LICENSE[\s\S]*Version 3/i.test(licenseText)) return 'GPL-3.0';
  return null;
}

export interface Built {
  readonly report: ExerciseReport;
  /** Lessons in order (path → Markdown), with the ids of the concepts each teaches or practises. */
  readonly lessons: { path: string; markdown: string; minutes: number; id: string; concepts: string[] }[];
  readonly files: [string, Buffer][];
  readonly credit?: { name: string; authors: string[]; contributors: string[]; source?: string; sourceUrl?: string };
}

interface ExerciseInput {
  readonly kind: 'concept' | 'practice';
  readonly entry: TrackConceptExercise | TrackPracticeExercise;
  readonly module: string;
}

export const frontMatter = (meta: Record<string, unknown>, body: string) => `---\n${stringify(meta, { lineWidth: 0 }).trimEnd()}\n---\n${body.trim()}\n`;

const genericHints = [
  'Read the instructions again, then run the tests: the first failing test says what was called, what was expected and what came back.',
  'Make one test pass at a time, in order, and run the tests after each small change.',
];

/** A track's concept slugs as the course's concept ids (kebab-case, each once). */
export const conceptIds = (slugs: readonly string[]) => [...new Set(slugs.map(kebab).filter(Boolean))];

export function conceptNames(config: TrackConfig, slugs: readonly string[]): string[] {
  return slugs.map((slug) => config.concepts.find((concept) => concept.slug === slug)?.name ?? slug.replace(/-/g, ' '));
}

export function buildExercise(files: TrackFiles, config: TrackConfig, language: Language, input: ExerciseInput, exclude: ReadonlyMap<string, string>): Built {
  const { kind, entry } = input;
  const rules = languages[language];
  const dir = `exercises/${kind}/${entry.slug}`;
  const reasons: string[] = [];
  const notes: string[] = [];
  const base = { slug: entry.slug, name: entry.name, kind };
  const fail = (): Built => ({ report: { ...base, outcome: 'not-converted', reasons, notes: [] }, lessons: [], files: [] });

  if (entry.status === 'deprecated' || entry.status === 'wip') {
    return { report: { ...base, outcome: 'skipped', reasons: [entry.status === 'deprecated' ? 'deprecated in the track' : 'work in progress (status "wip"), not ready for learners'], notes: [] }, lessons: [], files: [] };
  }
  const metaSource = text(files, `${dir}/.meta/config.json`);
  if (metaSource === undefined) {
    reasons.push(files.has(`${dir}/.docs/instructions.md`) ? `${dir}/.meta/config.json is missing` : `the folder ${dir} is missing or empty`);
    return fail();
  }
  let meta: ExerciseMeta;
  try {
    const parsed = exerciseMetaSchema.safeParse(JSON.parse(metaSource));
    if (!parsed.success) {
      reasons.push(`${dir}/.meta/config.json does not match Exercism's format: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return fail();
    }
    meta = parsed.data;
  } catch (error) {
    reasons.push(`${dir}/.meta/config.json is not JSON: ${messageOf(error)}`);
    return fail();
  }
  const trackFiles = (config as { files?: Record<string, string[]> }).files ?? {};
  const listed = (key: 'solution' | 'test' | 'example' | 'exemplar' | 'editor') => (meta.files[key].length ? meta.files[key] : (trackFiles[key] ?? []).map((pattern) => expand(pattern, entry.slug)));
  const solutionFiles = listed('solution');
  const testFiles = listed('test');
  // Type declarations (global.d.ts) only help Exercism's editor; the checks do not need them.
  const typings = listed('editor').filter((file) => file.endsWith('.d.ts'));
  const editorFiles = listed('editor').filter((file) => !typings.includes(file));
  if (typings.length) notes.push(`editor-only type declarations left out: ${typings.join(', ')}`);
  const referenceKey = kind === 'concept' ? 'exemplar' : 'example';
  let referenceFiles = listed(referenceKey).filter((file) => files.has(`${dir}/${file}`));
  if (referenceFiles.length === 0 && files.has(`${dir}/${kind === 'concept' ? rules.exemplar : rules.example}`)) referenceFiles = [kind === 'concept' ? rules.exemplar : rules.example];

  const instructions = text(files, `${dir}/.docs/instructions.md`);
  if (instructions === undefined) reasons.push('.docs/instructions.md is missing');
  if (solutionFiles.length === 0) reasons.push('no stub: .meta/config.json lists no "solution" file');
  else if (solutionFiles.length > 1) reasons.push(`several solution files (${solutionFiles.join(', ')}): the ${referenceKey} solution cannot be matched to them one to one`);
  if (referenceFiles.length === 0) reasons.push(`missing ${referenceKey} solution (${listed(referenceKey).join(', ') || (kind === 'concept' ? rules.exemplar : rules.example)} not found)`);
  else if (referenceFiles.length > 1) reasons.push(`several ${referenceKey} files (${referenceFiles.join(', ')})`);
  if (testFiles.length === 0) reasons.push('no tests: .meta/config.json lists no "test" file');
  for (const file of [...solutionFiles, ...testFiles, ...editorFiles]) {
    if (!files.has(`${dir}/${file}`)) reasons.push(`${file} is listed in .meta/config.json but missing`);
    if (file.includes('/')) reasons.push(`${file} is in a sub-folder; exercises here keep their files side by side`);
  }
  for (const file of [...solutionFiles, ...testFiles]) {
    if (!rules.extensions.includes(path.posix.extname(file))) reasons.push(`${file}: not a ${language} source file`);
  }
  for (const file of editorFiles) {
    if (![...rules.extensions, ...dataExtensions].includes(path.posix.extname(file))) reasons.push(`editor file ${file}: only ${[...rules.extensions, ...dataExtensions].join(', ')} files can be shipped`);
  }
  if (language === 'python' && testFiles.some((file) => path.posix.basename(file) === 'conftest.py')) reasons.push('conftest.py changes how pytest runs; courses do not ship one');
  const declared = new Set([...solutionFiles, ...testFiles, ...editorFiles]);
  const unlisted = [...files.keys()]
    .filter((file) => file.startsWith(`${dir}/`))
    .map((file) => file.slice(dir.length + 1))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.') || part === '__pycache__' || part === 'node_modules') && !declared.has(file) && !toolingFile(path.posix.basename(file)));
  if (unlisted.length) reasons.push(`data file${unlisted.length > 1 ? 's' : ''} not declared in .meta/config.json (${unlisted.join(', ')}): the tests may read ${unlisted.length > 1 ? 'them' : 'it'}, and only declared files are shipped`);

  // Tests: renamed to our conventions; Jest specs translated onto node:test.
  const tests: [string, string][] = [];
  for (const file of testFiles) {
    const source = text(files, `${dir}/${file}`);
    if (source === undefined) continue;
    if (language === 'javascript') {
      const translated = translateJestSpec(source);
      if (!translated.ok) {
        reasons.push(`unsupported test runner: ${file} uses Jest features our JavaScript checks (node:test) lack: ${translated.unsupported.join(', ')}`);
        continue;
      }
      for (const match of translated.source.matchAll(/\bfrom\s*['"]\.\/([^'"]+)['"]/g)) {
        const target = match[1]!;
        if (target !== JEST_COMPAT_FILE && !declared.has(target) && !testFiles.some((test) => rules.testName(test) === target)) reasons.push(`${file} imports ./${target}, which is not one of the exercise's files`);
      }
      tests.push([rules.testName(file), translated.source]);
    } else {
      tests.push([rules.testName(file), source]);
    }
  }
  const excluded = exclude.get(entry.slug);
  if (excluded) reasons.push(excluded);
  if (reasons.length) return fail();

  const stubName = solutionFiles[0]!;
  const stub = text(files, `${dir}/${stubName}`)!;
  const reference = text(files, `${dir}/${referenceFiles[0]!}`)!;
  const folder = `exercises/${entry.slug}`;
  const out: [string, Buffer][] = [];
  const put = (name: string, content: string) => out.push([`${folder}/${name}`, Buffer.from(content)]);
  put(`starter/${stubName}`, stub);
  put(`solution/${stubName}`, reference);
  for (const file of editorFiles) {
    const content = files.get(`${dir}/${file}`)!;
    out.push([`${folder}/starter/${file}`, content], [`${folder}/solution/${file}`, content]);
  }
  for (const [name, source] of tests) put(`tests/${name}`, source);
  if (language === 'javascript') put(`tests/${JEST_COMPAT_FILE}`, jestCompatSource);
  const renamed = testFiles.filter((file) => rules.testName(file) !== file);
  if (renamed.length) notes.push(`tests renamed to our convention: ${renamed.map((file) => `${file} → ${rules.testName(file)}`).join(', ')}`);
  if (language === 'javascript') notes.push(`Jest spec translated to node:test (tests/${JEST_COMPAT_FILE} provides describe/test/expect; xtest runs like test)`);

  const instructionsAppend = text(files, `${dir}/.docs/instructions.append.md`);
  const refactoring = kind === 'practice' && /\brefactor/i.test(`${instructions ?? ''}\n${instructionsAppend ?? ''}`) && !rules.looksUnfinished(stub);
  if (refactoring) notes.push('refactoring exercise: the stub is working code, so it is marked "refactoring: true" (its starter must pass the tests, not fail them)');

  const hintsSource = text(files, `${dir}/.docs/hints.md`);
  const hints = hintsSource ? parseHints(hintsSource) : [];
  if (hints.length < 2) {
    notes.push(hintsSource ? `.docs/hints.md gives ${hints.length} hint(s); ${2 - hints.length} generic one(s) added (our format asks for 2-4)` : 'no .docs/hints.md: two generic hints added (our format asks for 2-4)');
    hints.push(...genericHints.slice(0, 2 - hints.length));
  }
  put(
    'exercise.yaml',
    stringify(
      {
        language,
        entry: stubName,
        files: { editable: [stubName], readOnly: editorFiles, hidden: [] },
        hints,
        ...(refactoring ? { refactoring: true } : {}),
      },
      { lineWidth: 0 },
    ),
  );

  const lessons: Built['lessons'] = [];
  const removedLinks: string[] = [];
  const section = (source: string | undefined) => {
    if (source === undefined) return '';
    const converted = lessonMarkdown(source);
    removedLinks.push(...converted.removedLinks);
    return converted.markdown;
  };
  const difficulty = kind === 'practice' ? (entry as TrackPracticeExercise).difficulty : 2;
  const minutes = kind === 'concept' ? 20 : 10 + 5 * difficulty;
  const concepts = conceptNames(config, kind === 'concept' ? (entry as TrackConceptExercise).concepts : (entry as TrackPracticeExercise).practices);
  const lessonDir = `lessons/${input.module}`;
  if (kind === 'concept') {
    const lesson = conceptLesson(files, config, entry as TrackConceptExercise, input.module);
    if (lesson) {
      lessons.push(lesson.lesson);
      removedLinks.push(...lesson.removedLinks);
    } else notes.push('no .docs/introduction.md: no concept lesson before the exercise');
  }
  const prerequisites = conceptNames(config, entry.prerequisites);
  const introduction = kind === 'practice' ? [section(text(files, `${dir}/.docs/introduction.md`)), section(text(files, `${dir}/.docs/introduction.append.md`))].filter(Boolean).join('\n\n') : '';
  const instructionsText = [section(instructions), section(instructionsAppend)].filter(Boolean).join('\n\n');
  const body = [
    `# ${entry.name}`,
    prerequisites.length ? `*Builds on: ${prerequisites.join(', ')}.*` : '',
    refactoring ? '> [!NOTE]\n> This is a refactoring exercise: the code already works and its tests pass. Make it clearer without breaking them.' : '',
    introduction,
    introduction ? `## Instructions\n\n${instructionsText}` : instructionsText,
  ].filter(Boolean);
  const tagged = conceptIds(kind === 'concept' ? (entry as TrackConceptExercise).concepts : (entry as TrackPracticeExercise).practices);
  lessons.push({
    path: `${lessonDir}/${entry.slug}.md`,
    minutes,
    id: entry.slug,
    concepts: tagged,
    markdown: frontMatter(
      {
        id: entry.slug,
        title: entry.name,
        type: 'practice',
        xp: kind === 'concept' ? 50 : 50 + 10 * difficulty,
        parTimeMinutes: minutes,
        objectives: concepts.length ? concepts.map((name) => (kind === 'concept' ? `Use ${name} in a program` : `Practise ${name}`)) : [`Solve "${entry.name}" so that every test passes`],
        exercise: folder,
        concepts: tagged,
      },
      body.join('\n\n'),
    ),
  });
  if (removedLinks.length) notes.push(`links into the Exercism repository kept as plain text: ${[...new Set(removedLinks)].join(', ')}`);

  return {
    report: { ...base, outcome: 'converted', reasons: [], notes },
    lessons,
    files: out,
    credit: { name: entry.name, authors: meta.authors, contributors: meta.contributors, ...(meta.source ? { source: meta.source } : {}), ...(meta.source_url ? { sourceUrl: meta.source_url } : {}) },
  };
}

/** A concept exercise's .docs/introduction.md as the concept lesson before it. */
export function conceptLesson(files: TrackFiles, config: TrackConfig, entry: TrackConceptExercise, module: string): { lesson: Built['lessons'][number]; removedLinks: string[] } | null {
  const source = text(files, `exercises/concept/${entry.slug}/.docs/introduction.md`);
  if (source === undefined) return null;
  const concepts = conceptNames(config, entry.concepts);
  const title = concepts.length ? concepts.join(', ') : entry.name;
  const converted = lessonMarkdown(source);
  const tagged = conceptIds(entry.concepts);
  const id = `${entry.slug}-introduction`;
  const meta = { id, title, type: 'concept', xp: 20, parTimeMinutes: 10, objectives: concepts.length ? concepts.map((name) => `Learn about ${name}`) : [`Learn what "${entry.name}" needs`], concepts: tagged };
  return { lesson: { path: `lessons/${module}/${id}.md`, minutes: 10, id, concepts: tagged, markdown: frontMatter(meta, `# ${title}\n\n${converted.markdown}`) }, removedLinks: converted.removedLinks };
}
