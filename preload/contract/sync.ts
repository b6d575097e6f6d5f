// Sync with a hosted Dronacharya server: sign-in, the outbox, leaderboards and certificates.
import { z } from 'zod';
import { call, event } from './define';

export const certificateTierNames = ['bronze', 'silver', 'gold'] as const;

export const syncStatusSchema = z.object({
  serverUrl: z.string(),
  signedIn: z.boolean(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  optedIn: z.boolean(),
  /** Events waiting in the outbox. */
  pending: z.number().int(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  state: z.enum(['off', 'signed-out', 'idle', 'syncing', 'offline', 'error']),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const boardRowSchema = z.object({ rank: z.number(), learnerId: z.string(), displayName: z.string(), score: z.number() });
export type LeaderboardRow = z.infer<typeof boardRowSchema>;

export const leaderboardViewSchema = z.object({
  board: z.enum(['week', 'all', 'streak', 'course']),
  courseId: z.string().nullable(),
  learnerId: z.string().nullable(),
  /** When the data shown was fetched; older than a few minutes means the server was unreachable. */
  fetchedAt: z.number().nullable(),
  fromCache: z.boolean(),
  error: z.string().nullable(),
  league: z
    .object({ week: z.string(), tier: z.number(), tierName: z.string(), promote: z.number(), demote: z.number(), members: z.array(boardRowSchema) })
    .nullable(),
  around: z.object({ me: boardRowSchema.nullable(), above: z.array(boardRowSchema), below: z.array(boardRowSchema) }).nullable(),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

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

export const syncCalls = {
  'sync.status': call(z.object({}), syncStatusSchema),
  'sync.configure': call(z.object({ serverUrl: z.string().trim().max(300) }), syncStatusSchema),
  'sync.signIn': call(
    z.object({ displayName: z.string().trim().min(1, 'Enter the name to show on leaderboards').max(80), email: z.email().max(200).optional(), optedIn: z.boolean().default(true) }),
    syncStatusSchema,
  ),
  'sync.signOut': call(z.object({}), syncStatusSchema),
  'sync.setOptIn': call(z.object({ optedIn: z.boolean() }), syncStatusSchema),
  'sync.syncNow': call(z.object({}), syncStatusSchema),
  'leaderboard.get': call(z.object({ board: z.enum(['week', 'all', 'streak', 'course']), courseId: z.string().max(120).optional() }), leaderboardViewSchema),
  'certificates.overview': call(z.object({}), certificatesOverviewSchema),
  'certificates.request': call(z.object({ courseId: z.string().min(1).max(120), tier: z.enum(certificateTierNames) }), issuedCertificateSchema),
  /** Checks the signature with the issuer key saved at issue time: works with no network. */
  'certificates.verify': call(
    z.object({ id: z.string().min(1).max(100) }),
    z.object({ valid: z.boolean(), revoked: z.boolean(), detail: z.string() }),
  ),
  'certificates.exportPdf': call(z.object({ id: z.string().min(1).max(100) }), z.object({ fileName: z.string(), base64: z.string() })),
};

export const syncEvents = {
  'sync.changed': event(syncStatusSchema),
};
