// `drona org keygen|pack|verify`: a bootcamp makes its Ed25519 key pair once, then validates and
// signs org.yaml into a .dronaorg file that its build (which carries the public key) verifies.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { messageOf } from '../../preload/contract/errors';
import { CliUserError } from '../cli/cli-error';
import { OrgProfileError, parseOrgProfile } from './org-profile';
import { sha256Hex, signOrgProfile, verifyOrgProfile } from './org-signature';

function readKey(file: string, kind: 'private' | 'public'): crypto.KeyObject {
  try {
    const pem = fs.readFileSync(file, 'utf8');
    const key = kind === 'private' ? crypto.createPrivateKey(pem) : crypto.createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
    return key;
  } catch (error) {
    throw new CliUserError(`${file} is not an Ed25519 ${kind} key in PEM form: ${messageOf(error)}. Make one with \`drona org keygen\`.`);
  }
}

function expiryOf(text: string | undefined, now: Date): Date | null {
  if (text === undefined) return null;
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) throw new CliUserError(`--expires must be a date as YYYY-MM-DD, not "${text}".`);
  if (date <= now) throw new CliUserError(`--expires ${text} is not in the future.`);
  return date;
}

export function registerOrgCommand(program: Command, now: () => Date = () => new Date()): void {
  const org = program.command('org').description('organisation profiles for a bootcamp’s own build');
  org
    .command('keygen')
    .description('make an Ed25519 key pair: FILE (private, keep it secret) and FILE.pub (goes into the build)')
    .requiredOption('-o, --out <file>', 'where to write the private key')
    .action((flags: { out: string }) => {
      if (fs.existsSync(flags.out)) throw new CliUserError(`${flags.out} exists; keygen never overwrites a key.`);
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
      fs.writeFileSync(flags.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      fs.writeFileSync(`${flags.out}.pub`, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
      process.stdout.write(`Private key: ${flags.out} (keep it out of git)\nPublic key: ${flags.out}.pub\n`);
    });
  org
    .command('pack')
    .description('validate org.yaml and sign it into a .dronaorg file')
    .argument('<org.yaml>')
    .requiredOption('-o, --out <file>', 'the signed profile to write, e.g. org.dronaorg')
    .requiredOption('--key <file>', 'the organisation’s Ed25519 private key (PEM)')
    .option('--expires <date>', 'last day the profile is accepted, YYYY-MM-DD (default: never)')
    .action((file: string, flags: { out: string; key: string; expires?: string }) => {
      let profile;
      try {
        profile = parseOrgProfile(fs.readFileSync(file, 'utf8'), file);
      } catch (error) {
        if (error instanceof OrgProfileError) throw new CliUserError(error.message);
        throw new CliUserError(`${file} could not be read: ${messageOf(error)}`);
      }
      const base = path.dirname(path.resolve(file));
      const named = [...profile.courses, ...(profile.logo ? [profile.logo] : [])];
      const missing = named.filter((entry) => !fs.existsSync(path.join(base, entry)));
      if (missing.length) throw new CliUserError(`${file} names files that are not beside it: ${missing.join(', ')}`);
      // The app reads the logo and courses from the folder that holds the .dronaorg.
      if (named.length && path.dirname(path.resolve(flags.out)) !== base)
        throw new CliUserError(`Write ${path.basename(flags.out)} beside ${file} (in ${base}): the app reads the logo and courses it names from that folder.`);
      const digests = Object.fromEntries(named.map((entry) => [entry, sha256Hex(fs.readFileSync(path.join(base, entry)))]));
      const at = now();
      fs.writeFileSync(flags.out, signOrgProfile(profile, readKey(flags.key, 'private'), at, expiryOf(flags.expires, at), digests));
      process.stdout.write(`Signed ${profile.name} (${profile.id}) into ${flags.out}; locked: ${profile.locked.join(', ') || 'nothing'}\n`);
    });
  org
    .command('verify')
    .description('check a .dronaorg file against the organisation’s public key, as the app does')
    .argument('<file.dronaorg>')
    .requiredOption('--public-key <file>', 'the public key (PEM) the build carries')
    .action((file: string, flags: { publicKey: string }) => {
      const result = verifyOrgProfile(fs.readFileSync(file, 'utf8'), readKey(flags.publicKey, 'public'), now());
      if (!result.ok) throw new CliUserError(`${file}: ${result.reason}`);
      process.stdout.write(`${file}: signed profile of ${result.profile.name}, valid${result.expiresAt ? ` until ${result.expiresAt.slice(0, 10)}` : ''}\n`);
    });
}
