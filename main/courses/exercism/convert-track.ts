// An Exercism language track (Python or JavaScript), as files in memory, converted to a course
// bundle in our format (courses/FORMAT.md), with a report per exercise of what was converted,
// skipped or left out and why. Pure: the CLI reads the clone (read-track.ts) and validates,
// runs and writes the result.
import { stringify } from 'yaml';
import type { BundleFiles } from '../bundle/bundle-files';
import { FORMAT_VERSION } from '../bundle/course-format';
import { buildExercise, conceptLesson, conceptNames, frontMatter, kebab, LICENSE_FILES, licenseId, text, type Built, type ExerciseReport, type Language, type TrackFiles } from './convert-exercise';
import { trackConcepts } from './track-concepts';
import { trackConfigSchema, type TrackConfig } from './track-format';
import { messageOf } from '../../../preload/contract/errors';

export interface ImportOptions {
  /** The course title (default: "<Language> (from Exercism)"). */
  readonly trackName?: string;
  readonly courseId?: string;
  readonly version?: string;
  /** Modules per concept exercise (default when the track has any), or by difficulty. */
  readonly groupBy?: 'concepts' | 'difficulty';
  /** Exercise slugs to leave out, with the reason (e.g. what `--run` found). */
  readonly exclude?: ReadonlyMap<string, string>;
}

export interface ImportResult {
  /** Empty when `errors` is not. */
  readonly files: BundleFiles;
  readonly courseId: string;
  readonly version: string;
  readonly exercises: readonly ExerciseReport[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function creditsLesson(config: TrackConfig, licenseText: string | undefined, license: string, credits: NonNullable<Built['credit']>[]): string {
  const rows = credits.map((c) => `| ${cell(c.name)} | ${cell(c.authors.join(', ') || '—')} | ${cell(c.contributors.join(', ') || '—')} | ${c.sourceUrl ? `[${cell(c.source ?? 'source')}](${c.sourceUrl})` : cell(c.source ?? '—')} |`);
  const body = [
    '# About this course',
    `This course was imported from the [Exercism](https://exercism.org) ${config.language} track with \`drona course import-exercism\`. ${config.blurb}`.trim(),
    '## License',
    licenseText
      ? `The track's exercises are licensed under ${license === 'NOASSERTION' ? 'the license below' : license}. Its license, as the track ships it:\n\n\`\`\`text\n${licenseText.trim().replace(/```/g, "'''")}\n\`\`\``
      : 'The track had no LICENSE file; ask its maintainers under which terms the exercises may be shared before publishing this course.',
    '## Credits',
    "The exercises' authors and contributors, as listed in each exercise's `.meta/config.json`:",
    ['| Exercise | Authors | Contributors | Source |', '| --- | --- | --- | --- |', ...rows].join('\n'),
  ];
  return frontMatter({ id: 'about-this-course', title: 'About this course', type: 'concept', xp: 10, parTimeMinutes: 5, objectives: ['Know where these exercises come from and how they are licensed'] }, body.join('\n\n'));
}

const difficultyModule = (difficulty: number) => (difficulty <= 3 ? 'practice-easy' : difficulty <= 7 ? 'practice-medium' : 'practice-hard');
const difficultyTitles: Record<string, string> = { 'practice-easy': 'Practice: easy', 'practice-medium': 'Practice: medium', 'practice-hard': 'Practice: hard' };

