// A random id per installation (not per learner, not per machine fingerprint): it places the
// install in staged rollouts and is never sent anywhere.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function readOrCreateInstallId(dataDir: string): string {
  const file = path.join(dataDir, 'install-id');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (UUID.test(existing)) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Written aside then renamed, so a crash never leaves a half-written id that would move the install between rollouts.
  const id = randomUUID();
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${id}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return id;
}
