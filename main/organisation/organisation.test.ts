import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockedChanges, OrgProfileError, parseOrgProfile, type OrgProfile } from './org-profile';
import { canonicalJson, signOrgProfile, verifyOrgProfile } from './org-signature';

const ORG_YAML = `
id: acme-bootcamp
name: Acme Bootcamp
logo: logo.svg
accentColor: "#0b7285"
certificateIssuer: Acme Bootcamp Ltd
syncServer: https://sync.acme.example
tutor:
  provider: ollama
  model: qwen2.5-coder:7b
  baseUrl: http://ollama.acme.example:11434
  dailyBudget: 200
courses: [courses/python-basics.drona, courses/web.drona]
requiredPath: [python-basics, web]
locked: [tutor, sync, updates]
`;

const keys = () => crypto.generateKeyPairSync('ed25519');
const signedAt = new Date('2026-12-01T00:00:00Z');
const expiresAt = new Date('2027-06-01T00:00:00Z');

describe('org.yaml', () => {
  it('reads every field', () => {
    const profile = parseOrgProfile(ORG_YAML);
    expect(profile).toMatchObject({ id: 'acme-bootcamp', tutor: { provider: 'ollama', dailyBudget: 200 }, locked: ['tutor', 'sync', 'updates'] });
    expect(parseOrgProfile('id: tiny\nname: Tiny\n')).toEqual({ id: 'tiny', name: 'Tiny', courses: [], requiredPath: [], locked: [] });
  });

  it('names each problem with its field', () => {
    const bad = 'id: Acme!\nname: A\naccentColor: teal\ncourses: [../secret.drona]\nlocked: [tutor, tutor, wifi]\nsyncServer: ftp://x\nextra: 1\n';
    try {
      parseOrgProfile(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OrgProfileError);
      const problems = (error as OrgProfileError).problems.join('\n');
      for (const field of ['id:', 'accentColor:', 'courses.0:', 'locked.2:', 'syncServer:', '(root): Unrecognized key']) expect(problems).toContain(field);
    }
    expect(() => parseOrgProfile('id: a1\nname: A\nrequiredPath: [x, x]\n')).toThrow(/requiredPath: lists a course twice/);
    expect(() => parseOrgProfile('name: [')).toThrow(/line 1: not valid YAML/);
  });
});

describe('signed profile', () => {
  const profile = parseOrgProfile(ORG_YAML);

  it('verifies with the build’s key, until it expires', () => {
    const { privateKey, publicKey } = keys();
    const digest = 'a'.repeat(64);
    const file = signOrgProfile(profile, privateKey, signedAt, expiresAt, { 'logo.svg': digest });
    expect(verifyOrgProfile(file, publicKey, new Date('2027-01-01'))).toEqual({
      ok: true,
      profile,
      expiresAt: expiresAt.toISOString(),
      files: { 'logo.svg': digest },
    });
    // The file digests are signed too: pointing the profile at another logo is refused.
    expect(verifyOrgProfile(file.replace(digest, 'b'.repeat(64)), publicKey, new Date('2027-01-01'))).toMatchObject({ ok: false });
    expect(verifyOrgProfile(file, publicKey, new Date('2027-06-02'))).toEqual({
      ok: false,
      reason: 'The organisation profile expired on 2027-06-01; ask your organisation for a new one.',
    });
    expect(verifyOrgProfile(signOrgProfile(profile, privateKey, signedAt, null), publicKey, new Date('2099-01-01')).ok).toBe(true);
  });

  it('refuses a profile edited after signing (a learner unlocking a setting), or extended', () => {
    const { privateKey, publicKey } = keys();
    const file = JSON.parse(signOrgProfile(profile, privateKey, signedAt, expiresAt)) as { profile: OrgProfile; expiresAt: string };
    const unlocked = { ...file, profile: { ...file.profile, locked: [] } };
    expect(verifyOrgProfile(JSON.stringify(unlocked), publicKey, signedAt)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed after it was signed/),
    });
    expect(verifyOrgProfile(JSON.stringify({ ...file, expiresAt: '2099-01-01T00:00:00.000Z' }), publicKey, signedAt).ok).toBe(false);
  });

  it('refuses a profile signed by another organisation’s key', () => {
    const file = signOrgProfile(profile, keys().privateKey, signedAt, expiresAt);
    expect(verifyOrgProfile(file, keys().publicKey, signedAt)).toMatchObject({ ok: false, reason: expect.stringMatching(/signed by another organisation/) });
  });

  it('refuses what is not a signed profile, saying so', () => {
    const { publicKey } = keys();
    expect(verifyOrgProfile('id: acme', publicKey, signedAt)).toMatchObject({ ok: false, reason: expect.stringMatching(/not JSON/) });
    expect(verifyOrgProfile('{"format":"dronaorg/1"}', publicKey, signedAt)).toMatchObject({ ok: false, reason: expect.stringMatching(/signedAt is missing/) });
  });

  it('signs the same bytes whatever the key order, and any single flipped byte of the signature fails', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJson(Object.fromEntries(Object.entries(value).reverse())));
      }),
    );
    const { privateKey, publicKey } = keys();
    const file = JSON.parse(signOrgProfile(profile, privateKey, signedAt, null)) as { signature: string };
    const raw = Buffer.from(file.signature, 'base64');
    fc.assert(
      fc.property(fc.nat(raw.length - 1), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const forged = Buffer.from(raw);
        forged[index]! ^= flip;
        expect(verifyOrgProfile(JSON.stringify({ ...file, signature: forged.toString('base64') }), publicKey, signedAt).ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('locked settings', () => {
  it('refuses a change to a locked setting and lets the same value or an unlocked one through', () => {
    const current = { tutor: { provider: 'ollama' }, theme: 'dark', updates: { channel: 'stable' } };
    expect(lockedChanges({ tutor: { provider: 'anthropic' } }, current, ['tutor'])).toEqual(['tutor']);
    expect(lockedChanges({ tutor: { provider: 'ollama' }, theme: 'light' }, current, ['tutor'])).toEqual([]);
    expect(lockedChanges({ updates: { channel: 'beta' }, theme: 'light' }, current, ['updates', 'theme'])).toEqual(['updates', 'theme']);
    expect(lockedChanges({ updates: undefined }, current, ['updates'])).toEqual([]);
  });
});
