// `drona course`: validate, pack, import, list and preview course bundles (for instructors).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../app/create-app';
import type { EnvConfig } from '../../app/app-config';
import { createLogger } from '../../app/logger';
import { appVersion, packageRoot } from '../../app/package-info';
import { formatProblem, readBundleDir } from '../../courses/bundle/bundle-files';
import { loadBundle } from '../../courses/bundle/course-bundle';
import { packBundle } from '../../courses/bundle/course-pack';
import { CourseImportError } from '../../courses/course-service';
import { registerImportExercismCommand } from '../../courses/exercism/import-command';
import { verifyExercises, type ExerciseChecker } from '../../courses/bundle/exercise-verification';
import { driverRequests, type DriverRequest } from '../../sandbox/driver-choice';
import { parse as parseYaml } from 'yaml';
import { CliUserError } from '../cli-error';
import { messageOf } from '../../../preload/contract/errors';

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Prerequisites may name sibling course folders (a repository of courses) or installed courses. */
function siblingCourses(dir: string): Map<string, string[]> {
  const known = new Map<string, string[]>();
  const parent = path.dirname(path.resolve(dir));
  for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
    const file = path.join(parent, entry.name, 'course.yaml');
    if (!entry.isDirectory() || path.join(parent, entry.name) === path.resolve(dir) || !fs.existsSync(file)) continue;
    try {
      const course = parseYaml(fs.readFileSync(file, 'utf8')) as { id?: unknown; prerequisites?: unknown };
      if (typeof course.id === 'string') known.set(course.id, Array.isArray(course.prerequisites) ? course.prerequisites.map(String) : []);
    } catch {
      // A broken sibling is reported when that folder is validated.
    }
  }
  return known;
}

function requireCourseDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!fs.existsSync(path.join(resolved, 'course.yaml')))
    throw new CliUserError(`${dir} is not a course folder: it has no course.yaml. See courses/FORMAT.md.`);
  return resolved;
}

function withApp<T>(config: EnvConfig, dataDir: string | undefined, fn: (app: ReturnType<typeof createApp>) => Promise<T>): Promise<T> {
  const logger = createLogger(() => {});
  const app = createApp({
    dataDir: dataDir ? path.resolve(dataDir) : config.dataDir,
    mode: 'serve',
    version: appVersion(),
    logger,
    backgroundWork: false,
    env: config,
  });
  return fn(app).finally(() => app.close());
}

