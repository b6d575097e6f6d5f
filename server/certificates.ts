// Open Badges 3.0 AchievementCredentials, signed as VC-JWTs with the server's Ed25519 key, issued
// only for registered courses from the evidence the server holds (the events it ingested for
// Bronze, its graded exam for Silver, an accepted review for Gold), and revocable.
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import type { IssuedCertificate } from '../common/sync-api/schemas';
import { evidenceFromEvents, evidenceNarrative, tierStatuses, tierTitle, type CertificateTier, type Evidence } from '../common/rules/certificate-criteria';
import { achievementCredential } from '../common/sync-api/achievement-credential';
import { lessonsOf, requireCourse, type RegisteredCourse } from './course-registry';
import type { ServerKeys } from './keys';
import { noTierRecords, type TierRecords } from './tier-records';
import { verifyCredentialJwt } from '../common/sync-api/credential-verify';

export { verifyCredentialJwt };

export interface Issuer {
  readonly baseUrl: string;
  readonly name: string;
}

export interface CertificateRow {
  id: string;
  learner_id: string;
  course_id: string;
  course_title: string;
  tier: CertificateTier;
  issued_at: number;
  jwt: string;
  revoked_at: number | null;
  revoked_reason: string | null;
}

export const verifyUrl = (issuer: Issuer, id: string) => `${issuer.baseUrl}/verify/${id}`;

const toIssued = (issuer: Issuer, row: CertificateRow): IssuedCertificate => ({
  id: row.id,
  tier: row.tier,
  courseId: row.course_id,
  courseTitle: row.course_title,
  issuedAt: Number(row.issued_at),
  jwt: row.jwt,
  verifyUrl: verifyUrl(issuer, row.id),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
});

export function issuerProfile(issuer: Issuer) {
  return { id: `${issuer.baseUrl}/issuer`, type: ['Profile'], name: issuer.name, url: issuer.baseUrl };
}

/** What this server holds towards a learner's tier: their ingested events, and the exam or review it needs. */
async function heldEvidence(db: Database, records: TierRecords, learnerId: string, courseId: string, tier: CertificateTier): Promise<Evidence> {
  // Only this learner's accepted events (ingestion stores no rejected one), each lesson once.
  const rows = await db.query<{ kind: string; lesson_id: string; score: string | null }>(sql`select kind, lesson_id, facts->>'score' as score
    from events where learner_id = ${learnerId} and course_id = ${courseId}
      and kind in ('lesson-completed', 'check-passed', 'challenge-completed', 'quiz-passed') and lesson_id is not null`);
  return {
    ...evidenceFromEvents(rows.map((row) => ({ kind: row.kind, lessonId: row.lesson_id, score: row.score }))),
    exam: tier === 'bronze' ? null : await records.exam(learnerId, courseId),
    review: tier === 'gold' ? await records.review(learnerId, courseId) : null,
  };
}

/** The refusal for a tier the evidence does not support, naming what is missing. */
function refusal(course: RegisteredCourse, tier: CertificateTier, evidence: Evidence, missing: string[], bronzeEligible: boolean): ApiError {
  if (bronzeEligible && tier !== 'bronze' && !evidence.exam) {
    return new ApiError(
      422,
      'exam_required',
      `Silver and Gold for "${course.title}" are issued only from a Silver exam this server graded, and it holds none of yours. Take the Silver exam while signed in to this server.`,
      { missing },
    );
  }
  if (bronzeEligible && tier === 'gold' && evidence.exam?.passed && !evidence.review) {
    return new ApiError(
      422,
      'review_required',
      `Gold for "${course.title}" is issued only from a project review this server accepted, and it holds none of yours. Submit your Gold project for review.`,
      { missing },
    );
  }
  return new ApiError(422, 'not_eligible', `Not yet eligible for ${tierTitle(tier)}: ${missing.length} requirement(s) missing.`, { missing });
}

export async function issueCertificate(
  db: Database,
  keys: ServerKeys,
  issuer: Issuer,
  learnerId: string,
  request: { courseId: string; tier: CertificateTier },
  now: number,
  records: TierRecords = noTierRecords,
): Promise<IssuedCertificate> {
  // The outline and title are the server's registered ones: a client's would let it certify
  // "all 30 lessons" for one completed lesson.
  const course = await requireCourse(db, request.courseId);
  const [existing] = await db.query<CertificateRow>(sql`select * from certificates
    where learner_id = ${learnerId} and course_id = ${request.courseId} and tier = ${request.tier} and revoked_at is null`);
  if (existing) return toIssued(issuer, existing);

  const evidence = await heldEvidence(db, records, learnerId, request.courseId, request.tier);
  const lessons = lessonsOf(course);
  const statuses = tierStatuses(lessons, evidence);
  const status = statuses.find((s) => s.tier === request.tier)!;
  if (!status.eligible) throw refusal(course, request.tier, evidence, status.missing, statuses[0]!.eligible);

  const [learner] = await db.query<{ display_name: string }>(sql`select display_name from learners where id = ${learnerId}`);
  const id = crypto.randomUUID();
  const credential = achievementCredential({
    id,
    issuer: { id: issuerProfile(issuer).id, name: issuer.name, url: issuer.baseUrl },
    subject: { id: `urn:uuid:${learnerId}`, name: learner!.display_name },
    course: { id: course.id, title: course.title, version: course.version },
    tier: request.tier,
    achievementId: `${issuer.baseUrl}/achievements/${encodeURIComponent(request.courseId)}/${request.tier}`,
    evidence: [...evidenceNarrative(lessons, evidence), `Registered course digest: ${course.digest}.`],
    validFrom: now,
    selfIssued: false,
  });
  const jwt = await new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.credential.kid, typ: 'JWT' })
    .setIssuer(credential.issuer.id)
    .setSubject(credential.credentialSubject.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(now / 1000))
    .setIssuedAt(Math.floor(now / 1000))
    .sign(keys.credential.privateKey);
  const [row] = await db.query<CertificateRow>(sql`insert into certificates (id, learner_id, course_id, course_title, tier, issued_at, jwt)
    values (${id}, ${learnerId}, ${request.courseId}, ${course.title}, ${request.tier}, ${now}, ${jwt})
    on conflict do nothing returning *`);
  if (!row) {
    // A concurrent request issued the same tier first: answer with that one.
    const [winner] = await db.query<CertificateRow>(sql`select * from certificates
      where learner_id = ${learnerId} and course_id = ${request.courseId} and tier = ${request.tier} and revoked_at is null`);
    return toIssued(issuer, winner!);
  }
  return toIssued(issuer, row);
}

export async function listCertificates(db: Database, issuer: Issuer, learnerId: string): Promise<IssuedCertificate[]> {
  const rows = await db.query<CertificateRow>(sql`select * from certificates where learner_id = ${learnerId} order by issued_at`);
  return rows.map((row) => toIssued(issuer, row));
}

export async function revokeCertificate(db: Database, id: string, reason: string, now: number): Promise<void> {
  const rows = await db.query(
    sql`update certificates set revoked_at = ${now}, revoked_reason = ${reason} where id = ${id} and revoked_at is null returning id`,
  );
  if (rows.length === 0) {
    const [exists] = await db.query(sql`select 1 from certificates where id = ${id}`);
    throw exists ? new ApiError(409, 'already_revoked', 'This certificate is already revoked.') : new ApiError(404, 'not_found', 'No certificate has this id.');
  }
}
