// How saved certificates and checked credentials read: the stored row as the contract's view (with
// the evidence and criteria its credential carries), and a credential's claims in a verifier's words.
import { decodeJwt } from 'jose';
import type { CredentialCheckView, IssuedCertificateView } from '../../preload/contract/certificates';
import { certificateTiers, criteriaNarrative, type CertificateTier } from '../../common/rules/certificate-criteria';
import { linkedInUrl } from '../../common/sync-api/achievement-credential';
import type { certificates } from '../store/schema';

export interface StoredPayload {
  publicJwk: import('jose').JWK;
  learnerName: string;
  issuerName: string;
  courseTitle: string;
}

type Row = typeof certificates.$inferSelect;

/** The claims of a credential as a person checks them; null when `vc` is not a credential at all. */
export function credentialSummary(vc: Record<string, unknown> | null): NonNullable<CredentialCheckView['credential']> | null {
  if (!vc || typeof vc !== 'object') return null;
  const subject = (vc.credentialSubject ?? {}) as { name?: unknown; achievement?: { id?: unknown; criteria?: { narrative?: unknown } } };
  const issuer = (vc.issuer ?? {}) as { id?: unknown; name?: unknown };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const achievementId = text(subject.achievement?.id);
  const tier = certificateTiers.find((t) => achievementId.endsWith(`/${t}`) || achievementId.endsWith(`:${t}`)) ?? null;
  const evidence = Array.isArray(vc.evidence) ? vc.evidence.flatMap((e: { narrative?: unknown }) => text(e?.narrative).split('\n')).filter(Boolean) : [];
  return {
    name: text(vc.name),
    tier,
    learnerName: text(subject.name),
    issuerName: text(issuer.name),
    issuedAt: text(vc.validFrom),
    evidence,
    criteria: text(subject.achievement?.criteria?.narrative),
    selfIssued: text(issuer.id).startsWith('did:key:'),
  };
}

export function certificateView(row: Row): IssuedCertificateView {
  const payload = row.payload as StoredPayload;
  let vc: Record<string, unknown> | null = null;
  try {
    vc = (decodeJwt(row.jwt).vc as Record<string, unknown>) ?? null;
  } catch {
    // A saved copy that no longer decodes shows without evidence; verifying it says it was altered.
    vc = null;
  }
  const tier = row.tier as CertificateTier;
  return {
    id: row.id,
    tier,
    courseId: row.courseId,
    courseTitle: payload.courseTitle,
    learnerName: payload.learnerName,
    issuerName: payload.issuerName,
    issuedAt: row.issuedAt,
    verifyUrl: row.verifyUrl,
    linkedInUrl: linkedInUrl(payload.courseTitle, tier, payload.issuerName, row.issuedAt, row.verifyUrl, row.id),
    revokedAt: row.revokedAt,
    selfIssued: row.issuedBy === 'self',
    replacedBy: row.replacedBy,
    evidence: credentialSummary(vc)?.evidence ?? [],
    criteria: criteriaNarrative[tier],
  };
}
