// Installs courses: from a folder or a .drona file (validated in memory, staged in a temp
// folder inside the data dir, then renamed, so an install is whole or absent), and the app's
// built-in courses at start-up. Upgrades keep progress: it is keyed by lesson id.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { DronaError, messageOf } from '../../../preload/contract/errors';
import { MAX_UI_IMPORT_BYTES, type ImportResult } from '../../../preload/contract/courses';
import type { Store } from '../../store/open-store';
import { courses, lessons } from '../../store/schema';
import { formatProblem, problem, readBundleDir, type BundleFiles } from '../bundle/bundle-files';
import { loadBundle, type KnownCourses } from '../bundle/course-bundle';
import { defaultPackLimits, manifestFor, readPack, sha256, type PackLimits } from '../bundle/course-pack';
import { claimProblems } from './course-claims';
import { CourseImportError } from './course-import-error';
import { compareVersions } from './compare-versions';
import { writeCourseRows } from './course-rows';
import { BuiltinFingerprints, folderFingerprint } from './builtin-fingerprint';

export interface InstallerOptions {
  readonly now?: () => number;
  readonly limits?: PackLimits;
  /** Told after every install or upgrade (the app broadcasts courses.changed). */
  readonly onChange?: (courseId: string) => void;
}

export class CourseInstaller {
  readonly coursesDir: string;
  private readonly now: () => number;
  private readonly limits: PackLimits;
  private readonly onChange: (courseId: string) => void;

  constructor(
    private readonly store: Store,
    dataDir: string,
    /** Installed courses and their prerequisites, which a bundle's prerequisites must name. */
    private readonly catalog: { knownCourses(): KnownCourses },
    options: InstallerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.limits = options.limits ?? defaultPackLimits;
    this.onChange = options.onChange ?? (() => {});
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

  /** A .drona file picked or dropped in a window: refusals become one invalid_input error listing every problem. */
  async importUpload(fileName: string, bytes: Buffer): Promise<ImportResult> {
    if (bytes.length > MAX_UI_IMPORT_BYTES) throw new DronaError('invalid_input', `${fileName} is larger than ${MAX_UI_IMPORT_BYTES / 1024 / 1024} MB; import it with \`drona course import\` instead.`);
    try {
      return await this.importPack(bytes);
    } catch (error) {
      if (!(error instanceof CourseImportError)) throw error;
      const count = error.problems.length;
      throw new DronaError(
        'invalid_input',
        `${fileName} was not imported (${count} problem${count === 1 ? '' : 's'}); nothing was changed.\n${error.problems.map(formatProblem).join('\n')}`,
        { problems: error.problems },
      );
    }
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

  /**
   * Every folder under `root` with a course.yaml; idempotent, upgrades when the bundled copy is newer
   * or changed. `buildFingerprints` (readBuildFingerprints), by folder name, stand in for a folder's
   * stat fingerprint.
   */
  installBuiltins(
    root: string,
    buildFingerprints: Readonly<Record<string, string>> = {},
  ): { results: ImportResult[]; failures: { dir: string; message: string }[] } {
    const results: ImportResult[] = [];
    const failures: { dir: string; message: string }[] = [];
    if (!fs.existsSync(root)) return { results, failures };
    const dirs = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'course.yaml')))
      .map((entry) => path.join(root, entry.name));
    // A folder whose fingerprint is the one verified last time needs no read at all.
    const fingerprints = new BuiltinFingerprints(this.store, this.now);
    const pending: string[] = [];
    const fingerprintOf = new Map<string, string>();
    for (const dir of dirs) {
      const name = path.basename(dir);
      const fingerprint = Object.hasOwn(buildFingerprints, name) ? `build:${buildFingerprints[name]}` : folderFingerprint(dir);
      const known = fingerprints.unchanged(dir, fingerprint);
      if (known) {
        results.push(this.unchangedResult(known.courseId, known.title, known.version, known.version));
      } else {
        pending.push(dir);
        fingerprintOf.set(dir, fingerprint);
      }
    }
    // Prerequisites may point at each other: install in an order where they come first.
    for (let round = 0; pending.length && round < dirs.length + 1; round++) {
      for (const dir of [...pending]) {
        try {
          const result = this.installDir(dir, { builtIn: true });
          results.push(result);
          fingerprints.verified(dir, fingerprintOf.get(dir)!, result.courseId);
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
    fingerprints.save();
    return { results, failures };
  }

  private unchangedResult(courseId: string, title: string, version: string, previousVersion: string): ImportResult {
    const lessonCount = this.store.db.select({ n: count() }).from(lessons).where(eq(lessons.courseId, courseId)).get()?.n ?? 0;
    return { courseId, title, version, outcome: 'unchanged', previousVersion, lessonCount, removedLessons: [] };
  }

  /**
   * A built-in course whose bytes are the ones installed (so validated then) needs no parse: the
   * id and version are read off course.yaml's top lines only to name the digest to compare, and a
   * misread just takes the full path. Parsing and validating the four built-ins was about half of
   * serve's start-up (3.9 s of 8.5 s under load) on every start, with nothing changed.
   */
  private unchangedBuiltin(files: BundleFiles): ImportResult | null {
    const yaml = files.get('course.yaml')?.toString('utf8') ?? '';
    const id = /^id:[ \t]*([\w.-]+)[ \t]*$/m.exec(yaml)?.[1];
    const version = /^version:[ \t]*([\w.+-]+)[ \t]*$/m.exec(yaml)?.[1];
    if (!id || !version) return null;
    const existing = this.store.db.select().from(courses).where(eq(courses.id, id)).get();
    if (!existing?.builtIn || existing.manifestDigest !== sha256(Buffer.from(JSON.stringify(manifestFor(files, id, version))))) return null;
    return this.unchangedResult(id, existing.title, version, existing.version);
  }

  installFiles(files: BundleFiles, options: { builtIn?: boolean }): ImportResult {
    const unchanged = options.builtIn ? this.unchangedBuiltin(files) : null;
    if (unchanged) return unchanged;
    const loaded = loadBundle(files, this.catalog.knownCourses());
    if (!loaded.course) throw new CourseImportError(loaded.problems);
    const course = loaded.course;
    const { manifest } = course;
    const digest = sha256(Buffer.from(JSON.stringify(manifestFor(files, manifest.id, manifest.version))));
    const existing = this.store.db.select().from(courses).where(eq(courses.id, manifest.id)).get();
    if (!options.builtIn) {
      const claims = claimProblems(this.store.db, files, manifest, existing?.builtIn ?? false);
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
      const removedLessons = writeCourseRows(this.store, course, digest, options.builtIn ?? false, this.now());
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
}
