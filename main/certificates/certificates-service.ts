// Certificates: which tiers each started course offers and what is missing; requesting one from
// the sync server (which decides from the evidence it holds) or self-issuing one signed by this
// app's device key when there is no server; exchanging a self-issued one for a server-issued one
// once synced; the saved copies with their issuer key so they verify with no network; checks of
// pasted credentials; revocations and other computers' certificates learnt at each sync; the PDF
// and the credential file.
import { and, eq, isNull } from 'drizzle-orm';
import type { JWK } from 'jose';
import { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { CertificatesOverview, CredentialCheckView, IssuedCertificateView } from '../../preload/contract/certificates';
import { certificateResponse, certificatesResponse } from '../../common/sync-api/schemas';
import { envelopeOf, jwtFromPasted, keyIdOf, verifyCredentialJwt, verifySelfIssuedJwt } from '../../common/sync-api/credential-verify';
import { credentialStatus, type CredentialStatus } from '../../common/sync-api/achievement-credential';
import { tierStatuses, tierTitle, type CertificateTier, type OutlineLesson } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { certificates } from '../store/schema';
import { asDronaError, type AccountSession } from '../sync/account-session';
import { SyncHttpError } from '../sync/api-client';
import { certificateEvidence } from './certificate-evidence';
import { projectReviewEvidence } from '../project/project-store';
import { certificatePdf } from './certificate-pdf';
import { certificateView, credentialSummary, type StoredPayload } from './certificate-views';
import type { DeviceKey } from './device-key';
import { signSelfIssued } from './self-issue';
import { saveServerCertificate, syncServerCertificates, type ServerCertificateDeps } from './server-certificates';

/** What certificates need of sync: the account, sending the outbox now, and word of each drain. */
export interface CertificateSync extends AccountSession {
  /** Sends the outbox now; `pending` is what is still unsent after. */
  syncNow(): Promise<{ pending: number }>;
  onDrained(listener: () => Promise<void>): void;
}

/** What certificates need of the installed courses: which were started, and their outlines. */
export interface CourseSource {
  listCourses(): readonly { id: string; title: string; completedCount: number }[];
  getCourse(
    courseId: string,
  ): { title: string; version?: string; modules: readonly { lessons: readonly { id: string; title: string; type: string }[] }[] } | null;
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
  /** The learner's name as this app knows it (from the first run). */
  readonly learnerName: () => string;
  /** This app's signing key for self-issued certificates, made on first use. */
  readonly deviceKey: () => DeviceKey;
}

const jwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

/** How often a drained sync also asks the server whether any saved certificate was revoked. */
export const REVOCATION_CHECK_MS = 15 * 60_000;

export class CertificatesService {
  private readonly now: () => number;
  private revocationsCheckedAt = -Infinity;
  /** When each self-issued certificate was last offered to the server for exchange. */
  private readonly exchangeTriedAt = new Map<string, number>();
  private readonly serverCertificates: ServerCertificateDeps;

  constructor(
    private readonly store: Store,
    private readonly options: CertificatesOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.serverCertificates = {
      store,
      issuerKey: (jwt) => this.issuerKey(jwt),
      now: this.now,
      fallbackName: () => options.sync.account().displayName ?? '',
    };
    options.sync.onDrained(async () => {
      await this.exchangeSelfIssued();
      await this.refreshFromServer();
    });
  }

  private outline(courseId: string): { title: string; version: string; lessons: OutlineLesson[] } {
    const course = this.options.courses.getCourse(courseId);
    if (!course) throw new DronaError('not_found', `The course "${courseId}" is not installed, so its certificate criteria cannot be checked.`);
    return {
      title: course.title,
      version: course.version ?? '0.0.0',
      lessons: course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, type: l.type, title: l.title }))),
    };
  }

  private issuedViews(): IssuedCertificateView[] {
    return this.store.db.select().from(certificates).orderBy(certificates.issuedAt).all().map(certificateView);
  }

  private view(id: string): IssuedCertificateView {
    const cert = this.issuedViews().find((c) => c.id === id);
    if (!cert) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    return cert;
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

  /** The tier's status on this device's evidence; refuses a tier not earned here. */
  private requireLocallyEligible(courseId: string, tier: CertificateTier) {
    const outline = this.outline(courseId);
    const evidence = certificateEvidence(this.store, courseId);
    const local = tierStatuses(outline.lessons, evidence).find((t) => t.tier === tier)!;
    if (!local.eligible) throw new DronaError('not_eligible', `Not yet eligible for ${tierTitle(tier)}: ${local.missing[0] ?? ''}`, { missing: local.missing });
    return { outline, evidence };
  }

  async request(courseId: string, tier: CertificateTier): Promise<IssuedCertificateView> {
    const { outline } = this.requireLocallyEligible(courseId, tier);
    // The server checks the events it has: send everything first.
    const { pending } = await this.options.sync.syncNow();
    if (pending > 0)
      throw new DronaError(
        'sync_pending',
        'Some progress has not reached the sync server yet, so it cannot check your certificate. Try again when you are online, or self-issue one now.',
      );
    return this.issueFromServer(courseId, tier, outline.title);
  }

  /** Asks the server for the tier (the outbox already sent), saves it, and retires a self-issued one. */
  private async issueFromServer(courseId: string, tier: CertificateTier, title: string): Promise<IssuedCertificateView> {
    const { sync } = this.options;
    try {
      // The server decides against its own registered outline and title, not this app's.
      const issued = await sync.authorized('POST', '/v1/certificates', { courseId, tier }, certificateResponse);
      if (!(await saveServerCertificate(this.serverCertificates, issued)))
        throw new DronaError('bad_signature', 'The server issued a certificate whose signature does not match its published key; it was not saved.');
      const earned = {
        kind: 'certificate-earned',
        idempotencyKey: `certificate-earned:${courseId}:${tier}`,
        courseId,
        occurredAt: this.now(),
        timezone: this.options.timezone(),
        tier,
        // The design's +100% for Gold: when the review this app holds is exceptional by the rubric rule.
        ...(tier === 'gold' && projectReviewEvidence(this.store, courseId)?.exceptional ? { exceptional: true } : {}),
      };
      await this.options.progress.record(earned).catch((error: unknown) => this.options.warn?.(`certificate-earned was not recorded: ${messageOf(error)}`));
      return this.view(issued.id);
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'course_not_registered') {
        throw new DronaError(
          'course_not_registered',
          `The sync server does not certify "${title}": its administrator has not registered this course. Your progress is saved; ask them to register it (drona server register-course), or self-issue a certificate.`,
        );
      }
      throw asDronaError(error);
    }
  }

  /**
   * Signs a certificate with this app's device key from the progress on this device: no server
   * needed, marked self-issued everywhere. Its XP waits for the server-issued one it can be
   * exchanged for (the server would refuse XP for a certificate it did not issue).
   */
  async selfIssue(courseId: string, tier: CertificateTier): Promise<IssuedCertificateView> {
    const { outline, evidence } = this.requireLocallyEligible(courseId, tier);
    const existing = this.store.db
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(eq(certificates.issuedBy, 'self'), eq(certificates.courseId, courseId), eq(certificates.tier, tier), isNull(certificates.replacedBy)))
      .get();
    if (existing) return this.view(existing.id);
    const key = this.options.deviceKey();
    const learnerName = this.options.learnerName();
    const now = this.now();
    const signed = await signSelfIssued(key, { course: { id: courseId, ...outline }, tier, learnerName, evidence, now });
    const payload: StoredPayload = { publicJwk: key.publicJwk, learnerName, issuerName: signed.issuerName, courseTitle: outline.title };
    this.store.db
      .insert(certificates)
      .values({ id: signed.id, tier, courseId, issuedAt: now, jwt: signed.jwt, payload, verifyUrl: null, issuedBy: 'self' })
      .run();
    return this.view(signed.id);
  }

  /**
   * After a drained sync, offers each self-issued certificate to the server (at most every
   * REVOCATION_CHECK_MS each): where the server's evidence agrees it issues its own, which
   * replaces the self-issued one; where it does not, the self-issued one stays as it is.
   */
  private async exchangeSelfIssued(): Promise<void> {
    if (!this.options.sync.account().signedIn) return;
    const waiting = this.store.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.issuedBy, 'self'), isNull(certificates.replacedBy)))
      .all();
    for (const row of waiting) {
      if (this.now() - (this.exchangeTriedAt.get(row.id) ?? -Infinity) < REVOCATION_CHECK_MS) continue;
      this.exchangeTriedAt.set(row.id, this.now());
      try {
        // Called after a drain: the outbox is sent, so the server holds what this device recorded.
        await this.issueFromServer(row.courseId, row.tier as CertificateTier, (row.payload as StoredPayload).courseTitle);
      } catch (error) {
        this.options.warn?.(`self-issued ${row.tier} for ${row.courseId} stays self-issued: ${messageOf(error)}`);
      }
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
    const kid = keyIdOf(jwt);
    return (jwks.keys.find((k) => k.kid === kid) ?? jwks.keys[0]) as JWK;
  }

  /**
   * Brings the saved certificates up to the server's list (revocations, and certificates issued
   * to this account on another computer, so a second computer gets them back), at most every
   * REVOCATION_CHECK_MS; a failure waits for the next drain.
   */
  private async refreshFromServer(): Promise<void> {
    if (!this.options.sync.account().signedIn || this.now() - this.revocationsCheckedAt < REVOCATION_CHECK_MS) return;
    try {
      const { certificates: issued } = await this.options.sync.authorized('GET', '/v1/certificates', undefined, certificatesResponse);
      const refused = await syncServerCertificates(this.serverCertificates, issued);
      if (refused.length > 0) this.options.warn?.(`certificates whose signature does not match the server's key were not saved: ${refused.join(', ')}`);
      this.revocationsCheckedAt = this.now();
    } catch (error) {
      this.options.warn?.(`could not bring certificates up to the server's list: ${messageOf(error)}`);
    }
  }

  async verify(id: string): Promise<{ valid: boolean; revoked: boolean; status: CredentialStatus; detail: string }> {
    const row = this.store.db.select().from(certificates).where(eq(certificates.id, id)).get();
    if (!row) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    const selfIssued = row.issuedBy === 'self';
    const check = selfIssued
      ? await verifySelfIssuedJwt(row.jwt, this.now())
      : await verifyCredentialJwt(row.jwt, (row.payload as StoredPayload).publicJwk, this.now());
    const validUntil = (check.credential as { validUntil?: string } | null)?.validUntil;
    const status = credentialStatus({ signatureValid: check.valid, revokedAt: row.revokedAt, validUntil, selfIssued, now: this.now() });
    return { valid: check.valid, revoked: row.revokedAt !== null, status, detail: statusDetail(status, check.reason, row.revokedAt) };
  }

  /**
   * Checks a credential someone pasted or dropped, with no network: a self-issued one against its
   * did:key, a server-issued one against an issuer key this app saved (else it says it cannot).
   */
  async verifyCredential(text: string): Promise<CredentialCheckView> {
    const pasted = jwtFromPasted(text);
    if ('error' in pasted) return { status: 'invalid', detail: pasted.error, credential: null };
    const { jwt } = pasted;
    const self = await verifySelfIssuedJwt(jwt, this.now());
    let check = self;
    let selfIssued = self.valid || (self.credential !== null && credentialSummary(self.credential)?.selfIssued === true);
    if (!selfIssued) {
      const kid = keyIdOf(jwt);
      const saved = this.store.db.select({ payload: certificates.payload }).from(certificates).where(eq(certificates.issuedBy, 'server')).all();
      const key = saved.map((r) => (r.payload as StoredPayload).publicJwk).find((k) => k.kid === kid);
      if (!key)
        return {
          status: 'invalid',
          detail: 'This credential was issued by a server this app has no key for, so it cannot be checked offline: open its verification page.',
          credential: credentialSummary(self.credential),
        };
      check = await verifyCredentialJwt(jwt, key, this.now());
      selfIssued = false;
    }
    const row = check.credential ? this.store.db.select().from(certificates).where(eq(certificates.jwt, jwt)).get() : undefined;
    const validUntil = (check.credential as { validUntil?: string } | null)?.validUntil;
    const status = credentialStatus({ signatureValid: check.valid, revokedAt: row?.revokedAt ?? null, validUntil, selfIssued, now: this.now() });
    return { status, detail: statusDetail(status, check.reason, row?.revokedAt ?? null), credential: credentialSummary(check.credential) };
  }

  async exportPdf(id: string): Promise<{ fileName: string; base64: string }> {
    const cert = this.view(id);
    const { status } = await this.verify(id);
    const bytes = await certificatePdf(cert, status);
    return { fileName: `certificate-${slugOf(cert)}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  }

  exportCredential(id: string): { fileName: string; json: string } {
    const row = this.store.db.select().from(certificates).where(eq(certificates.id, id)).get();
    if (!row) throw new DronaError('not_found', 'No certificate with this id is saved in this app.');
    return { fileName: `credential-${slugOf(certificateView(row))}.json`, json: `${JSON.stringify(envelopeOf(row.jwt), null, 2)}\n` };
  }
}

const slugOf = (cert: IssuedCertificateView) => `${cert.courseId}-${cert.tier}${cert.selfIssued ? '-self-issued' : ''}`.replace(/[^\w-]+/g, '-');

function statusDetail(status: CredentialStatus, reason: string | undefined, revokedAt: number | null): string {
  switch (status) {
    case 'valid':
      return 'The Ed25519 signature holds against the issuer key saved when it was issued; not revoked, not expired.';
    case 'self-issued':
      return "The Ed25519 signature holds against the app key named in it. It is self-issued: the learner's own app signed it, and no server has checked the evidence.";
    case 'revoked':
      return `The signature holds, but the issuer revoked it on ${new Date(revokedAt!).toUTCString()}.`;
    case 'expired':
      return 'The signature holds, but the credential has expired.';
    case 'invalid':
      return `The signature does not hold (${reason ?? 'unknown reason'}): the credential was altered or not issued by the key it names.`;
  }
}
