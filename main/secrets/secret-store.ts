// Where secrets are kept: the tutor's Anthropic API key and the sync server's tokens, one
// encrypted blob per name in a JSON file of the data folder. Electron encrypts them with a
// real system keyring when there is one (safeStorage, in main/electron/); otherwise (serve
// mode, the CLI, Linux without a secret service) AES-256-GCM with a random key kept OUTSIDE
// the data folder, in the user's private key folder (key-location.ts), so that a copy of the
// data folder, or anything that can read only it, cannot decrypt them. A secret is only ever
// read to make the request that needs it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultKeyDir } from '../app/app-config';
import { keyFileFor } from './key-location';
import { protectionFor } from './secret-protection';

export interface SecretStore {
  readonly kind: 'os-keychain' | 'encrypted-file';
  /** What protects the secrets, in one sentence for Settings and logs. */
  readonly protection: string;
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Both implementations store an encrypted blob per name in one JSON file; only the cipher differs. */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(blob: string): string;
}

function readEntries(file: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // No file yet, or not JSON: read as holding no secrets.
    return {};
  }
}

/** Written whole or not at all (temp file, then rename), readable only by the user. */
function writeEntries(file: string, entries: Record<string, string>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(entries), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function tryDecrypt(cipher: SecretCipher, blob: string): string | null {
  try {
    return cipher.decrypt(blob);
  } catch {
    return null;
  }
}

export class FileSecretStore implements SecretStore {
  private prepared = false;

  /** `prepare` runs once, before the first read or write (a migration). */
  constructor(
    readonly kind: SecretStore['kind'],
    readonly protection: string,
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private readonly prepare?: () => void,
  ) {}

  private read(): Record<string, string> {
    if (!this.prepared) {
      this.prepare?.();
      this.prepared = true;
    }
    return readEntries(this.file);
  }

  get(name: string): string | null {
    const blob = this.read()[name];
    if (!blob) return null;
    // A key file replaced or a keychain reset: the learner enters the key again.
    return tryDecrypt(this.cipher, blob);
  }

  set(name: string, value: string): void {
    writeEntries(this.file, { ...this.read(), [name]: this.cipher.encrypt(value) });
  }

  delete(name: string): void {
    const entries = this.read();
    delete entries[name];
    writeEntries(this.file, entries);
  }
}

/** AES-256-GCM: a 12-byte IV, the 16-byte tag, then the ciphertext, base64. */
export function aesGcmCipher(key: () => Buffer): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(blob) {
      const raw = Buffer.from(blob, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const KEY_BYTES = 32;

/** The key folder exists, is ours, and only we can enter it. */
function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`The key folder ${dir} is not a folder.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw new Error(`The key folder ${dir} belongs to another user; remove it or set DRONA_KEY_DIR.`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * The data folder's key from the user's key folder, made on first use (0600 in a 0700 folder).
 * A key file that is a symlink, someone else's, or the wrong size is refused, never followed.
 */
export function userFileKey(keyFile: string): () => Buffer {
  let cached: Buffer | null = null;
  return () => {
    if (cached) return cached;
    privateDir(path.dirname(keyFile));
    try {
      // O_EXCL: never through a planted symlink, and two starting processes agree on one key.
      fs.writeFileSync(keyFile, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = fs.lstatSync(keyFile);
    const uid = process.getuid?.();
    if (!stat.isFile()) throw new Error(`The key file ${keyFile} is not a plain file; remove it (secrets it protected must be entered again).`);
    if (uid !== undefined && stat.uid !== uid)
      throw new Error(`The key file ${keyFile} belongs to another user; remove it (secrets it protected must be entered again).`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) fs.chmodSync(keyFile, 0o600);
    const key = fs.readFileSync(keyFile);
    if (key.length !== KEY_BYTES)
      throw new Error(`The key file ${keyFile} is damaged (${key.length} bytes, not ${KEY_BYTES}); remove it (secrets it protected must be entered again).`);
    cached = key;
    return key;
  };
}

/**
 * Older versions kept the key as `<dataDir>/secrets.key`, beside the secrets. Re-encrypt every
 * secret with the key outside, then delete the old key. Written before deleting, so a stop in
 * between is finished next time (entries that already open with the new key stay as they are);
 * an entry neither key opens is kept as it was.
 */
function moveLegacyKey(file: string, legacyKeyFile: string, cipher: SecretCipher): void {
  if (!fs.existsSync(legacyKeyFile)) return;
  const legacy = aesGcmCipher(() => fs.readFileSync(legacyKeyFile));
  const entries = readEntries(file);
  const moved: Record<string, string> = {};
  for (const [name, blob] of Object.entries(entries)) {
    if (tryDecrypt(cipher, blob) !== null) moved[name] = blob;
    else {
      const plain = tryDecrypt(legacy, blob);
      moved[name] = plain === null ? blob : cipher.encrypt(plain);
    }
  }
  if (Object.keys(entries).length) writeEntries(file, moved);
  fs.rmSync(legacyKeyFile, { force: true });
}

/** The data folder's `secrets.json`, its key in the user's key folder (see key-location.ts). */
export function encryptedFileSecretStore(
  dataDir: string,
  keyDir: string = defaultKeyDir(),
  protection = protectionFor({ electron: null }).protection,
): SecretStore {
  const file = path.join(dataDir, 'secrets.json');
  let key: (() => Buffer) | null = null;
  const cipher = aesGcmCipher(() => (key ??= userFileKey(keyFileFor(dataDir, keyDir)))());
  return new FileSecretStore('encrypted-file', protection, file, cipher, () => moveLegacyKey(file, path.join(dataDir, 'secrets.key'), cipher));
}

/**
 * For a process that keeps its own secrets elsewhere (the desktop app with a keyring): an old
 * `secrets.key` left in the data folder by serve mode is moved out now, not when serve next runs.
 */
export function moveLegacyKeyOut(dataDir: string, keyDir: string = defaultKeyDir()): void {
  if (fs.existsSync(path.join(dataDir, 'secrets.key'))) encryptedFileSecretStore(dataDir, keyDir).get('');
}

/**
 * Moves secrets kept in `file` under another cipher into `store` (one it does not already hold),
 * then deletes `file`; if any cannot be read, the file stays so nothing is lost.
 */
export function importSecrets(store: SecretStore, file: string, decrypt: (blob: string) => string): void {
  if (!fs.existsSync(file)) return;
  let complete = true;
  for (const [name, blob] of Object.entries(readEntries(file))) {
    if (store.get(name) !== null) continue;
    try {
      store.set(name, decrypt(blob));
    } catch {
      // Not decryptable here: the old file is kept (see below) rather than losing the secret.
      complete = false;
    }
  }
  if (complete) fs.rmSync(file, { force: true });
}
