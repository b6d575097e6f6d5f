// `drona check DIR`: an exercise folder's tests, run the way the Check button runs them, printed
// as a list or as Exercism's results.json (version 3), like `exercism test`. Exit 0: every test
// passed; 1: a test failed (or the folder is not an exercise); 2: the tests could not run.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { readCourseSupport } from '../../courses/bundle/course-support';
import { sandboxLanguages, type SandboxLanguage } from '../../../preload/contract/sandbox';
import type { GradedCheck } from '../../sandbox/check-results';
import { messageOf } from '../../../preload/contract/errors';
import type { EnvConfig } from '../../app/app-config';
import { driverRequests, type DriverRequest } from '../../sandbox/driver-choice';
import { exerciseFrom, readFolder } from '../../sandbox/exercise/exercise-folder';
import { ensureCodeMayRun, startCliSandbox } from './cli-sandbox';
import { CliUserError } from '../cli-error';

interface CheckFlags {
  lang?: string;
  driver?: string;
  json?: boolean;
}

/** Exercism's test-runner results (version 3) from a Check. Pure. */
export function exercismResults(result: Pick<GradedCheck, 'status' | 'message' | 'tests'>) {
  return { version: 3, status: result.status, ...(result.message ? { message: result.message } : {}), tests: result.tests };
}

const marks = { pass: '✓', fail: '✗', error: '!' } as const;

export function registerCheckCommand(program: Command, config: EnvConfig): void {
  program
    .command('check')
    .description("run an exercise folder's tests in the sandbox (our format or Exercism's) and print the results")
    .option('--lang <language>', `the exercise's language (${sandboxLanguages.join(' or ')}; default: from the test files)`)
    .option('--driver <driver>', 'auto (default: Docker, else WebAssembly), docker, wasm or process')
    .option('--json', "print Exercism's results.json (version 3)")
    .argument('<dir>', 'the exercise folder')
    .action(async (dir: string, flags: CheckFlags) => {
      if (flags.lang && !(sandboxLanguages as readonly string[]).includes(flags.lang))
        throw new CliUserError(`--lang must be one of ${sandboxLanguages.join(', ')}, not "${flags.lang}".`);
      if (flags.driver && !(driverRequests as readonly string[]).includes(flags.driver))
        throw new CliUserError(`--driver must be ${driverRequests.join(', ')}, not "${flags.driver}".`);
      let exercise;
      try {
        exercise = exerciseFrom(readFolder(dir), flags.lang as SandboxLanguage | undefined);
      } catch (error) {
        throw new CliUserError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}`);
      }
      if ('problem' in exercise) throw new CliUserError(`${dir} is not an exercise folder: ${exercise.problem}`);
      const service = await startCliSandbox(config, flags.driver as DriverRequest | undefined);
      try {
        await ensureCodeMayRun(service);
        // A course's exercise (exercises/<name>/) is checked with the course's support files.
        const courseDir = path.resolve(dir, '..', '..');
        const support =
          fs.existsSync(path.join(dir, 'exercise.yaml')) && fs.existsSync(path.join(courseDir, 'course.yaml')) ? readCourseSupport(courseDir) : [];
        const result = await service.check({ ...exercise, support });
        if (flags.json) process.stdout.write(`${JSON.stringify(exercismResults(result), null, 2)}\n`);
        else {
          for (const test of result.tests) {
            process.stdout.write(`${marks[test.status]} ${test.name}${test.task_id ? ` (task ${test.task_id})` : ''}\n`);
            if (test.message) process.stdout.write(`${test.message.replace(/^/gm, '    ')}\n`);
          }
          const passed = result.tests.filter((test) => test.status === 'pass').length;
          process.stdout.write(
            `── ${result.status}: ${passed} of ${result.tests.length} tests pass in ${Math.round(result.durationMs)} ms, ${result.driver} driver${result.message ? `\n${result.message}` : ''}\n`,
          );
        }
        process.exitCode = result.status === 'pass' ? 0 : result.status === 'fail' ? 1 : 2;
      } finally {
        await service.close();
      }
    });
}
