// Installed courses: install/upgrade from a folder or a .drona file (validated in memory,
// staged in a temp folder inside the data dir, then renamed), the catalog, lessons,
// exercises, and FTS5 search. Progress lives in lesson_progress keyed by lesson id, so an
// upgrade keeps it; lessons dropped upstream keep their row with removed_at set.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Store } from '../store/open-store';
import { courses, domains, lessonProgress, lessons, modules, tracks } from '../store/schema';
import { exerciseFileRefusal } from './bundle-allow-list';
import { formatProblem, problem, readBundleDir, type BundleFiles, type BundleProblem } from './bundle-files';
import { classifyLink, loadBundle, markdownTargets, splitFrontMatter, type KnownCourses, type LoadedCourse } from './course-bundle';
import { exerciseSchema, lessonFrontMatterSchema, type LessonFrontMatter } from './course-format';
import { defaultPackLimits, manifestFor, readPack, sha256, type PackLimits } from './course-pack';
import { ftsQuery, passagesOf, plainText } from './lesson-text';
import { locate, parseYaml as parseYamlLocations } from './yaml-locations';
import { parse as parseYaml } from 'yaml';
import { messageOf } from '../../preload/contract';
import type { SandboxFile, SandboxLanguage, SandboxLimitsInput } from '../../preload/contract/sandbox';
import type { WorkspaceFile } from '../../preload/contract/workspace';
import type { CourseDetail, CourseStatus, CourseSummary, ImportResult, LessonContent, LessonOutline, SearchHit } from '../../preload/contract/courses';

/** A bundle that cannot be installed, with every reason. Nothing was written. */
export class CourseImportError extends Error {
  constructor(readonly problems: readonly BundleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CourseImportError';
  }
}

/** The contract's course detail plus course.yaml `achievements:` as written (the progress service defines their shape). */
export type InstalledCourseDetail = CourseDetail & { readonly achievements: unknown[] };

/** An exercise as the workspace, sandbox and tutor take it (main only: the renderer never sees tests or solutions). */
export interface ExerciseContent {
  readonly language: SandboxLanguage;
  readonly entry: string;
  readonly files: WorkspaceFile[];
  readonly tests: SandboxFile[];
  readonly solution: SandboxFile[];
  readonly hints: string[];
  readonly limits?: SandboxLimitsInput;
}

export interface PassageHit {
  readonly courseId: string;
  readonly lessonId: string;
  readonly heading: string;
  readonly text: string;
  readonly score: number;
}

/** Images inlined into one lesson's body, in characters of data: URL. */
const MAX_INLINED_BYTES = 16 * 1024 * 1024;

const imageTypes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

