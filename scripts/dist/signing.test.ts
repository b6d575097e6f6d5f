import { describe, expect, it } from 'vitest';
import { macSigning, signingNotices, type DistPlatform } from './signing';

const VARS = [
  'CSC_LINK',
  'CSC_NAME',
  'WIN_CSC_LINK',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
  'APPLE_API_KEY',
  'APPLE_API_KEY_ID',
  'APPLE_API_ISSUER',
  'APPLE_KEYCHAIN',
  'APPLE_KEYCHAIN_PROFILE',
] as const;
const platforms: DistPlatform[] = ['linux', 'mac', 'win'];

/** Every subset of the variables (2^11), each present one set to a value. */
function* environments(): Generator<Record<string, string>> {
  for (let mask = 0; mask < 1 << VARS.length; mask++) yield Object.fromEntries(VARS.filter((_, i) => mask & (1 << i)).map((name) => [name, 'x']));
}

describe('signing and notarisation from the environment, every combination', () => {
  it('notices exactly the steps that lack their variables, and signs and notarises only what can be', () => {
    let checked = 0;
    for (const env of environments())
      for (const platform of platforms) {
        const notices = signingNotices(platform, env);
        const signed = platform === 'win' ? Boolean(env.WIN_CSC_LINK || env.CSC_LINK) : Boolean(env.CSC_LINK || env.CSC_NAME);
        const notary =
          Boolean(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
          Boolean(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) ||
          Boolean(env.APPLE_KEYCHAIN && env.APPLE_KEYCHAIN_PROFILE);
        if (platform === 'linux') expect(notices).toEqual([]);
        else {
          expect(notices.some((n) => n.startsWith('not code-signing'))).toBe(!signed);
          expect(notices.some((n) => n.startsWith('not notarising'))).toBe(platform === 'mac' && !notary);
          for (const notice of notices) expect(notice).not.toContain('\n');
        }
        if (platform === 'mac') expect(macSigning(env)).toEqual(signed ? { notarize: notary } : { identity: null, notarize: false });
        checked++;
      }
    expect(checked).toBe(3 * 2 ** 11);
  });

  it('treats a blank variable as absent', () => {
    expect(signingNotices('win', { WIN_CSC_LINK: '  ' })).toHaveLength(1);
    expect(macSigning({ CSC_LINK: '' })).toEqual({ identity: null, notarize: false });
  });
});
