// `drona course import-exercism DIR`: converts a local clone of an Exercism track, prints what
// was converted, skipped or left out and why, validates the course (and with --run proves each
// example passes and each stub fails in the sandbox), then writes a .drona file or a folder.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { CliUserError } from '../../cli/cli-error';
import { formatProblem, type BundleFiles, type BundleProblem } from '../bundle/bundle-files';
import { loadBundle } from '../bundle/course-bundle';
import { packBundle } from '../bundle/course-pack';
import { verifyExercises, type ExerciseChecker, type ExerciseVerdict } from '../bundle/exercise-verification';
import type { ExerciseReport, TrackFiles } from './convert-exercise';
import { convertTrack, type ImportOptions, type ImportResult } from './convert-track';
import { readTrackDir } from './read-track';
import { messageOf } from '../../../preload/contract/errors';

const out = (line: string) => process.stdout.write(`${line}\n`);

interface Flags {
  trackName?: string;
  id?: string;
  courseVersion?: string;
  groupBy?: string;
  output?: string;
  run?: boolean;
  driver: string;
}

/** The exercise slug a bundle problem belongs to (its folder or its lesson), if any. */
function slugOf(p: BundleProblem, result: ImportResult): string | null {
  const folder = /^exercises\/([^/]+)\//.exec(p.file)?.[1];
  if (folder) return folder;
  const lesson = /^lessons\/[^/]+\/([^/]+)\.md$/.exec(p.file)?.[1];
  return lesson && result.exercises.some((e) => e.slug === lesson && e.outcome === 'converted') ? lesson : null;
}

export function formatReport(reports: readonly ExerciseReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    const head = `${r.slug} (${r.kind})`;
    if (r.outcome === 'converted') lines.push(`  ✓ ${head}: converted`, ...r.notes.map((note) => `      - ${note}`));
    else lines.push(`  ${r.outcome === 'skipped' ? '–' : '✗'} ${head}: ${r.outcome === 'skipped' ? 'skipped' : 'not converted'}`, ...r.reasons.map((reason) => `      - ${reason}`), ...r.notes.map((note) => `      - ${note}`));
  }
  const count = (outcome: ExerciseReport['outcome']) => reports.filter((r) => r.outcome === outcome).length;
  lines.push(`${count('converted')} of ${reports.length} exercises converted, ${count('skipped')} skipped, ${count('not-converted')} not converted.`);
  return lines;
}

async function sandboxChecker(driver: string): Promise<ExerciseChecker & { close(): Promise<void> }> {
  if (!['auto', 'docker', 'process'].includes(driver)) throw new CliUserError(`--driver must be auto, docker or process, not "${driver}".`);
  try {
    const { SandboxService } = await import('../../sandbox/sandbox-service');
    return new SandboxService({ driver: driver as 'auto' | 'docker' | 'process', warm: false }) as unknown as ExerciseChecker & { close(): Promise<void> };
  } catch (error) {
    throw new CliUserError(`--run needs the sandbox service, which could not start: ${messageOf(error)}. Import without --run, or install Docker (or python3 and node for --driver process).`);
  }
}

function writeFolder(target: string, files: BundleFiles): void {
  if (fs.existsSync(target) && fs.readdirSync(target).length) throw new CliUserError(`${target} exists and is not empty; choose a new folder or a FILE.drona.`);
  for (const [name, content] of files) {
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.writeFileSync(path.join(target, name), content);
  }
}

/**
 * Converts, validates and (given a checker) verifies a track. An exercise whose output does not
 * validate, or whose example fails or stub passes under the checker, is left out with the
 * reason and the course rebuilt without it; problems nobody can be blamed for are returned.
 */
