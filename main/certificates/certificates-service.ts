// Certificates from the sync server: which tiers each started course offers and what is missing,
// requesting one (the server decides from the events it holds), the saved copies with their
// issuer key so they verify with no network, revocations learnt at each sync, and the PDF.
import { eq } from 'drizzle-orm';
import type { JWK } from 'jose';
import { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract';
import type { CertificatesOverview, IssuedCertificateView } from '../../preload/contract/certificates';
import { certificateResponse, certificatesResponse } from '../../common/sync-api/schemas';
import { verifyCredentialJwt } from '../../common/sync-api/credential-verify';
import { tierStatuses, type CertificateTier, type OutlineLesson } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { certificates } from '../store/schema';
import { asDronaError, type AccountSession } from '../sync/account-session';
import { SyncHttpError } from '../sync/api-client';
import { certificateEvidence } from './certificate-evidence';
import { certificatePdf } from './certificate-pdf';

/** What certificates need of sync: the account, sending the outbox now, and word of each drain. */
export interface CertificateSync extends AccountSession {
  /** Sends the outbox now; `pending` is what is still unsent after. */
  syncNow(): Promise<{ pending: number }>;
  onDrained(listener: () => Promise<void>): void;
}

/** What certificates need of the installed courses: which were started, and their outlines. */
export interface CourseSource {
  listCourses(): readonly { id: string; title: string; completedCount: number }[];
  getCourse(courseId: string): { title: string; modules: readonly { lessons: readonly { id: string; title: string; type: string }[] }[] } | null;
}

/** Where an earned certificate is recorded as progress (XP, achievements). */
export interface ProgressSink {
  record(event: Record<string, unknown>): Promise<unknown>;
}

export interface CertificatesOptions {
  readonly sync: CertificateSync;
  readonly courses: CourseSource;
  readonly progress: ProgressSink;
  readonly timezone: () => string;
  readonly now?: () => number;
  readonly warn?: (message: string) => void;
}

interface StoredPayload {
  publicJwk: JWK;
  learnerName: string;
  issuerName: string;
  courseTitle: string;
}

const jwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

/** How often a drained sync also asks the server whether any saved certificate was revoked. */
export const REVOCATION_CHECK_MS = 15 * 60_000;

export class CertificatesService {
  private readonly now: () => number;
  private revocationsCheckedAt = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly options: CertificatesOptions,
  ) {
    this.now = options.now ?? Date.now;
    options.sync.onDrained(() => this.refreshRevocations());
  }

  private outline(courseId: string): { title: string; lessons: OutlineLesson[] } {
    const course = this.options.courses.getCourse(courseId);
    if (!course) throw new DronaError('not_found', `The course "${courseId}" is not installed, so its certificate criteria cannot be checked.`);
    return { title: course.title, lessons: course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, type: l.type, title: l.title }))) };
  }

  private issuedViews(): IssuedCertificateView[] {
    return this.store.db
      .select()
      .from(certificates)
      .orderBy(certificates.issuedAt)
      .all()
      .map((row) => {
        const payload = row.payload as StoredPayload;
        return {
          id: row.id,
          tier: row.tier as CertificateTier,
          courseId: row.courseId,
          courseTitle: payload.courseTitle,
          learnerName: payload.learnerName,
          issuerName: payload.issuerName,
          issuedAt: row.issuedAt,
          verifyUrl: row.verifyUrl,
          linkedInUrl: linkedInUrl(payload.courseTitle, row.tier, payload.issuerName, row.issuedAt, row.verifyUrl, row.id),
          revokedAt: row.revokedAt,
        };
      });
  }

  overview(): CertificatesOverview {
    const started = this.options.courses.listCourses().filter((c) => c.completedCount > 0);
    return {
      courses: started.map((course) => {
        const outline = this.outline(course.id);
        return { courseId: course.id, title: outline.title, tiers: tierStatuses(outline.lessons, certificateEvidence(this.store, course.id)) };
      }),
      issued: this.issuedViews(),
    };
  }

  async request(courseId: string, tier: CertificateTier): Promise<IssuedCertificateView> {
    const outline = this.outline(courseId);
    const local = tierStatuses(outline.lessons, certificateEvidence(this.store, courseId)).find((t) => t.tier === tier)!;
    if (!local.eligible) throw new DronaError('not_eligible', `Not yet eligible for ${tier}: ${local.missing[0] ?? ''}`, { missing: local.missing });
    // The server checks the events it has: send everything first.
    const { pending } = await this.options.sync.syncNow();
    if (pending > 0)
      throw new DronaError(
        'sync_pending',
        'Some progress has not reached the sync server yet, so it cannot check your certificate. Try again when you are online.',
      );
    const { sync } = this.options;
    try {
      // The server decides against its own registered outline and title, not this app's.
      const issued = await sync.authorized('POST', '/v1/certificates', { courseId, tier }, certificateResponse);
      const publicJwk = await this.issuerKey(issued.jwt);
      const check = await verifyCredentialJwt(issued.jwt, publicJwk);
      if (!check.valid)
        throw new DronaError('bad_signature', 'The server issued a certificate whose signature does not match its published key; it was not saved.');
      const issuer = (check.credential?.issuer ?? {}) as { name?: string };
      const subject = (check.credential?.credentialSubject ?? {}) as { name?: string };
      const learnerName = subject.name ?? sync.account().displayName ?? '';
      const payload: StoredPayload = { publicJwk, learnerName, issuerName: issuer.name ?? 'Dronacharya', courseTitle: issued.courseTitle };
      this.store.db
        .insert(certificates)
        .values({
          id: issued.id,
          tier: issued.tier,
          courseId,
          issuedAt: issued.issuedAt,
          jwt: issued.jwt,
          payload,
          verifyUrl: issued.verifyUrl,
          revokedAt: issued.revokedAt,
        })
        .onConflictDoNothing()
        .run();
      const earned = {
        kind: 'certificate-earned',
        idempotencyKey: `certificate-earned:${courseId}:${tier}`,
        courseId,
        occurredAt: this.now(),
        timezone: this.options.timezone(),
        tier,
      };
      await this.options.progress.record(earned).catch((error: unknown) => this.options.warn?.(`certificate-earned was not recorded: ${messageOf(error)}`));
      return this.issuedViews().find((c) => c.id === issued.id)!;
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'course_not_registered') {
        throw new DronaError(
          'course_not_registered',
          `The sync server does not certify "${outline.title}": its administrator has not registered this course. Your progress is saved; ask them to register it (drona server register-course), then request the certificate again.`,
        );
      }
      throw asDronaError(error);
    }
  }

  /** The server's published key that signed `jwt`, saved with the certificate so it verifies offline. */
  private async issuerKey(jwt: string): Promise<JWK> {
    let jwks: z.output<typeof jwksResponse>;
    try {
      jwks = await this.options.sync.publicGet('/.well-known/jwks.json', jwksResponse);
    } catch (error) {
      if (error instanceof SyncHttpError) throw new SyncHttpError(error.status, 'jwks_unavailable', 'The sync server did not publish its signing key.');
      throw error;
    }
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid?: string };
    return (jwks.keys.find((k) => k.kid === header.kid) ?? jwks.keys[0]) as JWK;
  }

  /**
   * Copies the server's revocations onto the saved certificates (an issuer can revoke one after it
   * was issued), at most every REVOCATION_CHECK_MS; a failure waits for the next drain.
   */
  private async refreshRevocations(): Promise<void> {
    const saved = this.store.db.select({ id: certificates.id, revokedAt: certificates.revokedAt }).from(certificates).all();
    if (saved.length === 0 || this.now() - this.revocationsCheckedAt < REVOCATION_CHECK_MS) return;
    try {
      const { certificates: issued } = await this.options.sync.authorized('GET', '/v1/certificates', undefined, certificatesResponse);
      const revokedAt = new Map(issued.map((cert) => [cert.id, cert.revokedAt]));
      for (const row of saved) {
        const current = revokedAt.get(row.id);
        if (current !== undefined && current !== row.revokedAt)
          this.store.db.update(certificates).set({ revokedAt: current }).where(eq(certificates.id, row.id)).run();
      }
      this.revocationsCheckedAt = this.now();
    } catch (error) {
      this.options.warn?.(`could not check certificates for revocation: ${messageOf(error)}`);
    }
  }

  async verify(id: string): Promise<{ valid: boolean; revoked: boolean; detail: string }> {
    const row = this.store.db.select().from(certificates).where(eq(certificates.id, id)).get();
    if (!row) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    const check = await verifyCredentialJwt(row.jwt, (row.payload as StoredPayload).publicJwk);
    const revoked = row.revokedAt !== null;
    return {
      valid: check.valid,
      revoked,
      detail: check.valid
        ? `The Ed25519 signature holds against the issuer key saved when it was issued${revoked ? `, but the issuer revoked it on ${new Date(row.revokedAt!).toUTCString()}` : ''}.`
        : `The signature does not hold (${check.reason ?? 'unknown reason'}): the certificate was altered or not issued by this server.`,
    };
  }

  async exportPdf(id: string): Promise<{ fileName: string; base64: string }> {
    const cert = this.issuedViews().find((c) => c.id === id);
    if (!cert) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    const bytes = await certificatePdf(cert);
    const slug = `${cert.courseId}-${cert.tier}`.replace(/[^\w-]+/g, '-');
    return { fileName: `certificate-${slug}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  }
}

export function linkedInUrl(courseTitle: string, tier: string, issuerName: string, issuedAt: number, verifyUrl: string, id: string): string {
  const date = new Date(issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: `${courseTitle} (${tier.charAt(0).toUpperCase()}${tier.slice(1)})`,
    organizationName: issuerName,
    issueYear: String(date.getUTCFullYear()),
    issueMonth: String(date.getUTCMonth() + 1),
    certUrl: verifyUrl,
    certId: id,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
