// The tutor's API key encrypted with the OS keychain through Electron's safeStorage. Where
// the OS offers no keychain (a Linux session without a secret service), the encrypted-file
// store is used instead and Settings shows its weaker-storage note.
import { safeStorage } from 'electron';
import path from 'node:path';
import { encryptedFileSecretStore, FileSecretStore, type SecretStore } from '../secrets/secret-store';

export function safeStorageSecretStore(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return encryptedFileSecretStore(dataDir);
  return new FileSecretStore('os-keychain', path.join(dataDir, 'secrets-os.json'), {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (blob) => safeStorage.decryptString(Buffer.from(blob, 'base64')),
  });
}