export async function importTrack(
  files: TrackFiles,
  options: ImportOptions,
  verify?: { checker: ExerciseChecker; onVerdict?: (verdict: ExerciseVerdict) => void },
): Promise<{ result: ImportResult; problems: BundleProblem[] }> {
  const exclude = new Map(options.exclude ?? []);
  const convert = () => convertTrack(files, { ...options, exclude });
  let result = convert();
  for (let round = 0; ; round += 1) {
    if (result.errors.length) return { result, problems: [] };
    const problems = loadBundle(result.files).problems;
    if (problems.length === 0) break;
    if (round > 2 || problems.some((p) => !slugOf(p, result))) return { result, problems: [...problems] };
    for (const p of problems) exclude.set(slugOf(p, result)!, `does not validate as a course exercise: ${p.file}: ${p.message}`);
    result = convert();
  }
  if (!verify) return { result, problems: [] };
  const failed = await verifyExercises(loadBundle(result.files).course!, result.files, verify.checker, verify.onVerdict);
  if (failed.length === 0) return { result, problems: [] };
  for (const p of failed) {
    const slug = slugOf(p, result)!;
    exclude.set(slug, `${exclude.has(slug) ? `${exclude.get(slug)!}; ` : ''}--run: ${p.message.split('\n')[0]!}`);
  }
  result = convert();
  return { result, problems: result.errors.length ? [] : [...loadBundle(result.files).problems] };
}

export function registerImportExercismCommand(course: Command): void {
  course
    .command('import-exercism')
    .argument('<dir>', 'a local clone of an Exercism language track (python or javascript)')
    .option('--track-name <title>', 'the course title (default: "<Language> (from Exercism)")')
    .option('--id <id>', 'the course id (default: exercism-<track>)')
    .option('--course-version <semver>', 'the course version; raise it when re-importing an updated track', '1.0.0')
    .option('--group-by <how>', 'modules by "concepts" (one per concept exercise) or "difficulty" (default: concepts when the track has concept exercises)')
    .option('-o, --output <target>', 'a .drona file to write, or a new folder when the name does not end in .drona (default: <id>.drona)')
    .option('--run', 'run every converted exercise in the sandbox: the example must pass and the stub fail (pass, for refactoring exercises); others are left out')
    .option('--driver <driver>', 'sandbox driver for --run: auto, docker or process', 'auto')
    .description('build a course from an Exercism track, reporting per exercise what could not be converted and why')
    .action(async (dir: string, flags: Flags) => {
      if (!fs.existsSync(path.join(dir, 'config.json'))) throw new CliUserError(`${dir} is not an Exercism track: it has no config.json. Clone one first, e.g. git clone https://github.com/exercism/python`);
      if (flags.groupBy && flags.groupBy !== 'concepts' && flags.groupBy !== 'difficulty') throw new CliUserError(`--group-by must be concepts or difficulty, not "${flags.groupBy}".`);
      const read = readTrackDir(path.resolve(dir));
      const options: ImportOptions = {
        version: flags.courseVersion ?? '1.0.0',
        ...(flags.trackName ? { trackName: flags.trackName } : {}),
        ...(flags.id ? { courseId: flags.id } : {}),
        ...(flags.groupBy ? { groupBy: flags.groupBy as 'concepts' | 'difficulty' } : {}),
      };
      for (const warning of read.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (flags.output && !flags.output.endsWith('.drona') && fs.existsSync(flags.output) && fs.readdirSync(flags.output).length) throw new CliUserError(`${flags.output} exists and is not empty; choose a new folder or a FILE.drona.`);

      const checker = flags.run ? await sandboxChecker(flags.driver) : null;
      let imported: { result: ImportResult; problems: BundleProblem[] };
      try {
        imported = await importTrack(read.files, options, checker ? { checker, onVerdict: (verdict) => out(`  ${verdict.folder}: solution ${verdict.solution}, starter ${verdict.starter}${verdict.ok ? ' ✓' : ' ✗'}`) } : undefined);
      } finally {
        await checker?.close();
      }
      const { result, problems } = imported;
      for (const line of formatReport(result.exercises)) out(line);
      for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (result.errors.length) throw new CliUserError(`${result.errors.join('; ')}. Nothing was written.`);
      if (problems.length) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new CliUserError(`the converted course does not validate (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written.`);
      }

      const target = flags.output ?? `${result.courseId}.drona`;
      if (target.endsWith('.drona')) {
        const bytes = await packBundle(result.files, result.courseId, result.version);
        fs.writeFileSync(target, bytes);
        out(`Wrote ${result.courseId} ${result.version} (${result.files.size} files, ${bytes.length} bytes) to ${target}${flags.run ? '; every exercise verified' : ''}. Install it with: drona course import ${target}`);
      } else {
        writeFolder(target, result.files);
        out(`Wrote ${result.courseId} ${result.version} (${result.files.size} files) to ${target}${flags.run ? '; every exercise verified' : ''}. Check it with: drona course validate ${target}`);
      }
    });
}
