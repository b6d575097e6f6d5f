// The tutor's API key encrypted with the OS keychain through Electron's safeStorage.
import { safeStorage } from 'electron';
import path from 'node:path';
import { FileSecretStore, type SecretStore } from '../tutor/secret-store';

export function safeStorageSecretStore(dataDir: string): SecretStore {
  return new FileSecretStore('os-keychain', path.join(dataDir, 'secrets-os.json'), {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (blob) => safeStorage.decryptString(Buffer.from(blob, 'base64')),
  });
}
