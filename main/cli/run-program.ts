// How every `drona` program starts and fails. Exit codes: 0 ok, 1 a mistake the user can fix (the
// message says what and where), 2 an internal error. Imports no command, so a start that needs one
// command (serve-program.ts) loads only that command's code.
import { Command, CommanderError } from 'commander';
import { readAppConfig, EnvConfigError, type Env, type EnvConfig } from '../app/app-config';
import { appVersion } from '../app/package-info';
import { CliUserError } from './cli-error';

/** The `drona` command before its subcommands are added. */
export function baseProgram(): Command {
  return new Command('drona')
    .description('Dronacharya: learn to code in an IDE that teaches')
    .version(appVersion(), '-v, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
}

/** Runs the command line `argv` with the environment `env` on the program `build` makes. */
export async function runProgram(argv: string[], env: Env, build: (config: EnvConfig) => Command): Promise<number> {
  try {
    await build(readAppConfig(env)).parseAsync(argv);
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
