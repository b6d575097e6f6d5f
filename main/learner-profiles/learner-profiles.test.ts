import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPin, createProfile, forgetProfile, listProfiles, profileDataDir, ProfileError } from './learner-profiles';

const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'drona-profiles-'));

describe('learner profiles', () => {
  it('creates profiles with their own data folders, lists and forgets them', () => {
    const dir = root();
    expect(listProfiles(dir)).toEqual([]);
    const asha = createProfile(dir, 'Asha', null, 1);
    const ravi = createProfile(dir, 'Ravi K.', null, 2);
    expect([asha.id, ravi.id]).toEqual(['asha', 'ravi-k']);
    expect(fs.existsSync(profileDataDir(dir, 'asha'))).toBe(true);
    expect(profileDataDir(dir, 'asha')).not.toBe(profileDataDir(dir, 'ravi-k'));
    expect(() => createProfile(dir, 'asha', null, 3)).toThrow('There is already a profile called asha.');
    forgetProfile(dir, 'asha');
    expect(listProfiles(dir).map((p) => p.id)).toEqual(['ravi-k']);
    expect(() => forgetProfile(dir, 'asha')).toThrow(ProfileError);
  });

  it('keeps a PIN only as an scrypt hash and checks it', () => {
    const dir = root();
    const profile = createProfile(dir, 'Mei', '4821', 1);
    const stored = fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    expect(stored).not.toContain('4821');
    expect(profile.pin).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect(checkPin(profile, '4821')).toBe(true);
    expect(checkPin(profile, '4822')).toBe(false);
    expect(checkPin(profile, null)).toBe(false);
    expect(checkPin(createProfile(dir, 'Open', null, 2), null)).toBe(true);
    expect(() => createProfile(dir, 'Short', '12', 3)).toThrow('That PIN was not used: a PIN is 4 to 12 digits.');
  });
});
