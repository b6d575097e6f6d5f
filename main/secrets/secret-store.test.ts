// The secrets file against someone who can read the data folder (a backup, a synced copy, a
// course's code handed that folder): the ciphertext is there, its key is not. Old data folders
// (secrets.key beside secrets.json) move their key out on first read, losing nothing.
import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isWithin, keyFileFor, userKeyDir } from './key-location';
import { encryptedFileSecretStore, importSecrets, moveLegacyKeyOut } from './secret-store';

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The attacker: a separate process given only the data folder's path. It reads every file in
 * it and tries each 32-byte file (raw, hex or base64) as the AES-256-GCM key of every secret.
 */
const attack = `
const fs = require('node:fs'), path = require('node:path'), { createDecipheriv } = require('node:crypto');
const files = [];
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const p = path.join(dir, e.name); if (e.isDirectory()) walk(p); else if (e.isFile()) files.push(p); } };
walk(process.argv[1]);
const keys = [], blobs = [];
for (const file of files) {
  const raw = fs.readFileSync(file);
  for (const k of [raw, Buffer.from(raw.toString().trim(), 'hex'), Buffer.from(raw.toString().trim(), 'base64')]) if (k.length === 32) keys.push(k);
  try { for (const v of Object.values(JSON.parse(raw.toString()))) if (typeof v === 'string') blobs.push(Buffer.from(v, 'base64')); } catch {}
}
const found = [];
for (const blob of blobs) for (const key of keys) {
  try {
    const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
    d.setAuthTag(blob.subarray(12, 28));
    found.push(Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8'));
  } catch {}
}
process.stdout.write(JSON.stringify({ files: files.length, found }));
`;

function runAttack(dataDir: string): { files: number; found: string[] } {
  // Only the data folder's path: no HOME, no key folder in its environment.
  return JSON.parse(execFileSync(process.execPath, ['-e', attack, dataDir], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' })) as {
    files: number;
    found: string[];
  };
}

/** A data folder as the code before this change left it: secrets.json with secrets.key beside it. */
function oldLayout(dataDir: string, secrets: Record<string, string>): void {
  const key = randomBytes(32);
  fs.writeFileSync(path.join(dataDir, 'secrets.key'), key, { mode: 0o600 });
  const entries: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets)) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    entries[name] = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }
  fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(entries), { mode: 0o600 });
}

