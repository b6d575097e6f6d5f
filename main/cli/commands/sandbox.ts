import type { Command } from 'commander';
import type { EnvConfig } from '../../app/app-config';
import { sandboxLanguages, type ImageBuildProgress, type SandboxLanguage } from '../../../preload/contract/sandbox';
import { driverRequests, type DriverRequest } from '../../sandbox/driver-choice';
import { imageExists } from '../../sandbox/image-build';
import { runnerImage } from '../../sandbox/runner-images';
import { SandboxService } from '../../sandbox/sandbox-service';
import { startCliSandbox } from './cli-sandbox';
import { CliUserError } from '../cli-error';
import { messageOf } from '../../../preload/contract/errors';

function languagesFrom(value: string | undefined): SandboxLanguage[] {
  if (!value) return [...sandboxLanguages];
  if (!(sandboxLanguages as readonly string[]).includes(value)) throw new CliUserError(`--lang must be one of ${sandboxLanguages.join(', ')}, not "${value}".`);
  return [value as SandboxLanguage];
}

/** One line of progress: redrawn in place on a terminal, a new line per step otherwise. */
function progressPrinter() {
  let lastStep = '';
  return (progress: ImageBuildProgress) => {
    const width = 24;
    const filled = Math.round((progress.percent / 100) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const line = `${progress.language.padEnd(10)} ${bar} ${String(progress.percent).padStart(3)}%  ${progress.step}`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line.padEnd(100)}${progress.state === 'running' ? '' : '\n'}`);
    } else if (progress.step !== lastStep || progress.state !== 'running') {
      process.stdout.write(`${line}\n`);
    }
    lastStep = progress.step;
  };
}

export function registerSandboxCommand(program: Command, config: EnvConfig): void {
  const sandbox = program.command('sandbox').description('the code sandbox: its status and its runner images');

  sandbox
    .command('status')
    .description('which driver runs code (Docker, else WebAssembly, both isolated; a plain process, not isolated, only when named) and which images are built')
    .option('--json', 'print the status as JSON')
    .option('--driver <driver>', `the driver asked for: ${driverRequests.join(', ')} (default: DRONA_SANDBOX_DRIVER, else auto)`)
    .action(async (flags: { json?: boolean; driver?: string }) => {
      if (flags.driver && !(driverRequests as readonly string[]).includes(flags.driver))
        throw new CliUserError(`--driver must be ${driverRequests.join(', ')}, not "${flags.driver}".`);
      const service = await startCliSandbox(config, flags.driver as DriverRequest | undefined);
      try {
        const status = await service.status();
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `driver:   ${status.driver} (${status.isolated ? 'isolated' : status.driver === 'none' ? 'nothing may run code' : 'NOT isolated'})\n`,
        );
        process.stdout.write(`detail:   ${status.detail}\n`);
        for (const image of status.images) {
          process.stdout.write(`image:    ${image.tag} ${image.present ? 'built' : 'missing: run "drona sandbox build --offline"'}\n`);
        }
      } finally {
        await service.close();
      }
    });

  sandbox
    .command('build')
    .description('build the runner images (tagged by content hash; an image already built is kept)')
    .option('--offline', 'build from Debian packages with debootstrap (needs root), no registry needed')
    .option('--lang <language>', `only this language (${sandboxLanguages.join(' or ')})`)
    .action(async (flags: { offline?: boolean; lang?: string }) => {
      const languages = languagesFrom(flags.lang);
      const docker = new (await import('dockerode')).default();
      const service = await SandboxService.create({ driver: 'docker', warm: false, environment: config.sandbox }).catch((error: Error) => {
        throw new CliUserError(`${error.message}. Start Docker (or dockerd) and try again.`);
      });
      try {
        const print = progressPrinter();
        for (const language of languages) {
          const image = runnerImage(language);
          if (await imageExists(docker, image.ref)) {
            process.stdout.write(`${language.padEnd(10)} ${image.ref} is already built\n`);
            continue;
          }
          const started = Date.now();
          try {
            await service.buildImage(language, print, flags.offline ?? false);
          } catch (error) {
            throw new CliUserError(`building ${image.ref} failed: ${messageOf(error)}`);
          }
          process.stdout.write(`${language.padEnd(10)} built ${image.ref} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        }
      } finally {
        await service.close();
      }
    });
}
