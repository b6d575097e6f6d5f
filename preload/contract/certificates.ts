// Certificates: the tiers a course offers, those earned (signed by the sync server, or self-issued
// by this app's device key when offline), offline checks of saved and pasted credentials, the PDF.
import { z } from 'zod';
import { call } from './define';

export const certificateTierNames = ['bronze', 'silver', 'gold'] as const;
/** As a verifier states it (common/sync-api/achievement-credential.ts credentialStatus). */
export const credentialStatusNames = ['valid', 'revoked', 'expired', 'self-issued', 'invalid'] as const;

export const tierStatusSchema = z.object({ tier: z.enum(certificateTierNames), eligible: z.boolean(), missing: z.array(z.string()) });

export const issuedCertificateSchema = z.object({
  id: z.string(),
  tier: z.enum(certificateTierNames),
  courseId: z.string(),
  courseTitle: z.string(),
  learnerName: z.string(),
  issuerName: z.string(),
  issuedAt: z.number(),
  /** The issuer's public verification page; null for a self-issued certificate (it has none). */
  verifyUrl: z.string().nullable(),
  linkedInUrl: z.string(),
  revokedAt: z.number().nullable(),
  /** Signed by this app's device key rather than a server: shown as "self-issued" everywhere. */
  selfIssued: z.boolean(),
  /** For a self-issued certificate: the server-issued one it was exchanged for. */
  replacedBy: z.string().nullable(),
  /** The evidence the credential carries, one line each, and the tier's criteria. */
  evidence: z.array(z.string()),
  criteria: z.string(),
});
export type IssuedCertificateView = z.infer<typeof issuedCertificateSchema>;

export const certificatesOverviewSchema = z.object({
  courses: z.array(z.object({ courseId: z.string(), title: z.string(), tiers: z.array(tierStatusSchema) })),
  issued: z.array(issuedCertificateSchema),
});
export type CertificatesOverview = z.infer<typeof certificatesOverviewSchema>;

/** What a check of a credential found: its status, in words, and what it claims. */
export const credentialCheckSchema = z.object({
  status: z.enum(credentialStatusNames),
  detail: z.string(),
  credential: z
    .object({
      name: z.string(),
      tier: z.enum(certificateTierNames).nullable(),
      learnerName: z.string(),
      issuerName: z.string(),
      issuedAt: z.string(),
      evidence: z.array(z.string()),
      criteria: z.string(),
      selfIssued: z.boolean(),
    })
    .nullable(),
});
export type CredentialCheckView = z.infer<typeof credentialCheckSchema>;

const tierInput = z.object({ courseId: z.string().min(1).max(120), tier: z.enum(certificateTierNames) });
const idInput = z.object({ id: z.string().min(1).max(100) });

export const certificatesCalls = {
  'certificates.overview': call(z.object({}), certificatesOverviewSchema),
  /** From the sync server, which decides from the evidence it holds. */
  'certificates.request': call(tierInput, issuedCertificateSchema),
  /** Signed by this app's device key from the progress on this device; needs no server. */
  'certificates.selfIssue': call(tierInput, issuedCertificateSchema),
  /** Checks a saved certificate's signature with the key saved at issue time: works with no network. */
  'certificates.verify': call(idInput, z.object({ valid: z.boolean(), revoked: z.boolean(), status: z.enum(credentialStatusNames), detail: z.string() })),
  /** Checks a credential someone pasted or dropped (a VC-JWT or its JSON file), offline. */
  'certificates.verifyCredential': call(z.object({ text: z.string().min(1).max(100_000) }), credentialCheckSchema),
  'certificates.exportPdf': call(idInput, z.object({ fileName: z.string(), base64: z.string() })),
  /** The credential as a JSON file (a VC Data Model 2.0 EnvelopedVerifiableCredential). */
  'certificates.exportCredential': call(idInput, z.object({ fileName: z.string(), json: z.string() })),
};
