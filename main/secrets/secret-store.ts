// Where secrets are kept: the tutor's Anthropic API key and the sync server's tokens. Electron
// encrypts them with the OS keychain (safeStorage, in main/electron/); serve mode uses an
// AES-256-GCM file whose key sits in the data dir (0600) — weaker, because anyone who can read
// the data dir can decrypt it, and the Settings UI says so. A secret is only ever read to make
// the request that needs it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  readonly kind: 'os-keychain' | 'encrypted-file';
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Both implementations store an encrypted blob per name in one JSON file; only the cipher differs. */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(blob: string): string;
}

export class FileSecretStore implements SecretStore {
  constructor(
    readonly kind: SecretStore['kind'],
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private write(entries: Record<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(entries), { mode: 0o600 });
    fs.chmodSync(this.file, 0o600);
  }

  get(name: string): string | null {
    const blob = this.read()[name];
    if (!blob) return null;
    try {
      return this.cipher.decrypt(blob);
    } catch {
      return null; // a key file replaced or a keychain reset: the learner enters the key again
    }
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: this.cipher.encrypt(value) });
  }

  delete(name: string): void {
    const entries = this.read();
    delete entries[name];
    this.write(entries);
  }
}

/** AES-256-GCM with a random 32-byte key in `<dataDir>/secrets.key` (0600). */
export function aesGcmCipher(keyFile: string): SecretCipher {
  const key = (): Buffer => {
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      fs.writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    return fs.readFileSync(keyFile);
  };
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

export function encryptedFileSecretStore(dataDir: string): SecretStore {
  return new FileSecretStore('encrypted-file', path.join(dataDir, 'secrets.json'), aesGcmCipher(path.join(dataDir, 'secrets.key')));
}
