// The sandbox as the one-shot commands (run, check, sandbox status) start it: cold, on the driver
// the learner named or else the environment's, with a start-up failure reported as theirs to fix.
import type { EnvConfig } from '../../app/app-config';
import type { DriverRequest } from '../../sandbox/driver-choice';
import { notIsolatedWarning } from '../../sandbox/process-driver';
import { cliUnisolatedHint, SandboxService } from '../../sandbox/sandbox-service';
import { CliUserError } from '../cli-error';

export function startCliSandbox(config: EnvConfig, requested: DriverRequest | undefined): Promise<SandboxService> {
  const driver = requested ?? config.sandbox.driver;
  return SandboxService.create({ warm: false, unisolatedHint: cliUnisolatedHint, environment: config.sandbox, ...(driver ? { driver } : {}) }).catch(
    (error: Error) => {
      throw new CliUserError(error.message);
    },
  );
}

/** Refuses when nothing may run code; warns on stderr when code will run unisolated. */
export async function ensureCodeMayRun(service: SandboxService): Promise<void> {
  const driver = await service.driverName();
  if (driver === 'none') throw new CliUserError((await service.status()).detail);
  if (driver === 'process') process.stderr.write(`drona: ${notIsolatedWarning}\n`);
}