describe('the encrypted secrets file', () => {
  it('cannot be decrypted by a process that reads every file of the data folder', () => {
    const dataDir = temp('drona-secrets-data-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    const store = encryptedFileSecretStore(dataDir, keyDir);
    store.set('anthropic-api-key', 'sk-ant-attack-test-secret');
    fs.writeFileSync(path.join(dataDir, 'drona.db'), 'stand-in for the database');
    const result = runAttack(dataDir);
    expect(result.files).toBeGreaterThan(0);
    expect(result.found).toEqual([]);
    expect(store.get('anthropic-api-key')).toBe('sk-ant-attack-test-secret');
    // The key sits in the user's key folder, private to the user.
    const keyFile = keyFileFor(dataDir, keyDir);
    expect(fs.readdirSync(keyDir)).toEqual([path.basename(keyFile)]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(keyDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(dataDir).sort()).toEqual(['drona.db', 'secrets.json']);
  });

  it('moves an old data folder’s key out on first read, re-encrypting every secret, and the attack stops working', () => {
    const dataDir = temp('drona-secrets-old-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    oldLayout(dataDir, { 'anthropic-api-key': 'sk-ant-old-layout', 'sync-tokens': '{"accessToken":"a","refreshToken":"r"}' });
    // The old layout falls to the attack: this is the hole.
    expect(runAttack(dataDir).found.sort()).toEqual(['sk-ant-old-layout', '{"accessToken":"a","refreshToken":"r"}'].sort());

    const store = encryptedFileSecretStore(dataDir, keyDir);
    expect(store.get('anthropic-api-key')).toBe('sk-ant-old-layout');
    expect(fs.existsSync(path.join(dataDir, 'secrets.key'))).toBe(false);
    expect(runAttack(dataDir).found).toEqual([]);
    // Nothing lost, and a fresh store (the next start) reads the same.
    const again = encryptedFileSecretStore(dataDir, keyDir);
    expect(again.get('anthropic-api-key')).toBe('sk-ant-old-layout');
    expect(again.get('sync-tokens')).toBe('{"accessToken":"a","refreshToken":"r"}');
  });

  it('moves the old key out for a process that keeps its own secrets elsewhere (the desktop app with a keyring)', () => {
    const dataDir = temp('drona-secrets-desktop-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    oldLayout(dataDir, { 'anthropic-api-key': 'sk-ant-serve-mode' });
    moveLegacyKeyOut(dataDir, keyDir);
    expect(fs.existsSync(path.join(dataDir, 'secrets.key'))).toBe(false);
    expect(runAttack(dataDir).found).toEqual([]);
    expect(encryptedFileSecretStore(dataDir, keyDir).get('anthropic-api-key')).toBe('sk-ant-serve-mode');
    // Nothing to move: no key folder is made.
    const fresh = temp('drona-secrets-fresh-');
    moveLegacyKeyOut(fresh, path.join(keyDir, 'unused'));
    expect(fs.existsSync(path.join(keyDir, 'unused'))).toBe(false);
  });

  it('finishes a migration that stopped after rewriting the file but before deleting the old key', () => {
    const dataDir = temp('drona-secrets-half-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    oldLayout(dataDir, { a: 'one' });
    const oldKey = fs.readFileSync(path.join(dataDir, 'secrets.key'));
    expect(encryptedFileSecretStore(dataDir, keyDir).get('a')).toBe('one');
    fs.writeFileSync(path.join(dataDir, 'secrets.key'), oldKey);
    const store = encryptedFileSecretStore(dataDir, keyDir);
    expect(store.get('a')).toBe('one');
    expect(fs.existsSync(path.join(dataDir, 'secrets.key'))).toBe(false);
  });

  it('keeps a secret it cannot decrypt with either key untouched (nothing is thrown away)', () => {
    const dataDir = temp('drona-secrets-bad-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    oldLayout(dataDir, { good: 'yes' });
    const entries = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
    entries.foreign = randomBytes(40).toString('base64');
    fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(entries));
    const store = encryptedFileSecretStore(dataDir, keyDir);
    expect(store.get('good')).toBe('yes');
    expect(store.get('foreign')).toBeNull();
    expect((JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>).foreign).toBe(entries.foreign);
  });

  it('refuses a key file that is a symlink or belongs to nobody it trusts, naming it', () => {
    const dataDir = temp('drona-secrets-link-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const elsewhere = path.join(temp('drona-secrets-planted-'), 'planted.key');
    fs.writeFileSync(elsewhere, randomBytes(32));
    fs.symlinkSync(elsewhere, keyFileFor(dataDir, keyDir));
    expect(() => encryptedFileSecretStore(dataDir, keyDir).set('a', 'b')).toThrow(/not a plain file/);
  });

  it('tightens a key folder left readable by others', () => {
    if (process.platform === 'win32') return;
    const dataDir = temp('drona-secrets-loose-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(keyDir, 0o755);
    encryptedFileSecretStore(dataDir, keyDir).set('a', 'b');
    expect(fs.statSync(keyDir).mode & 0o777).toBe(0o700);
  });

  it('refuses a key folder inside the data folder', () => {
    const dataDir = temp('drona-secrets-inside-');
    expect(() => encryptedFileSecretStore(dataDir, path.join(dataDir, 'keys')).set('a', 'b')).toThrow(/inside the data folder/);
  });

  it('imports secrets kept under another cipher (safeStorage’s fixed-key fallback) and removes their file', () => {
    const dataDir = temp('drona-secrets-import-');
    const keyDir = path.join(temp('drona-secrets-keys-'), 'keys');
    const legacy = path.join(dataDir, 'secrets-os.json');
    fs.writeFileSync(legacy, JSON.stringify({ 'anthropic-api-key': Buffer.from('sk-ant-basic-text').toString('base64') }));
    const store = encryptedFileSecretStore(dataDir, keyDir);
    importSecrets(store, legacy, (blob) => Buffer.from(blob, 'base64').toString('utf8'));
    expect(store.get('anthropic-api-key')).toBe('sk-ant-basic-text');
    expect(fs.existsSync(legacy)).toBe(false);
    // One that cannot be read keeps its file, so nothing is lost.
    fs.writeFileSync(legacy, JSON.stringify({ other: 'x' }));
    importSecrets(store, legacy, () => {
      throw new Error('keyring locked');
    });
    expect(fs.existsSync(legacy)).toBe(true);
  });
});

describe('where the key lives', () => {
  const home = '/home/asha';
  it('is a per-user folder outside the data folder on every platform, overridable by DRONA_KEY_DIR', () => {
    expect(userKeyDir({}, 'linux', home)).toBe('/home/asha/.local/state/dronacharya/keys');
    expect(userKeyDir({ XDG_STATE_HOME: '/home/asha/state' }, 'linux', home)).toBe('/home/asha/state/dronacharya/keys');
    expect(userKeyDir({ XDG_STATE_HOME: '' }, 'linux', home)).toBe('/home/asha/.local/state/dronacharya/keys');
    expect(userKeyDir({}, 'darwin', home)).toBe('/home/asha/Library/Application Support/Dronacharya Keys');
    expect(userKeyDir({ LOCALAPPDATA: '/c/Users/asha/AppData/Local' }, 'win32', home)).toBe(path.join('/c/Users/asha/AppData/Local', 'Dronacharya Keys'));
    expect(userKeyDir({ DRONA_KEY_DIR: '/tmp/k' }, 'linux', home)).toBe('/tmp/k');
  });

  it('names one key per data folder by a hash of its real path', () => {
    const a = temp('drona-key-a-');
    const link = path.join(temp('drona-key-link-'), 'a');
    fs.symlinkSync(a, link);
    expect(keyFileFor(link, '/k')).toBe(keyFileFor(a, '/k'));
    expect(keyFileFor(a, '/k')).toMatch(/^\/k\/[0-9a-f]{64}\.key$/);
    expect(keyFileFor(temp('drona-key-b-'), '/k')).not.toBe(keyFileFor(a, '/k'));
  });

  it('isWithin', () => {
    expect(isWithin('/a/b', '/a')).toBe(true);
    expect(isWithin('/a', '/a')).toBe(true);
    expect(isWithin('/ab', '/a')).toBe(false);
    expect(isWithin('/b', '/a')).toBe(false);
  });
});
