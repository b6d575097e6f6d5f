// The `drona` command: one CLI for people and for tests (exit codes: run-program.ts).
import type { Command } from 'commander';
import type { Env, EnvConfig } from '../app/app-config';
import { baseProgram, runProgram } from './run-program';
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
  const program = baseProgram();
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
export const runCli = (argv: string[], env: Env): Promise<number> => runProgram(argv, env, buildProgram);