export function registerCourseCommand(program: Command, config: EnvConfig): void {
  const course = program.command('course').description('author, validate, pack and import course bundles');

  course
    .command('validate')
    .argument('<dir>', 'course folder (holding course.yaml)')
    .option('--run', 'also run every exercise: the reference solution must pass its tests, the starter must fail them')
    .option('--driver <driver>', 'sandbox driver for --run: auto, docker, wasm or process', 'auto')
    .description('check a course folder; every problem is printed as file:line:column with a fix')
    .action(async (dir: string, flags: { run?: boolean; driver: string }) => {
      const root = requireCourseDir(dir);
      const read = readBundleDir(root);
      const loaded = loadBundle(read.files, siblingCourses(root));
      const problems = [...read.problems, ...loaded.problems];
      if (problems.length === 0 && loaded.course && flags.run) {
        if (!(driverRequests as readonly string[]).includes(flags.driver))
          throw new CliUserError(`--driver must be ${driverRequests.join(', ')}, not "${flags.driver}".`);
        let checker: (ExerciseChecker & { close(): Promise<void> }) | null = null;
        try {
          const { cliUnisolatedHint, SandboxService } = await import('../../sandbox/sandbox-service');
          const sandbox = new SandboxService({
            driver: flags.driver as DriverRequest,
            warm: false,
            unisolatedHint: cliUnisolatedHint,
            environment: config.sandbox,
          });
          if ((await sandbox.driverName()) === 'none') {
            const { detail } = await sandbox.status();
            await sandbox.close();
            throw new CliUserError(`--run needs a sandbox. ${detail}`);
          }
          checker = sandbox as unknown as ExerciseChecker & { close(): Promise<void> };
        } catch (error) {
          if (error instanceof CliUserError) throw error;
          throw new CliUserError(
            `--run needs the sandbox service, which could not start: ${messageOf(error)}. Validate without --run, or install Docker (or python3 and node for --driver process).`,
          );
        }
        try {
          problems.push(
            ...(await verifyExercises(loaded.course, read.files, checker, (verdict) =>
              out(`  ${verdict.folder}: solution ${verdict.solution}, starter ${verdict.starter}${verdict.ok ? ' ✓' : ' ✗'}`),
            )),
          );
        } finally {
          await checker.close();
        }
      }
      if (problems.length) {
        for (const p of problems)
          process.stderr.write(`${path.join(dir, p.file)}${p.line > 0 ? `:${p.line}:${p.column}` : ''}: ${p.message}\n  fix: ${p.hint}\n`);
        throw new CliUserError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}.`);
      }
      const c = loaded.course!;
      out(
        `${c.manifest.id} ${c.manifest.version}: ${c.manifest.modules.length} modules, ${c.lessons.length} lessons, ${c.exercises.size} exercises — valid${flags.run ? ', every exercise verified' : ''}.`,
      );
    });

  course
    .command('pack')
    .argument('<dir>', 'course folder')
    .requiredOption('-o, --output <file>', 'the .drona file to write')
    .description('validate and pack a course into a deterministic .drona file')
    .action(async (dir: string, flags: { output: string }) => {
      const root = requireCourseDir(dir);
      const read = readBundleDir(root);
      const loaded = loadBundle(read.files, siblingCourses(root));
      const problems = [...read.problems, ...loaded.problems];
      if (problems.length || !loaded.course) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new CliUserError(`${dir} has ${problems.length} problem(s); fix them before packing (see \`drona course validate ${dir}\`).`);
      }
      const bytes = await packBundle(read.files, loaded.course.manifest.id, loaded.course.manifest.version);
      const output = flags.output.endsWith('.drona') ? flags.output : `${flags.output}.drona`;
      fs.writeFileSync(output, bytes);
      out(`Packed ${loaded.course.manifest.id} ${loaded.course.manifest.version} (${read.files.size} files, ${bytes.length} bytes) to ${output}`);
    });

  course
    .command('import')
    .argument('<source>', 'a .drona file or a course folder')
    .option('--data-dir <dir>', "the learner's data folder (default: the desktop app's)")
    .description('install or upgrade a course; progress is kept, nothing is written if any check fails')
    .action(async (source: string, flags: { dataDir?: string }) => {
      if (!fs.existsSync(source)) throw new CliUserError(`${source} does not exist.`);
      await withApp(config, flags.dataDir, async (app) => {
        const state = app.state();
        if (!('services' in state))
          throw new CliUserError(`The progress database needs attention: ${state.problem.detail}. Open Dronacharya to restore or start fresh.`);
        try {
          const result = await state.services.courses.installer.importPath(source);
          if (result.outcome === 'unchanged') out(`${result.courseId} ${result.version} is already installed.`);
          else if (result.outcome === 'upgraded')
            out(
              `Upgraded ${result.courseId} from ${result.previousVersion} to ${result.version}; progress kept${result.removedLessons.length ? `; removed lessons kept in history: ${result.removedLessons.join(', ')}` : ''}.`,
            );
          else out(`Installed ${result.courseId} ${result.version} (${result.lessonCount} lessons).`);
        } catch (error) {
          if (!(error instanceof CourseImportError)) throw error;
          for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
          throw new CliUserError(`${source} was not imported; nothing was changed.`);
        }
      });
    });

  course
    .command('list')
    .option('--data-dir <dir>', "the learner's data folder (default: the desktop app's)")
    .option('--json', 'print JSON')
    .description('list installed courses')
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      await withApp(config, flags.dataDir, async (app) => {
        const state = app.state();
        if (!('services' in state)) throw new CliUserError(`The progress database needs attention: ${state.problem.detail}.`);
        const courses = state.services.courses.listCourses();
        if (flags.json) return out(JSON.stringify(courses, null, 2));
        if (courses.length === 0) return out('No courses are installed.');
        for (const c of courses)
          out(
            `${c.id.padEnd(28)} ${c.version.padEnd(8)} ${`${c.completedCount}/${c.lessonCount}`.padEnd(7)} ${c.builtIn ? 'built-in ' : 'imported '} ${c.title}`,
          );
      });
    });

  course
    .command('preview')
    .argument('<dir>', 'course folder')
    .option('-p, --port <port>', 'port (default: any free port)')
    .description('serve the app with this course installed in a scratch data folder, reloading it when files change')
    .action(async (dir: string, flags: { port?: string }) => {
      const root = requireCourseDir(dir);
      const os = await import('node:os');
      const { startServeServer } = await import('../../serve/serve-server');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-preview-'));
      const logger = createLogger();
      const app = createApp({ dataDir, mode: 'serve', version: appVersion(), logger, builtinCoursesDir: null, env: config });
      const state = app.state();
      if (!('services' in state)) throw new CliUserError('The preview database could not start.');
      const courses = state.services.courses;
      let counter = 0;
      // Preview installs each edit as a new pre-release so upgrades (and kept progress) are exercised too.
      const reload = () => {
        const read = readBundleDir(root);
        const loaded = loadBundle(read.files, siblingCourses(root));
        if (!loaded.course || read.problems.length) {
          for (const p of [...read.problems, ...loaded.problems]) process.stderr.write(`${formatProblem(p)}\n`);
          return;
        }
        const files = new Map(read.files);
        counter += 1;
        const yaml = files
          .get('course.yaml')!
          .toString('utf8')
          .replace(/^version:[ \t]*(\S+)/m, (_line, version: string) => `version: ${version.split('-')[0]}-preview.${String(counter).padStart(6, '0')}`);
        files.set('course.yaml', Buffer.from(yaml));
        try {
          const result = courses.installer.installFiles(files, {});
          out(`${result.outcome} ${result.courseId} (${result.lessonCount} lessons)`);
        } catch (error) {
          process.stderr.write(`${messageOf(error)}\n`);
        }
      };
      reload();
      const server = await startServeServer({ app, port: flags.port ? Number(flags.port) : 0, rendererDir: path.join(packageRoot(), 'dist', 'renderer') });
      out(`Previewing ${dir} at ${server.url}`);
      let timer: NodeJS.Timeout | null = null;
      const watcher = fs.watch(root, { recursive: true }, () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(reload, 200);
      });
      const stop = async () => {
        watcher.close();
        await server.close();
        await app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  registerImportExercismCommand(course);
}