/** -1, 0 or 1; pre-release suffixes sort before the release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2) as [string, string | undefined];
  const [coreB, preB] = b.split('-', 2) as [string, string | undefined];
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((partsA[i] ?? 0) !== (partsB[i] ?? 0)) return (partsA[i] ?? 0) < (partsB[i] ?? 0) ? -1 : 1;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

export class CourseService {
  readonly coursesDir: string;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
    private readonly limits: PackLimits = defaultPackLimits,
    /** Told after every install or upgrade (the app broadcasts courses.changed). */
    private readonly onChange: (courseId: string) => void = () => {},
  ) {
    this.coursesDir = path.join(dataDir, 'courses');
    fs.mkdirSync(this.coursesDir, { recursive: true, mode: 0o700 });
    this.sweepStaging();
  }

  /** Leftovers of an install interrupted by a crash: never live content. */
  private sweepStaging(): void {
    for (const name of fs.readdirSync(this.coursesDir)) {
      if (name.startsWith('.staging-') || name.startsWith('.old-')) fs.rmSync(path.join(this.coursesDir, name), { recursive: true, force: true });
    }
  }

  knownCourses(): Map<string, readonly string[]> {
    const rows = this.store.db.select({ id: courses.id, prerequisites: courses.prerequisites }).from(courses).all();
    return new Map(rows.map((row) => [row.id, row.prerequisites]));
  }

  /** Validates a folder (no install). `extra` adds courses validated together (prerequisites). */
  validateDir(dir: string, extra: KnownCourses = new Map()): { course: LoadedCourse | null; problems: BundleProblem[]; files: BundleFiles } {
    const { files, problems } = readBundleDir(dir);
    const known = new Map([...this.knownCourses(), ...extra]);
    const loaded = loadBundle(files, known);
    return { course: problems.length ? null : loaded.course, problems: [...problems, ...loaded.problems], files };
  }

  installDir(dir: string, options: { builtIn?: boolean } = {}): ImportResult {
    if (!fs.existsSync(path.join(dir, 'course.yaml'))) throw new CourseImportError([problem('course.yaml', `${dir} has no course.yaml`, 'point at a course folder (the one holding course.yaml) or a .drona file')]);
    const { files, problems } = readBundleDir(dir);
    if (problems.length) throw new CourseImportError(problems);
    return this.installFiles(files, options);
  }

  async importPack(bytes: Buffer): Promise<ImportResult> {
    const pack = await readPack(bytes, this.limits);
    if (pack.problems.length || !pack.manifest) throw new CourseImportError(pack.problems);
    const result = this.installFiles(pack.files, {});
    if (result.courseId !== pack.manifest.courseId) {
      throw new CourseImportError([problem('manifest.json', `manifest.json says "${pack.manifest.courseId}" but course.yaml says "${result.courseId}"`, 'pack the course again')]);
    }
    return result;
  }

  /** A .drona file or a course folder. */
  async importPath(target: string): Promise<ImportResult> {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) return this.installDir(target);
    if (stat.size > this.limits.maxTotalBytes) {
      throw new CourseImportError([problem(path.basename(target), `the file is ${stat.size} bytes, over the ${this.limits.maxTotalBytes}-byte limit`, 'import a smaller bundle')]);
    }
    return this.importPack(fs.readFileSync(target));
  }

  /** Every folder under `root` with a course.yaml; idempotent, upgrades when the bundled copy is newer or changed. */
  installBuiltins(root: string): { results: ImportResult[]; failures: { dir: string; message: string }[] } {
    const results: ImportResult[] = [];
    const failures: { dir: string; message: string }[] = [];
    if (!fs.existsSync(root)) return { results, failures };
    const dirs = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'course.yaml')))
      .map((entry) => path.join(root, entry.name));
    // Prerequisites may point at each other: install in an order where they come first.
    const pending = [...dirs];
    for (let round = 0; pending.length && round < dirs.length + 1; round++) {
      for (const dir of [...pending]) {
        try {
          results.push(this.installDir(dir, { builtIn: true }));
          pending.splice(pending.indexOf(dir), 1);
        } catch (error) {
          const unknownPrereq = error instanceof CourseImportError && error.problems.every((p) => p.message.includes('is not an installed or bundled course'));
          if (!unknownPrereq || round === dirs.length) {
            failures.push({ dir, message: messageOf(error) });
            pending.splice(pending.indexOf(dir), 1);
          }
        }
      }
    }
    return { results, failures };
  }

  installFiles(files: BundleFiles, options: { builtIn?: boolean }): ImportResult {
    const loaded = loadBundle(files, this.knownCourses());
    if (!loaded.course) throw new CourseImportError(loaded.problems);
    const course = loaded.course;
    const { manifest } = course;
    const digest = sha256(Buffer.from(JSON.stringify(manifestFor(files, manifest.id, manifest.version))));
    const existing = this.store.db.select().from(courses).where(eq(courses.id, manifest.id)).get();
    if (!options.builtIn) {
      const claims = this.claimProblems(files, manifest, existing?.builtIn ?? false);
      if (claims.length) throw new CourseImportError(claims);
    }
    if (existing) {
      const order = compareVersions(manifest.version, existing.version);
      if (existing.manifestDigest === digest) {
        return { courseId: manifest.id, title: manifest.title, version: manifest.version, outcome: 'unchanged', previousVersion: existing.version, lessonCount: course.lessons.length, removedLessons: [] };
      }
      // Built-in content follows the app; imported content only moves forward.
      if (order < 0 && !options.builtIn) {
        throw new CourseImportError([problem('course.yaml', `version ${manifest.version} is older than the installed ${existing.version} of "${manifest.id}"`, 'import a newer version, or keep the one you have')]);
      }
      if (order === 0 && !options.builtIn) {
        throw new CourseImportError([problem('course.yaml', `version ${manifest.version} of "${manifest.id}" is already installed with different content`, 'the author must raise "version" in course.yaml when the content changes')]);
      }
    }

    // Stage every file inside the data dir (same file system, so the rename is atomic).
    const staging = path.join(this.coursesDir, `.staging-${randomBytes(6).toString('hex')}`);
    const finalDir = path.join(this.coursesDir, manifest.id);
    const oldDir = path.join(this.coursesDir, `.old-${randomBytes(6).toString('hex')}`);
    let movedOld = false;
    try {
      for (const [name, content] of files) {
        const target = path.join(staging, name);
        if (!target.startsWith(staging + path.sep)) throw new Error(`refusing to write ${name} outside the staging folder`);
        // Private like the rest of the data folder (hidden tests and solutions included).
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        fs.writeFileSync(target, content, { flag: 'wx', mode: 0o600 });
      }
      if (fs.existsSync(finalDir)) {
        fs.renameSync(finalDir, oldDir);
        movedOld = true;
      }
      fs.renameSync(staging, finalDir);
      const removedLessons = this.writeRows(course, digest, options.builtIn ?? false);
      if (movedOld) fs.rmSync(oldDir, { recursive: true, force: true });
      this.onChange(manifest.id);
      return {
        courseId: manifest.id,
        title: manifest.title,
        version: manifest.version,
        outcome: existing ? 'upgraded' : 'installed',
        previousVersion: existing?.version ?? null,
        lessonCount: course.lessons.length,
        removedLessons,
      };
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (movedOld) {
        fs.rmSync(finalDir, { recursive: true, force: true });
        fs.renameSync(oldDir, finalDir);
      }
      throw error;
    }
  }

  /**
   * An imported course may not take a built-in course's id (it would replace the app's own
   * content), nor redefine a domain or track other installed courses share (its title, or the
   * track's domain, would change for all of them). Built-in installs skip this: the app's
   * courses follow the app.
   */
  private claimProblems(files: BundleFiles, manifest: LoadedCourse['manifest'], builtInId: boolean): BundleProblem[] {
    const parsed = parseYamlLocations(files.get('course.yaml')?.toString('utf8') ?? '');
    const at = (key: string, field?: string) => locate(parsed, field ? [key, field] : [key]);
    const problems: BundleProblem[] = [];
    if (builtInId) {
      const pos = at('id');
      problems.push(problem('course.yaml', `"${manifest.id}" is the id of a built-in course; an imported course cannot replace it`, 'give your course its own id in course.yaml (ids are stable: choose one you keep)', pos.line, pos.column));
    }
    const othersIn = (trackIds: string[]) =>
      trackIds.length ? this.store.db.select({ id: courses.id }).from(courses).where(inArray(courses.trackId, trackIds)).all().filter((row) => row.id !== manifest.id).map((row) => row.id) : [];
    const domain = this.store.db.select().from(domains).where(eq(domains.id, manifest.domain.id)).get();
    if (domain && domain.title !== manifest.domain.title) {
      const users = othersIn(this.store.db.select({ id: tracks.id }).from(tracks).where(eq(tracks.domainId, domain.id)).all().map((row) => row.id));
      if (users.length) {
        const pos = at('domain', 'title');
        problems.push(problem('course.yaml', `domain "${domain.id}" is titled "${domain.title}" for ${users.join(', ')}; this course would rename it to "${manifest.domain.title}"`, `use domain: { id: ${domain.id}, title: ${domain.title} }, or a new domain id`, pos.line, pos.column));
      }
    }
    const track = this.store.db.select().from(tracks).where(eq(tracks.id, manifest.track.id)).get();
    if (track && (track.title !== manifest.track.title || track.domainId !== manifest.domain.id)) {
      const users = othersIn([track.id]);
      if (users.length) {
        const pos = at('track', track.title !== manifest.track.title ? 'title' : 'id');
        const change = track.title !== manifest.track.title ? `rename it to "${manifest.track.title}"` : `move it to domain "${manifest.domain.id}"`;
        problems.push(problem('course.yaml', `track "${track.id}" ("${track.title}", domain "${track.domainId}") is shared with ${users.join(', ')}; this course would ${change}`, `use track: { id: ${track.id}, title: ${track.title} } in domain "${track.domainId}", or a new track id`, pos.line, pos.column));
      }
    }
    return problems;
  }

  private writeRows(course: LoadedCourse, digest: string, builtIn: boolean): string[] {
    const { manifest } = course;
    const at = this.now();
    const sqlite = this.store.sqlite;
    return this.store.transaction((db) => {
      db.insert(domains).values({ id: manifest.domain.id, title: manifest.domain.title }).onConflictDoUpdate({ target: domains.id, set: { title: manifest.domain.title } }).run();
      db.insert(tracks)
        .values({ id: manifest.track.id, domainId: manifest.domain.id, title: manifest.track.title })
        .onConflictDoUpdate({ target: tracks.id, set: { title: manifest.track.title, domainId: manifest.domain.id } })
        .run();
      const row = {
        trackId: manifest.track.id,
        title: manifest.title,
        version: manifest.version,
        summary: manifest.summary,
        difficulty: manifest.difficulty,
        languages: manifest.languages,
        estimatedHours: manifest.estimatedHours,
        prerequisites: manifest.prerequisites,
        authors: manifest.authors,
        license: manifest.license,
        installPath: path.join('courses', manifest.id),
        manifestDigest: digest,
        builtIn,
        updatedAt: at,
      };
      db.insert(courses).values({ id: manifest.id, installedAt: at, ...row }).onConflictDoUpdate({ target: courses.id, set: row }).run();
      db.delete(modules).where(eq(modules.courseId, manifest.id)).run();
      manifest.modules.forEach((module, position) => db.insert(modules).values({ courseId: manifest.id, moduleId: module.id, title: module.title, position }).run());
      const keep = new Set(course.lessons.map((lesson) => lesson.meta.id));
      const previous = db.select({ lessonId: lessons.lessonId }).from(lessons).where(and(eq(lessons.courseId, manifest.id), isNull(lessons.removedAt))).all();
      const removed = previous.map((lesson) => lesson.lessonId).filter((id) => !keep.has(id));
      if (removed.length) db.update(lessons).set({ removedAt: at }).where(and(eq(lessons.courseId, manifest.id), inArray(lessons.lessonId, removed))).run();
      for (const lesson of course.lessons) {
        const values = {
          moduleId: lesson.moduleId,
          title: lesson.meta.title,
          type: lesson.meta.type,
          xp: lesson.meta.xp,
          parTimeSeconds: Math.round(lesson.meta.parTimeMinutes * 60),
          position: lesson.position,
          path: lesson.path,
          removedAt: null,
        };
        db.insert(lessons).values({ courseId: manifest.id, lessonId: lesson.meta.id, ...values }).onConflictDoUpdate({ target: [lessons.courseId, lessons.lessonId], set: values }).run();
      }
      sqlite.prepare('DELETE FROM lesson_search WHERE course_id = ?').run(manifest.id);
      sqlite.prepare('DELETE FROM lesson_passages WHERE course_id = ?').run(manifest.id);
      const addSearch = sqlite.prepare('INSERT INTO lesson_search (course_id, lesson_id, title, body) VALUES (?, ?, ?, ?)');
      const addPassage = sqlite.prepare('INSERT INTO lesson_passages (course_id, lesson_id, heading, text) VALUES (?, ?, ?, ?)');
      for (const lesson of course.lessons) {
        const objectives = lesson.meta.objectives.join('. ');
        addSearch.run(manifest.id, lesson.meta.id, lesson.meta.title, `${objectives}. ${plainText(lesson.body)}`);
        for (const passage of passagesOf(lesson.meta.title, lesson.body)) addPassage.run(manifest.id, lesson.meta.id, passage.heading, passage.text);
      }
      return removed;
    });
  }

  private progressByCourse(): Map<string, Map<string, string>> {
    const rows = this.store.db.select({ courseId: lessonProgress.courseId, lessonId: lessonProgress.lessonId, status: lessonProgress.status }).from(lessonProgress).all();
    const byCourse = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!byCourse.has(row.courseId)) byCourse.set(row.courseId, new Map());
      byCourse.get(row.courseId)!.set(row.lessonId, row.status);
    }
    return byCourse;
  }

  listCourses(): CourseSummary[] {
    const rows = this.store.db
      .select({ course: courses, track: tracks, domain: domains })
      .from(courses)
      .innerJoin(tracks, eq(tracks.id, courses.trackId))
      .innerJoin(domains, eq(domains.id, tracks.domainId))
      .all();
    const live = this.store.db.select({ courseId: lessons.courseId, lessonId: lessons.lessonId }).from(lessons).where(isNull(lessons.removedAt)).all();
    const lessonsByCourse = new Map<string, string[]>();
    for (const lesson of live) {
      if (!lessonsByCourse.has(lesson.courseId)) lessonsByCourse.set(lesson.courseId, []);
      lessonsByCourse.get(lesson.courseId)!.push(lesson.lessonId);
    }
    const progress = this.progressByCourse();
    const counts = new Map(
      rows.map(({ course }) => {
        const ids = lessonsByCourse.get(course.id) ?? [];
        const statuses = progress.get(course.id) ?? new Map<string, string>();
        const completed = ids.filter((id) => statuses.get(id) === 'completed').length;
        const started = ids.some((id) => statuses.has(id) && statuses.get(id) !== 'not_started');
        const status: CourseStatus = ids.length > 0 && completed === ids.length ? 'completed' : started ? 'in-progress' : 'not-started';
        return [course.id, { total: ids.length, completed, status }] as const;
      }),
    );
    const titles = new Map(rows.map(({ course }) => [course.id, course.title]));
    return rows
      .map(({ course, track, domain }) => {
        const prerequisites = course.prerequisites.map((id) => ({ id, title: titles.get(id) ?? id, completed: counts.get(id)?.status === 'completed' }));
        const missing = prerequisites.filter((prerequisite) => !prerequisite.completed);
        const count = counts.get(course.id)!;
        return {
          id: course.id,
          title: course.title,
          version: course.version,
          summary: course.summary,
          domain: { id: domain.id, title: domain.title },
          track: { id: track.id, title: track.title },
          difficulty: course.difficulty,
          languages: course.languages,
          estimatedHours: course.estimatedHours,
          prerequisites,
          builtIn: course.builtIn,
          lessonCount: count.total,
          completedCount: count.completed,
          status: count.status,
          lockedReason: missing.length ? `Finish ${missing.map((prerequisite) => prerequisite.title).join(' and ')} first.` : null,
        };
      })
      .sort((a, b) => a.domain.title.localeCompare(b.domain.title) || a.track.title.localeCompare(b.track.title) || a.title.localeCompare(b.title));
  }

  getCourse(courseId: string): InstalledCourseDetail | null {
    const summary = this.listCourses().find((course) => course.id === courseId);
    if (!summary) return null;
    const moduleRows = this.store.db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(modules.position).all();
    const lessonRows = this.store.db.select().from(lessons).where(and(eq(lessons.courseId, courseId), isNull(lessons.removedAt))).orderBy(lessons.position).all();
    const statuses = this.progressByCourse().get(courseId) ?? new Map<string, string>();
    const dir = this.courseDir(courseId);
    const courseYaml = dir ? path.join(dir, 'course.yaml') : null;
    const achievements = courseYaml && fs.existsSync(courseYaml) ? ((parseYaml(fs.readFileSync(courseYaml, 'utf8')) as { achievements?: unknown[] }).achievements ?? []) : [];
    return {
      ...summary,
      achievements,
      modules: moduleRows.map((module) => ({
        id: module.moduleId,
        title: module.title,
        lessons: lessonRows
          .filter((lesson) => lesson.moduleId === module.moduleId)
          .map((lesson) => ({
            id: lesson.lessonId,
            title: lesson.title,
            type: lesson.type,
            xp: lesson.xp,
            parTimeMinutes: (lesson.parTimeSeconds ?? 0) / 60,
            status: (statuses.get(lesson.lessonId) ?? 'not_started') as LessonOutline['status'],
          })),
      })),
    };
  }

  private courseDir(courseId: string): string | null {
    const row = this.store.db.select({ installPath: courses.installPath }).from(courses).where(eq(courses.id, courseId)).get();
    return row ? path.join(this.dataDir, row.installPath) : null;
  }

  private lessonSource(courseId: string, lessonId: string): { dir: string; path: string; moduleId: string; meta: LessonFrontMatter; body: string } | null {
    const dir = this.courseDir(courseId);
    const row = this.store.db.select().from(lessons).where(and(eq(lessons.courseId, courseId), eq(lessons.lessonId, lessonId), isNull(lessons.removedAt))).get();
    if (!dir || !row) return null;
    const file = path.join(dir, row.path);
    if (!fs.existsSync(file)) return null;
    const split = splitFrontMatter(fs.readFileSync(file, 'utf8'));
    if (!split) return null;
    const meta = lessonFrontMatterSchema.parse(parseYaml(split.frontMatter));
    return { dir, path: row.path, moduleId: row.moduleId, meta, body: split.body };
  }

  /**
   * Bundle-relative links work in both Electron and serve mode without a file route: images
   * become data: URLs (the CSP allows them) and links to other lessons become `#lesson/<id>`,
   * which LessonMarkdown opens in place.
   */
  private resolveLinks(courseId: string, dir: string, lessonPath: string, body: string): string {
    // Only targets that lead to a file in the course change; anything else (a course installed
    // before links were checked may hold malformed ones) is left for the renderer's own rules.
    const targets = markdownTargets(body).flatMap((link) => {
      const leads = classifyLink(lessonPath, link.target, link.image);
      return leads.kind === 'file' ? [{ ...link, relative: leads.path }] : [];
    });
    if (targets.length === 0) return body;
    const lessonIds = new Map(
      this.store.db.select({ lessonId: lessons.lessonId, path: lessons.path }).from(lessons).where(and(eq(lessons.courseId, courseId), isNull(lessons.removedAt))).all().map((row) => [row.path, row.lessonId]),
    );
    const replacements = new Map<string, string | null>();
    // Each image is inlined as a data: URL at every use; a lesson repeating a large image
    // thousands of times must not build a body of gigabytes.
    let inlinedBytes = 0;
    let out = '';
    let copied = 0;
    for (const { relative, image, start, end } of targets) {
      const key = `${image ? '!' : ''}${relative}`;
      if (!replacements.has(key)) {
        let replacement: string | null = null;
        const file = path.join(dir, relative);
        const mime = imageTypes[path.extname(relative).toLowerCase()];
        if (image && mime && fs.existsSync(file) && fs.statSync(file).size <= 1024 * 1024) replacement = `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`;
        else if (!image && lessonIds.has(relative)) replacement = `#lesson/${lessonIds.get(relative)}`;
        replacements.set(key, replacement);
      }
      const replacement = replacements.get(key);
      if (!replacement) continue;
      if (replacement.startsWith('data:')) {
        inlinedBytes += replacement.length;
        if (inlinedBytes > MAX_INLINED_BYTES) continue;
      }
      out += body.slice(copied, start) + replacement;
      copied = end;
    }
    return out + body.slice(copied);
  }

  getLesson(courseId: string, lessonId: string): LessonContent | null {
    const source = this.lessonSource(courseId, lessonId);
    if (!source) return null;
    const { meta } = source;
    return {
      courseId,
      lessonId,
      moduleId: source.moduleId,
      title: meta.title,
      type: meta.type,
      xp: meta.xp,
      parTimeMinutes: meta.parTimeMinutes,
      objectives: meta.objectives,
      body: this.resolveLinks(courseId, source.dir, source.path, source.body),
      quiz: meta.quiz ?? null,
      reflection: meta.reflection ?? null,
      hasExercise: Boolean(meta.exercise && fs.existsSync(path.join(source.dir, meta.exercise, 'exercise.yaml'))),
    };
  }

  getExercise(courseId: string, lessonId: string): ExerciseContent | null {
    const source = this.lessonSource(courseId, lessonId);
    if (!source?.meta.exercise) return null;
    const folder = path.join(source.dir, source.meta.exercise);
    const specFile = path.join(folder, 'exercise.yaml');
    if (!fs.existsSync(specFile)) return null;
    const spec = exerciseSchema.parse(parseYaml(fs.readFileSync(specFile, 'utf8')));
    const read = (variant: string, file: string) => fs.readFileSync(path.join(folder, variant, file), 'utf8');
    const roles = [...spec.files.editable.map((file) => [file, 'editable'] as const), ...spec.files.readOnly.map((file) => [file, 'readOnly'] as const), ...spec.files.hidden.map((file) => [file, 'hidden'] as const)].filter(
      // As for tests below: what a course installed before the allow-list declares, it does not hand out.
      ([file]) => exerciseFileRefusal('starter', file) === null,
    );
    const testsDir = path.join(folder, 'tests');
    const tests = fs.existsSync(testsDir)
      ? fs
          .readdirSync(testsDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(testsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          // A course installed before the allow-list may hold hidden or tool files here; they go nowhere.
          .filter((file) => exerciseFileRefusal('tests', file) === null)
          .sort()
          .map((file) => ({ path: file, content: fs.readFileSync(path.join(testsDir, file), 'utf8') }))
      : [];
    return {
      language: spec.language,
      entry: spec.entry,
      files: roles.map(([file, role]) => ({ path: file, content: read('starter', file), role })),
      tests,
      solution: roles.map(([file]) => ({ path: file, content: read('solution', file) })),
      hints: spec.hints,
      ...(spec.limits ? { limits: spec.limits } : {}),
    };
  }

  search(query: string, options: { limit?: number; courseId?: string } = {}): SearchHit[] {
    const match = ftsQuery(query, 'all');
    if (!match) return [];
    const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
    // Rank first (bm25 over every match), then build snippets only for the rows returned:
    // snippet() on every match would dominate the query for common words.
    const rows = this.store.sqlite
      .prepare(
        `WITH top AS (
           SELECT rowid AS id, bm25(lesson_search, 0, 0, 8.0, 1.0) AS rank FROM lesson_search
            WHERE lesson_search MATCH ? ${options.courseId ? 'AND course_id = ?' : ''}
            ORDER BY rank LIMIT ?)
         SELECT s.course_id AS courseId, s.lesson_id AS lessonId, s.title AS title, c.title AS courseTitle,
                snippet(lesson_search, 3, '«', '»', '…', 12) AS snippet, top.rank AS rank
           FROM top JOIN lesson_search s ON s.rowid = top.id JOIN courses c ON c.id = s.course_id
          WHERE lesson_search MATCH ? ORDER BY top.rank`,
      )
      .all(...[match, ...(options.courseId ? [options.courseId] : []), limit, match]) as { courseId: string; lessonId: string; title: string; courseTitle: string; snippet: string; rank: number }[];
    return rows.map(({ rank, ...row }) => ({ ...row, score: -rank }));
  }

  passages(query: string, options: { limit?: number; courseId?: string; lessonId?: string } = {}): PassageHit[] {
    const match = ftsQuery(query, 'any');
    if (!match) return [];
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
    const filters = [options.courseId ? 'AND course_id = ?' : '', options.lessonId ? 'AND lesson_id = ?' : ''].join(' ');
    const rows = this.store.sqlite
      .prepare(
        `WITH top AS (SELECT rowid AS id, bm25(lesson_passages, 0, 0, 4.0, 1.0) AS rank FROM lesson_passages WHERE lesson_passages MATCH ? ${filters} ORDER BY rank LIMIT ?)
         SELECT p.course_id AS courseId, p.lesson_id AS lessonId, p.heading AS heading, p.text AS text, top.rank AS rank
           FROM top JOIN lesson_passages p ON p.rowid = top.id ORDER BY top.rank`,
      )
      .all(...[match, ...(options.courseId ? [options.courseId] : []), ...(options.lessonId ? [options.lessonId] : []), limit]) as { courseId: string; lessonId: string; heading: string; text: string; rank: number }[];
    return rows.map(({ rank, ...row }) => ({ ...row, score: -rank }));
  }
}
