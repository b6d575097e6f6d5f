import { describe, expect, it } from 'vitest';
import { checkUpdateUrl, distConfig, distPlatform } from './builder-config';
import { baseBuilderConfig, builderConfigErrors } from './builder-schema';
import type { DistPlatform } from './signing';

const base = baseBuilderConfig();

describe('electron-builder.yml, checked against electron-builder’s schema without packaging', () => {
  it('is valid and declares the installers, the .drona association, the icons and the metadata', () => {
    expect(builderConfigErrors(base)).toEqual([]);
    expect(base).toMatchObject({
      appId: 'org.dronacharya.app',
      productName: 'Dronacharya',
      linux: { target: ['AppImage', 'deb'], category: 'Education', icon: 'build/generated/png' },
      mac: { target: ['dmg', 'zip'], category: 'public.app-category.education', icon: 'build/generated/icon.icns' },
      win: { target: 'nsis', icon: 'build/generated/icon.ico' },
      fileAssociations: [{ ext: 'drona', name: 'Dronacharya course' }],
    });
  });

  it('refuses what electron-builder would refuse, naming where', () => {
    expect(builderConfigErrors({ ...base, linux: { ...(base.linux as object), category: 7 } })).toContain('/linux/category: must be null,string');
    expect(builderConfigErrors({ ...base, nsis: { oneclick: false } })).toContain('/nsis: must NOT have additional properties');
  });

  const platforms: DistPlatform[] = ['linux', 'mac', 'win'];
  const envs = [{}, { CSC_LINK: 'cert.p12', APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' }, { CSC_NAME: 'Dev ID' }];
  it.each(platforms)('stays valid on %s with or without a feed, signing or a local runtime', (platform) => {
    for (const env of envs)
      for (const updateUrl of [null, 'https://sync.acme.example/updates'])
        for (const electronDist of [null, '/x/node_modules/electron/dist']) {
          const config = distConfig(base, { platform, updateUrl, electronDist, env });
          expect(builderConfigErrors(config)).toEqual([]);
          expect(config.publish).toEqual(updateUrl ? [{ provider: 'generic', url: updateUrl }] : undefined);
          expect(config.electronDist).toBe(electronDist ?? undefined);
          if (platform === 'mac') expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true });
        }
  });

  it('turns off the keychain search and notarisation on an unsigned Mac build', () => {
    expect(distConfig(base, { platform: 'mac', updateUrl: null, electronDist: null, env: {} }).mac).toMatchObject({ identity: null, notarize: false });
  });

  it('maps the running platform and checks the feed URL', () => {
    expect([distPlatform('darwin'), distPlatform('win32'), distPlatform('linux'), distPlatform('freebsd')]).toEqual(['mac', 'win', 'linux', 'linux']);
    expect(checkUpdateUrl('https://a.example/updates', '--update-url')).toBe('https://a.example/updates');
    expect(checkUpdateUrl('http://127.0.0.1:8080/updates', '--update-url')).toBe('http://127.0.0.1:8080/updates');
    expect(() => checkUpdateUrl('http://a.example/updates', '--update-url')).toThrow(/--update-url must be an https URL/);
    expect(() => checkUpdateUrl('updates', 'DRONA_UPDATE_URL')).toThrow(/DRONA_UPDATE_URL "updates" is not a URL/);
  });
});
