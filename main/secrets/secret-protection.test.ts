// Every combination Electron can report maps to a store and a sentence that says what really
// protects the key: the fixed-key fallback ('basic_text') is never called a keychain.
import { describe, expect, it } from 'vitest';
import { keyringBackends, protectionFor } from './secret-protection';

const platforms = ['linux', 'darwin', 'win32', 'freebsd'] as const;

describe('protectionFor', () => {
  it('outside Electron: the key file in the user folder', () => {
    expect(protectionFor({ electron: null })).toEqual({
      store: 'user-key-file',
      kind: 'encrypted-file',
      protection: 'Stored encrypted with a key in your user folder, outside the data folder and readable only by you.',
    });
  });

  it('every platform × availability × backend', () => {
    for (const platform of platforms) {
      for (const encryptionAvailable of [true, false]) {
        for (const backend of platform === 'linux' ? keyringBackends : [null]) {
          const result = protectionFor({ electron: { platform, encryptionAvailable, backend } });
          const realKeyring =
            encryptionAvailable &&
            (platform === 'darwin' || platform === 'win32' || (platform === 'linux' && backend !== 'basic_text' && backend !== 'unknown'));
          expect(result.store, `${platform} ${encryptionAvailable} ${backend}`).toBe(realKeyring ? 'safe-storage' : 'user-key-file');
          expect(result.kind).toBe(realKeyring ? 'os-keychain' : 'encrypted-file');
          if (realKeyring) expect(result.protection).toMatch(/^Encrypted with /);
          else
            expect(result.protection).toBe(
              'Stored encrypted with a key in your user folder (no system keyring found), outside the data folder and readable only by you.',
            );
          if (platform !== 'darwin') expect(result.protection).not.toMatch(/keychain/i);
        }
      }
    }
  });

  it('names the keyring it uses', () => {
    const on = (platform: NodeJS.Platform, backend: (typeof keyringBackends)[number] | null) =>
      protectionFor({ electron: { platform, encryptionAvailable: true, backend } }).protection;
    expect(on('darwin', null)).toBe('Encrypted with the macOS Keychain.');
    expect(on('win32', null)).toBe('Encrypted with Windows DPAPI, tied to your Windows account.');
    expect(on('linux', 'gnome_libsecret')).toBe('Encrypted with your system keyring (Secret Service, such as GNOME Keyring).');
    expect(on('linux', 'kwallet6')).toBe('Encrypted with your system keyring (KWallet).');
    expect(on('linux', 'basic_text')).toMatch(/no system keyring found/);
  });
});
