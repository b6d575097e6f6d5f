// Code signing and notarisation come from electron-builder's own environment variables. Pure:
// the platform and the environment in, one notice per step that will be skipped out, so an
// unsigned build says so instead of failing or passing silently.
export type DistPlatform = 'linux' | 'mac' | 'win';

type Env = Readonly<Record<string, string | undefined>>;

const has = (env: Env, name: string) => Boolean(env[name]?.trim());

/** The three credential sets electron-builder's notarisation accepts (any one, complete). */
const NOTARY_SETS = [
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const;

const canNotarise = (env: Env) => NOTARY_SETS.some((set) => set.every((name) => has(env, name)));

export function signingNotices(platform: DistPlatform, env: Env): string[] {
  if (platform === 'linux') return []; // AppImage and deb are not code-signed.
  if (platform === 'win') {
    return has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')
      ? []
      : ['not code-signing the Windows installer: set WIN_CSC_LINK (or CSC_LINK) and CSC_KEY_PASSWORD to sign it.'];
  }
  const notices: string[] = [];
  if (!has(env, 'CSC_LINK') && !has(env, 'CSC_NAME'))
    notices.push('not code-signing the macOS app: set CSC_LINK and CSC_KEY_PASSWORD (or CSC_NAME for a keychain identity) to sign it.');
  if (!canNotarise(env))
    notices.push(
      'not notarising the macOS app: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_KEYCHAIN and APPLE_KEYCHAIN_PROFILE.',
    );
  return notices;
}

/** The mac section with signing decided: no keychain search when nothing is set, notarised only when signed and credentials are there. */
export function macSigning(env: Env): { identity?: null; notarize: boolean } {
  const unsigned = !has(env, 'CSC_LINK') && !has(env, 'CSC_NAME');
  return unsigned ? { identity: null, notarize: false } : { notarize: canNotarise(env) };
}
