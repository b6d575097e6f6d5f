// The `drona` command: one CLI for people and for tests. Exit codes: 0 ok, 1 a mistake the
// user can fix (the message says what and where), 2 an internal error.
import { Command, CommanderError } from 'commander';
import { readAppConfig, EnvConfigError, type Env, type EnvConfig } from '../app/app-config';
import { appVersion } from '../app/package-info';
import { CliUserError } from './cli-error';
import { registerCheckCommand } from './commands/check';
import { registerCourseCommand } from './commands/course';
import { registerRunCommand } from './commands/run';
import { registerSandboxCommand } from './commands/sandbox';
import { registerServeCommand } from './commands/serve';
import { registerServerCommand } from './commands/server';
import { registerOrgCommand } from '../organisation/org-command';
import { registerDataCommand } from '../data/data-command';
import { registerProfileCommand } from '../learner-profiles/profile-command';

export function buildProgram(config: EnvConfig): Command {
  const program = new Command('drona')
    .description('Dronacharya: learn to code in an IDE that teaches')
    .version(appVersion(), '-v, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  registerServeCommand(program, config);
  registerRunCommand(program, config);
  registerCheckCommand(program, config);
  registerSandboxCommand(program, config);
  registerCourseCommand(program, config);
  registerServerCommand(program, config);
  registerOrgCommand(program);
  registerDataCommand(program, config);
  registerProfileCommand(program, config);
  return program;
}

/** Runs the command line `argv` with the environment `env` (the entry point passes process.env). */
export async function runCli(argv: string[], env: Env): Promise<number> {
  try {
    await buildProgram(readAppConfig(env)).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof CliUserError || error instanceof EnvConfigError) {
      process.stderr.write(`drona: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`drona: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
