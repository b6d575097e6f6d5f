// Every kind of credential the app and the server build validates against the Open Badges 3.0
// AchievementCredential schema's rules; the schema refuses what the spec refuses; a self-issued
// credential verifies from its did:key alone and fails once altered.
import crypto from 'node:crypto';
import { SignJWT, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { achievementCredential, credentialStatus, linkedInUrl, type CredentialInput } from './achievement-credential';
import { envelopeOf, jwtFromPasted, verifySelfIssuedJwt } from './credential-verify';
import { base58btc, didKeyOf, fromBase58btc, publicJwkOfDidKey } from './did-key';
import { achievementCredentialErrors } from '../testing/ob3-schema';
import { certificateTiers } from '../rules/certificate-criteria';

const base = (over: Partial<CredentialInput> = {}): CredentialInput => ({
  id: '7d1a4c1e-5a2b-4c3d-8e9f-0a1b2c3d4e5f',
  issuer: { id: 'https://certs.example/issuer', name: 'Example Bootcamp', url: 'https://certs.example' },
  subject: { id: 'urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201', name: 'Asha' },
  course: { id: 'python-basics', title: 'Python Basics', version: '1.2.0' },
  tier: 'bronze',
  achievementId: 'https://certs.example/achievements/python-basics/bronze',
  evidence: ['Completed 30 of 30 lessons.', 'Quizzes: 5, lowest best score 70%, average 84%.'],
  validFrom: Date.UTC(2026, 11, 6),
  selfIssued: false,
  ...over,
});

async function selfIssuedJwt() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const did = didKeyOf(await exportJWK(publicKey));
  const credential = achievementCredential(
    base({ issuer: { id: did, name: "Asha's Dronacharya app (self-issued)" }, achievementId: 'urn:drona:achievement:python-basics:bronze', selfIssued: true }),
  );
  const jwt = await new SignJWT({ vc: credential }).setProtectedHeader({ alg: 'EdDSA' }).setIssuer(did).setJti(credential.id).sign(privateKey);
  return { jwt, credential };
}

describe('Open Badges 3.0 AchievementCredentials', () => {
  it('validates every tier, server-issued and self-issued, with evidence and criteria', () => {
    for (const tier of certificateTiers)
      for (const selfIssued of [false, true]) {
        const credential = achievementCredential(
          base({ tier, selfIssued, ...(selfIssued ? { issuer: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'App' } } : {}) }),
        );
        expect(achievementCredentialErrors(credential)).toEqual([]);
        expect(credential.evidence[0]!.narrative).toContain('Completed 30 of 30 lessons.');
        expect(credential.credentialSubject.achievement.criteria.narrative).toMatch(/\w/);
        if (selfIssued) expect(credential.name).toBe(`Python Basics: ${tier.charAt(0).toUpperCase()}${tier.slice(1)} (self-issued)`);
      }
  });

  it('refuses what the spec refuses: missing validFrom, a wrong type, no subject id, no criteria, a bad date', () => {
    const good = achievementCredential(base());
    const { validFrom: _dropped, ...undated } = good;
    expect(achievementCredentialErrors(undated)).toContain("/ must have required property 'validFrom'");
    expect(achievementCredentialErrors({ ...good, type: ['VerifiableCredential'] }).length).toBeGreaterThan(0);
    expect(achievementCredentialErrors({ ...good, '@context': ['https://www.w3.org/ns/credentials/v2'] }).length).toBeGreaterThan(0);
    const { id: _id, ...anonymous } = good.credentialSubject;
    expect(achievementCredentialErrors({ ...good, credentialSubject: anonymous }).length).toBeGreaterThan(0);
    const achievement = { ...good.credentialSubject.achievement, criteria: {} };
    expect(achievementCredentialErrors({ ...good, credentialSubject: { ...good.credentialSubject, achievement } }).length).toBeGreaterThan(0);
    expect(achievementCredentialErrors({ ...good, validFrom: '6 December 2026' })).toContain('/validFrom must match format "date-time"');
  });

  it('round-trips did:key and base58btc', () => {
    for (const bytes of [Uint8Array.from([0, 0, 1, 2, 255]), crypto.randomBytes(34)]) expect(fromBase58btc(base58btc(bytes))).toEqual(Uint8Array.from(bytes));
    // The did:key spec's own Ed25519 test vector.
    const did = 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';
    expect(didKeyOf(publicJwkOfDidKey(did)!)).toBe(did);
    expect(publicJwkOfDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme')).toBeNull();
  });

  it('verifies a self-issued credential from its did:key alone, and refuses it once altered', async () => {
    const { jwt } = await selfIssuedJwt();
    expect(await verifySelfIssuedJwt(jwt)).toMatchObject({ valid: true });
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.achievement.name = 'Python Basics: Gold';
    const altered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await verifySelfIssuedJwt(altered)).toMatchObject({ valid: false });
    // Re-signed by another key under the same did: the signature no longer matches the did's key.
    const other = crypto.generateKeyPairSync('ed25519').privateKey;
    const resigned = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).sign(other);
    expect((await verifySelfIssuedJwt(resigned)).valid).toBe(false);
  });

  it('reads a pasted VC-JWT or its JSON envelope, and says what else it got', async () => {
    const { jwt } = await selfIssuedJwt();
    expect(jwtFromPasted(`  ${jwt}\n`)).toEqual({ jwt });
    expect(jwtFromPasted(JSON.stringify(envelopeOf(jwt)))).toEqual({ jwt });
    expect(jwtFromPasted('{"name":"x"}')).toMatchObject({ error: expect.stringContaining('EnvelopedVerifiableCredential') });
    expect(jwtFromPasted('hello')).toMatchObject({ error: expect.stringContaining('neither') });
  });

  it('states status in order: invalid, revoked, expired, then self-issued or valid', () => {
    const now = Date.UTC(2026, 11, 6);
    const ok = { signatureValid: true, revokedAt: null, validUntil: null, selfIssued: false, now };
    expect(credentialStatus(ok)).toBe('valid');
    expect(credentialStatus({ ...ok, selfIssued: true })).toBe('self-issued');
    expect(credentialStatus({ ...ok, validUntil: now })).toBe('expired');
    expect(credentialStatus({ ...ok, validUntil: now, revokedAt: 1 })).toBe('revoked');
    expect(credentialStatus({ ...ok, revokedAt: 1, signatureValid: false })).toBe('invalid');
    expect(linkedInUrl('Py', 'bronze', 'Org', now, null, 'x')).not.toContain('certUrl');
  });
});
