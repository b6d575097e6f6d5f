// A self-issued certificate: an Open Badges 3.0 AchievementCredential signed by this app's device
// key, from the progress on this device. It says "self-issued" in its name, issuer and evidence,
// and verifies from its did:key issuer alone.
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { evidenceNarrative, type CertificateTier, type Evidence, type OutlineLesson } from '../../common/rules/certificate-criteria';
import { achievementCredential, SELF_ISSUED } from '../../common/sync-api/achievement-credential';
import type { DeviceKey } from './device-key';

export interface SelfIssueInput {
  readonly course: { readonly id: string; readonly title: string; readonly version: string; readonly lessons: readonly OutlineLesson[] };
  readonly tier: CertificateTier;
  readonly learnerName: string;
  readonly evidence: Evidence;
  readonly now: number;
}

export const selfIssuerName = (learnerName: string) => `${learnerName ? `${learnerName}'s ` : ''}Dronacharya app (${SELF_ISSUED})`;

export async function signSelfIssued(key: DeviceKey, input: SelfIssueInput): Promise<{ id: string; jwt: string; issuerName: string }> {
  const id = crypto.randomUUID();
  const issuerName = selfIssuerName(input.learnerName);
  const credential = achievementCredential({
    id,
    issuer: { id: key.did, name: issuerName },
    // The holder is this device's key: the credential names no account it cannot prove.
    subject: { id: key.did, name: input.learnerName },
    course: { id: input.course.id, title: input.course.title, version: input.course.version },
    tier: input.tier,
    achievementId: `urn:drona:achievement:${encodeURIComponent(input.course.id)}:${encodeURIComponent(input.course.version)}:${input.tier}`,
    evidence: evidenceNarrative(input.course.lessons, input.evidence),
    validFrom: input.now,
    selfIssued: true,
  });
  const jwt = await new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(key.did)
    .setSubject(key.did)
    .setJti(credential.id)
    .setNotBefore(Math.floor(input.now / 1000))
    .setIssuedAt(Math.floor(input.now / 1000))
    .sign(key.privateKey);
  return { id, jwt, issuerName };
}
