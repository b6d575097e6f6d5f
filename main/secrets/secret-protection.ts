// What protects the learner's secrets, decided from what Electron reports, and said truthfully.
// Electron's safeStorage on Linux without a secret service falls back to a fixed, built-in key
// ('basic_text'): that protects nothing, so it is not used; the secrets get the user-folder
// key instead and the app says so. Pure: main/electron/ only reads the facts.

/** `safeStorage.getSelectedStorageBackend()` on Linux. */
export const keyringBackends = ['basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'unknown'] as const;
export type KeyringBackend = (typeof keyringBackends)[number];

export interface ProtectionFacts {
  /** null outside Electron (serve mode, the CLI). */
  readonly electron: null | {
    readonly platform: NodeJS.Platform;
    readonly encryptionAvailable: boolean;
    /** Linux only; null elsewhere. */
    readonly backend: KeyringBackend | null;
  };
}

export interface Protection {
  /** safeStorage (a real keyring), or AES-GCM with the key in the user's key folder. */
  readonly store: 'safe-storage' | 'user-key-file';
  readonly kind: 'os-keychain' | 'encrypted-file';
  readonly protection: string;
}

const userKeyFile = (note: string) => `Stored encrypted with a key in your user folder${note}, outside the data folder and readable only by you.`;

function keyring(platform: NodeJS.Platform, backend: KeyringBackend | null): string | null {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows DPAPI, tied to your Windows account';
  if (platform !== 'linux') return null;
  if (backend === 'gnome_libsecret') return 'your system keyring (Secret Service, such as GNOME Keyring)';
  if (backend === 'kwallet' || backend === 'kwallet5' || backend === 'kwallet6') return 'your system keyring (KWallet)';
  // basic_text is a fixed key built into Electron; unknown means it was asked too early.
  return null;
}

export function protectionFor(facts: ProtectionFacts): Protection {
  if (!facts.electron) return { store: 'user-key-file', kind: 'encrypted-file', protection: userKeyFile('') };
  const { platform, encryptionAvailable, backend } = facts.electron;
  const name = encryptionAvailable ? keyring(platform, backend) : null;
  if (!name) return { store: 'user-key-file', kind: 'encrypted-file', protection: userKeyFile(' (no system keyring found)') };
  return { store: 'safe-storage', kind: 'os-keychain', protection: `Encrypted with ${name}.` };
}
