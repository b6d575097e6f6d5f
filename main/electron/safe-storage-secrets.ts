// The learner's secrets through Electron's safeStorage when it is backed by a real keyring
// (macOS Keychain, Windows DPAPI, Secret Service or KWallet on Linux). On Linux without one,
// safeStorage falls back to a fixed built-in key ('basic_text'), which protects nothing, so the
// encrypted file with its key in the user's key folder is used instead (secret-protection.ts
// decides; this file only reads the facts). Secrets an older version put under that fixed key
// move over on first start.
import { safeStorage } from 'electron';
import path from 'node:path';
import { protectionFor } from '../secrets/secret-protection';
import { encryptedFileSecretStore, FileSecretStore, importSecrets, moveLegacyKeyOut, type SecretStore } from '../secrets/secret-store';

const OS_SECRETS_FILE = 'secrets-os.json';

/** Call after app 'ready' (before it, the Linux backend reads as 'unknown'). `keyDir`: the app config's key folder. */
export function safeStorageSecretStore(dataDir: string, keyDir: string): SecretStore {
  const encryptionAvailable = safeStorage.isEncryptionAvailable();
  const choice = protectionFor({
    electron: { platform: process.platform, encryptionAvailable, backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null },
  });
  const osFile = path.join(dataDir, OS_SECRETS_FILE);
  if (choice.store === 'user-key-file') {
    const store = encryptedFileSecretStore(dataDir, keyDir, choice.protection);
    try {
      if (encryptionAvailable) importSecrets(store, osFile, (blob) => safeStorage.decryptString(Buffer.from(blob, 'base64')));
    } catch {
      // The old file stays; the key folder's problem is reported when a secret is next used.
    }
    return store;
  }
  try {
    moveLegacyKeyOut(dataDir, keyDir);
  } catch {
    // Left as it was; serve mode moves it when it next reads its secrets.
  }
  return new FileSecretStore(choice.kind, choice.protection, osFile, {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (blob) => safeStorage.decryptString(Buffer.from(blob, 'base64')),
  });
}
