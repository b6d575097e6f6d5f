// Certificates the sync server issues: the tiers a course offers, those earned, offline checks and the PDF.
import { z } from 'zod';
import { call } from './define';

export const certificateTierNames = ['bronze', 'silver', 'gold'] as const;

export const tierStatusSchema = z.object({ tier: z.enum(certificateTierNames), eligible: z.boolean(), missing: z.array(z.string()) });

export const issuedCertificateSchema = z.object({
  id: z.string(),
  tier: z.enum(certificateTierNames),
  courseId: z.string(),
  courseTitle: z.string(),
  learnerName: z.string(),
  issuerName: z.string(),
  issuedAt: z.number(),
  verifyUrl: z.string(),
  linkedInUrl: z.string(),
  revokedAt: z.number().nullable(),
});
export type IssuedCertificateView = z.infer<typeof issuedCertificateSchema>;

export const certificatesOverviewSchema = z.object({
  courses: z.array(z.object({ courseId: z.string(), title: z.string(), tiers: z.array(tierStatusSchema) })),
  issued: z.array(issuedCertificateSchema),
});
export type CertificatesOverview = z.infer<typeof certificatesOverviewSchema>;

export const certificatesCalls = {
  'certificates.overview': call(z.object({}), certificatesOverviewSchema),
  'certificates.request': call(z.object({ courseId: z.string().min(1).max(120), tier: z.enum(certificateTierNames) }), issuedCertificateSchema),
  /** Checks the signature with the issuer key saved at issue time: works with no network. */
  'certificates.verify': call(z.object({ id: z.string().min(1).max(100) }), z.object({ valid: z.boolean(), revoked: z.boolean(), detail: z.string() })),
  'certificates.exportPdf': call(z.object({ id: z.string().min(1).max(100) }), z.object({ fileName: z.string(), base64: z.string() })),
};
