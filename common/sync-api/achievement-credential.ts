// Open Badges 3.0 AchievementCredentials, built one way for both issuers: the hosted API (from the
// evidence it holds) and the app's device key (self-issued, from the progress on this device, and
// saying so in its name, description, issuer and evidence). Also the credential's status as a
// verifier reads it, and LinkedIn's "Add to profile" link.
import { criteriaNarrative, tierTitle, type CertificateTier } from '../rules/certificate-criteria';

export const credentialContexts = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

/** Marks a credential no server checked, wherever its name shows. */
export const SELF_ISSUED = 'self-issued';

export interface CredentialInput {
  /** A UUID: the credential is `urn:uuid:<id>`. */
  readonly id: string;
  readonly issuer: { readonly id: string; readonly name: string; readonly url?: string | undefined };
  readonly subject: { readonly id: string; readonly name: string };
  readonly course: { readonly id: string; readonly title: string; readonly version: string };
  readonly tier: CertificateTier;
  /** The achievement's id: the issuer's URL for it, or a URN for a self-issued one. */
  readonly achievementId: string;
  /** What was completed and scored, one line each (the credential's evidence narrative). */
  readonly evidence: readonly string[];
  readonly validFrom: number;
  readonly validUntil?: number | undefined;
  readonly selfIssued: boolean;
}

export function credentialName(courseTitle: string, tier: CertificateTier, selfIssued: boolean): string {
  return `${courseTitle}: ${tierTitle(tier)}${selfIssued ? ` (${SELF_ISSUED})` : ''}`;
}

export function achievementCredential(input: CredentialInput) {
  const name = credentialName(input.course.title, input.tier, input.selfIssued);
  const source = input.selfIssued
    ? "Self-issued by the learner's own Dronacharya app from the progress recorded on that device; no server has checked this evidence."
    : `Issued by ${input.issuer.name} from the evidence it holds.`;
  return {
    '@context': [...credentialContexts],
    id: `urn:uuid:${input.id}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    name,
    description: `${tierTitle(input.tier)} certificate for ${input.course.title}. ${source}`,
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name, ...(input.issuer.url ? { url: input.issuer.url } : {}) },
    validFrom: new Date(input.validFrom).toISOString(),
    ...(input.validUntil === undefined ? {} : { validUntil: new Date(input.validUntil).toISOString() }),
    credentialSubject: {
      id: input.subject.id,
      type: ['AchievementSubject'],
      name: input.subject.name,
      achievement: {
        id: input.achievementId,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: `${input.course.title}: ${tierTitle(input.tier)}`,
        description: `${tierTitle(input.tier)} certificate for ${input.course.title} (course ${input.course.id}, version ${input.course.version}).`,
        criteria: { narrative: criteriaNarrative[input.tier] },
        version: input.course.version,
      },
    },
    evidence: [
      {
        type: ['Evidence'],
        name: input.selfIssued ? 'Learning record on this device (self-issued)' : `Learning record held by ${input.issuer.name}`,
        narrative: input.evidence.join('\n'),
        description: source,
      },
    ],
  };
}

export type AchievementCredential = ReturnType<typeof achievementCredential>;

export const credentialStatuses = ['valid', 'revoked', 'expired', 'self-issued', 'invalid'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

/**
 * A credential's status as a verifier states it: a signature that fails makes it invalid, then
 * revocation and expiry; a self-issued one that holds says so rather than "valid".
 */
export function credentialStatus(check: {
  readonly signatureValid: boolean;
  readonly revokedAt: number | null;
  readonly validUntil: string | number | null | undefined;
  readonly selfIssued: boolean;
  readonly now: number;
}): CredentialStatus {
  if (!check.signatureValid) return 'invalid';
  if (check.revokedAt !== null) return 'revoked';
  if (check.validUntil !== null && check.validUntil !== undefined && new Date(check.validUntil).getTime() <= check.now) return 'expired';
  return check.selfIssued ? 'self-issued' : 'valid';
}

/** LinkedIn's "Add to profile" for a certification, prefilled. */
export function linkedInUrl(courseTitle: string, tier: string, issuerName: string, issuedAt: number, verifyUrl: string | null, id: string): string {
  const date = new Date(issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: `${courseTitle} (${tierTitle(tier)})`,
    organizationName: issuerName,
    issueYear: String(date.getUTCFullYear()),
    issueMonth: String(date.getUTCMonth() + 1),
    ...(verifyUrl ? { certUrl: verifyUrl } : {}),
    certId: id,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
