import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { sandboxLanguages, type SandboxLanguage } from '../../../preload/contract/sandbox';
import { driverRequests, type DriverRequest } from '../../sandbox/driver-choice';
import { ensureCodeMayRun, startCliSandbox } from './cli-sandbox';
import type { EnvConfig } from '../../app/app-config';
import { CliUserError } from '../cli-error';
import { StdinFeed } from '../../sandbox/stdin-feed';
import { messageOf } from '../../../preload/contract/errors';

/** drona's own standard input, line by line as it comes (a person typing, or a pipe), then its end. */
function passThrough(input: NodeJS.ReadableStream): StdinFeed {
  const feed = new StdinFeed();
  input.setEncoding('utf8');
  input.on('data', (text: string) => feed.write(text));
  input.on('end', () => feed.end());
  input.on('error', () => feed.end());
  return feed;
}

interface RunFlags {
  lang: string;
  timeout?: string;
  input?: string;
  driver?: DriverRequest;
}

export function registerRunCommand(program: Command, config: EnvConfig): void {
  program
    .command('run')
    .description('run one file in the sandbox; prints its output, then the kind of result and the exit code')
    .requiredOption('--lang <language>', `the file's language (${sandboxLanguages.join(' or ')})`)
    .option('--timeout <seconds>', 'wall-clock limit (default 5, at most 30)')
    .option('--input <file>', "what the program reads from standard input ('-': drona's own, passed on as it comes)")
    .option('--driver <driver>', 'auto (default: Docker, else WebAssembly), docker, wasm or process')
    .argument('<file>', 'the program to run')
    .action(async (file: string, flags: RunFlags) => {
      if (!(sandboxLanguages as readonly string[]).includes(flags.lang)) {
        throw new CliUserError(`--lang must be one of ${sandboxLanguages.join(', ')}, not "${flags.lang}".`);
      }
      if (flags.driver && !(driverRequests as readonly string[]).includes(flags.driver))
        throw new CliUserError(`--driver must be ${driverRequests.join(', ')}, not "${flags.driver}".`);
      const timeoutSeconds = flags.timeout === undefined ? undefined : Number(flags.timeout);
      if (timeoutSeconds !== undefined && !(timeoutSeconds > 0 && timeoutSeconds <= 30))
        throw new CliUserError(`--timeout must be a number of seconds from 1 to 30, not "${flags.timeout}".`);
      let content: string;
      try {
        content = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliUserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}`);
      }
      let stdin: StdinFeed | undefined;
      try {
        // Named, never guessed: waiting on a standard input nobody meant to give would hang the command.
        if (flags.input === '-') stdin = passThrough(process.stdin);
        else if (flags.input !== undefined) stdin = StdinFeed.of(fs.readFileSync(flags.input, 'utf8'));
      } catch (error) {
        throw new CliUserError(`cannot read the input ${flags.input}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}`);
      }
      const entry = path.basename(file);
      const service = await startCliSandbox(config, flags.driver);
      try {
        await ensureCodeMayRun(service);
        const result = await service.run(
          { language: flags.lang as SandboxLanguage, files: [{ path: entry, content }], entry, ...(timeoutSeconds ? { limits: { timeoutSeconds } } : {}) },
          { onOutput: (stream, text) => (stream === 'stdout' ? process.stdout : process.stderr).write(text), ...(stdin !== undefined ? { stdin } : {}) },
        );
        const where = result.diagnostics[0] ? ` at ${result.diagnostics[0].file}:${result.diagnostics[0].line}` : '';
        process.stderr.write(
          `── ${result.outcome}${result.exitCode === null ? '' : ` (exit code ${result.exitCode})`}${where} in ${Math.round(result.durationMs)} ms, ${result.driver} driver${result.driver === 'process' ? ' (not isolated)' : ''}\n`,
        );
        if (result.outcome !== 'finished') process.stderr.write(`── ${result.message}\n`);
        if (result.outcome === 'sandbox-error') process.exitCode = 2;
        else if (result.outcome !== 'finished') process.exitCode = 1;
      } finally {
        // drona's own stdin is not read past the program's end (a terminal would keep the command waiting).
        if (flags.input === '-') process.stdin.destroy();
        await service.close();
      }
    });
}
