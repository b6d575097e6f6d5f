// Suites that need Docker, Chromium or PostgreSQL skip on a laptop without them, loudly,
// and fail in CI (CI=true), where everything must run.
import { describe, it } from 'vitest';

export const inCi = () => process.env.CI === 'true';

/**
 * describe() when `available`; otherwise a loud notice and a skipped suite, or in CI one
 * failing test that names what is missing.
 */
export function describeWhen(available: boolean, missing: string, name: string, fn: () => void): void {
  if (available) {
    describe(name, fn);
    return;
  }
  if (inCi()) {
    describe(name, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`${name} needs ${missing}, which CI must provide (see .ci/run).`);
      });
    });
    return;
  }
  process.stderr.write(`\n!!! SKIPPED "${name}": ${missing} is not available on this machine. CI runs it.\n\n`);
  describe.skipIf(true)(name, fn);
}