export function convertTrack(files: TrackFiles, options: ImportOptions = {}): ImportResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const empty = (courseId = options.courseId ?? 'exercism-track'): ImportResult => ({ files: new Map(), courseId, version: options.version ?? '1.0.0', exercises: [], errors, warnings });
  const configSource = text(files, 'config.json');
  if (configSource === undefined) {
    errors.push('config.json is missing: point at the root of a clone of an Exercism track (e.g. exercism/python)');
    return empty();
  }
  let config: TrackConfig;
  try {
    const parsed = trackConfigSchema.safeParse(JSON.parse(configSource));
    if (!parsed.success) {
      errors.push(`config.json does not match Exercism's track format: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return empty();
    }
    config = parsed.data;
  } catch (error) {
    errors.push(`config.json is not JSON: ${messageOf(error)}`);
    return empty();
  }
  if (config.slug !== 'python' && config.slug !== 'javascript') {
    errors.push(`the ${config.language} track ("${config.slug}") is not supported: only the python and javascript tracks can be imported, as our exercises run Python and JavaScript`);
    return empty();
  }
  const language: Language = config.slug;
  const courseId = options.courseId ?? `exercism-${config.slug}`;
  const version = options.version ?? '1.0.0';
  const exclude = options.exclude ?? new Map<string, string>();

  const concepts = config.exercises.concept;
  const practices = config.exercises.practice;
  const groupBy = options.groupBy ?? (concepts.some((c) => c.status !== 'deprecated' && c.status !== 'wip') ? 'concepts' : 'difficulty');

  // Module per concept exercise, in the track's order; a practice exercise joins the module
  // that teaches the last of its prerequisites (when every one is taught), else a module by difficulty.
  const moduleOrder: { id: string; title: string }[] = [{ id: 'about', title: 'About this course' }];
  const builtByModule = new Map<string, Built[]>();
  const reports: ExerciseReport[] = [];
  const credits: NonNullable<Built['credit']>[] = [];
  const add = (module: string, built: Built) => {
    reports.push(built.report);
    if (built.report.outcome !== 'converted' && !built.lessons.length) return;
    builtByModule.set(module, [...(builtByModule.get(module) ?? []), built]);
    if (built.credit) credits.push(built.credit);
  };
  const taughtIn = new Map<string, number>();
  if (groupBy === 'concepts') {
    for (const entry of concepts) {
      const module = kebab(entry.slug);
      const built = buildExercise(files, config, language, { kind: 'concept', entry, module }, exclude);
      add(module, built);
      if (built.report.outcome === 'skipped') continue;
      // A concept exercise left out still teaches its concept when its introduction made a lesson.
      const intro = built.lessons.length === 0 ? conceptLesson(files, config, entry, module) : null;
      if (intro) {
        builtByModule.set(module, [{ report: built.report, lessons: [intro.lesson], files: [] }]);
        reports[reports.length - 1] = { ...built.report, notes: ['its introduction is kept as a concept lesson'] };
      }
      if (!builtByModule.has(module)) continue;
      moduleOrder.push({ id: module, title: conceptNames(config, entry.concepts).join(', ') || entry.name });
      for (const concept of entry.concepts) if (!taughtIn.has(concept)) taughtIn.set(concept, moduleOrder.length - 1);
    }
  } else {
    for (const entry of concepts) {
      const built = buildExercise(files, config, language, { kind: 'concept', entry, module: 'concepts' }, exclude);
      add('concepts', built);
    }
    if (builtByModule.has('concepts')) moduleOrder.push({ id: 'concepts', title: 'Concepts' });
  }
  for (const entry of practices) {
    let module = difficultyModule(entry.difficulty);
    if (groupBy === 'concepts' && moduleOrder.length > 1 && entry.prerequisites.every((concept) => taughtIn.has(concept))) {
      module = moduleOrder[Math.max(1, ...entry.prerequisites.map((concept) => taughtIn.get(concept)!))]!.id;
    }
    add(module, buildExercise(files, config, language, { kind: 'practice', entry, module }, exclude));
  }
  for (const id of ['practice-easy', 'practice-medium', 'practice-hard']) if (builtByModule.has(id) && !moduleOrder.some((m) => m.id === id)) moduleOrder.push({ id, title: difficultyTitles[id]! });

  const configured = new Set([...concepts.map((c) => `concept/${c.slug}`), ...practices.map((p) => `practice/${p.slug}`)]);
  const folders = new Set([...files.keys()].map((name) => /^exercises\/((?:concept|practice)\/[^/]+)\//.exec(name)?.[1]).filter((folder): folder is string => Boolean(folder)));
  for (const folder of [...folders].sort()) if (!configured.has(folder)) warnings.push(`exercises/${folder} is not listed in config.json; left out`);

  if (!reports.some((report) => report.outcome === 'converted')) {
    errors.push('no exercise could be converted (see the report above)');
    return { ...empty(courseId), exercises: reports };
  }

  const licenseName = LICENSE_FILES.find((name) => files.has(name));
  const licenseText = licenseName ? text(files, licenseName) : undefined;
  let license = licenseText ? licenseId(licenseText) : null;
  if (!licenseText) warnings.push('the track has no LICENSE file: course.yaml says "NOASSERTION"; find out the terms before sharing the course');
  else if (!license) warnings.push(`${licenseName} is not a license this importer recognises: course.yaml says "NOASSERTION" and the credits lesson carries the text`);
  license ??= 'NOASSERTION';

  const bundle: BundleFiles = new Map();
  const modules: { id: string; title: string; lessons: string[] }[] = [];
  let minutes = 0;
  for (const { id, title } of moduleOrder) {
    const lessons: string[] = [];
    if (id === 'about') {
      const credit = 'lessons/about/about-this-course.md';
      bundle.set(credit, Buffer.from(creditsLesson(config, licenseText, license, credits)));
      lessons.push(credit);
      minutes += 5;
    }
    for (const built of builtByModule.get(id) ?? []) {
      for (const lesson of built.lessons) {
        bundle.set(lesson.path, Buffer.from(lesson.markdown));
        lessons.push(lesson.path);
        minutes += lesson.minutes;
      }
      for (const [name, content] of built.files) bundle.set(name, content);
    }
    if (lessons.length) modules.push({ id, title, lessons });
  }
  const bundled = [...builtByModule.values()].flat().flatMap((built) => built.lessons);
  const lessonOf = new Map(bundled.filter((lesson) => lesson.markdown.includes('\ntype: concept\n')).flatMap((lesson) => lesson.concepts.map((id) => [id, lesson.id] as const)).reverse());
  const courseConcepts = trackConcepts(config, new Set(bundled.flatMap((lesson) => lesson.concepts)), lessonOf);
  const difficulties = practices.filter((p) => reports.some((r) => r.slug === p.slug && r.outcome === 'converted')).map((p) => p.difficulty).sort((a, b) => a - b);
  const median = difficulties.length ? difficulties[Math.floor(difficulties.length / 2)]! : 1;
  const title = (options.trackName ?? `${config.language} (from Exercism)`).slice(0, 120);
  const course = {
    format: FORMAT_VERSION,
    id: courseId,
    title,
    version,
    summary: (config.blurb.trim() || `Exercises from Exercism's ${config.language} track.`).slice(0, 600),
    domain: { id: 'programming', title: 'Programming' },
    track: { id: kebab(config.slug), title: config.language },
    difficulty: median <= 3 ? 'beginner' : median <= 7 ? 'intermediate' : 'advanced',
    languages: [language],
    estimatedHours: Math.max(1, Math.round(minutes / 6) / 10),
    prerequisites: [],
    authors: [`Exercism ${config.language} track contributors`],
    license,
    modules,
    ...(courseConcepts.length ? { concepts: courseConcepts } : {}),
  };
  bundle.set('course.yaml', Buffer.from(`# Imported from the Exercism ${config.language} track by \`drona course import-exercism\`.\n${stringify(course, { lineWidth: 0 })}`));
  return { files: bundle, courseId, version, exercises: reports, errors, warnings };
}
