// `drona profile list|create|remove`: learner profiles on a shared computer. Removing erases the
// profile's whole data folder and secrets after a typed confirmation, as `drona data delete` does.
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { EnvConfig } from '../app/app-config';
import { CliUserError } from '../cli/cli-error';
import { eraseDataDir, EraseRefused } from '../data/erase';
import { messageOf } from '../../preload/contract/errors';
import { checkPin, createProfile, forgetProfile, listProfiles, profileDataDir, ProfileError } from './learner-profiles';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

function userError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ProfileError || error instanceof EraseRefused) throw new CliUserError(error.message);
    throw new CliUserError(messageOf(error));
  }
}

export function registerProfileCommand(program: Command, config: EnvConfig): void {
  const profile = program.command('profile').description('learner profiles on a shared computer, each with its own data');
  const rootOf = (flags: { dataDir?: string }) => (flags.dataDir ? path.resolve(flags.dataDir) : config.dataDir);
  profile
    .command('list')
    .option('--data-dir <dir>', "the app's data folder (default: the desktop app's)")
    .action((flags: { dataDir?: string }) => {
      const profiles = userError(() => listProfiles(rootOf(flags)));
      if (!profiles.length) out('No learner profiles: everyone uses the one data folder.');
      for (const p of profiles) out(`${p.id}\t${p.name}${p.pin ? '\t(PIN)' : ''}`);
    });
  profile
    .command('create')
    .argument('<name>')
    .option('--pin', 'ask for a PIN (4-12 digits); read from standard input when it is not a terminal')
    .option('--data-dir <dir>', "the app's data folder (default: the desktop app's)")
    .action(async (name: string, flags: { pin?: boolean; dataDir?: string }) => {
      // Never a PIN on the command line: every user can read it with `ps`.
      const pin = flags.pin ? await ask('PIN (4-12 digits): ') : null;
      const created = userError(() => createProfile(rootOf(flags), name, pin, Date.now()));
      out(`Created ${created.name} (${created.id}) with its data in ${profileDataDir(rootOf(flags), created.id)}.`);
    });
  profile
    .command('remove')
    .argument('<id>')
    .option('--confirm <id>', 'the confirmation, for scripts: the profile id again')
    .option('--data-dir <dir>', "the app's data folder (default: the desktop app's)")
    .action(async (id: string, flags: { confirm?: string; dataDir?: string }) => {
      const root = rootOf(flags);
      const found = userError(() => listProfiles(root)).find((p) => p.id === id);
      if (!found) throw new CliUserError(`There is no learner profile "${id}"; \`drona profile list\` shows them.`);
      let typed = flags.confirm;
      if (typed === undefined) {
        if (!process.stdin.isTTY) throw new CliUserError(`Removing needs a typed confirmation: pass --confirm ${id}. Nothing was removed.`);
        typed = await ask(`This erases ${found.name}'s progress, code, tutor sessions and secrets. Type ${id} to confirm: `);
      }
      if (typed !== id) throw new CliUserError(`The confirmation did not match "${id}". Nothing was removed.`);
      const dir = profileDataDir(root, id);
      userError(() => eraseDataDir(dir, config.keyDir));
      fs.rmSync(dir, { recursive: true, force: true });
      userError(() => forgetProfile(root, id));
      out(`Removed ${found.name} (${id}) and everything in ${dir}.`);
    });
}

/** `serve --profile ID`: that learner's data folder, after their PIN (asked on this terminal) when they set one. */
export async function profileDataDirFor(root: string, id: string): Promise<string> {
  const found = userError(() => listProfiles(root)).find((p) => p.id === id);
  if (!found) throw new CliUserError(`There is no learner profile "${id}"; \`drona profile list\` shows them.`);
  if (found.pin) {
    if (!process.stdin.isTTY) throw new CliUserError(`${found.name}'s profile has a PIN; start serve from a terminal to type it.`);
    if (!checkPin(found, await ask(`PIN for ${found.name}: `))) throw new CliUserError('That PIN is not right; nothing was opened.');
  }
  return profileDataDir(root, id);
}
