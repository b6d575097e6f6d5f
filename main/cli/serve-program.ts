// `drona serve` alone: what a serve-mode start loads (cli/index.ts), so the URL prints before the
// other commands' code is read and compiled (bench:startup). `drona serve --help` reads the same.
import type { Env } from '../app/app-config';
import { registerServeCommand } from './commands/serve';
import { baseProgram, runProgram } from './run-program';

export const runServeCli = (argv: string[], env: Env): Promise<number> =>
  runProgram(argv, env, (config) => {
    const program = baseProgram();
    registerServeCommand(program, config);
    return program;
  });
