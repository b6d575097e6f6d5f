// Open Badges 3.0 credentials (OpenBadgeCredential), signed as VC-JWTs with the server's
// Ed25519 key, checked against the events the server has ingested, revocable, and shown on a
// public verification page.
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import type { IssuedCertificate } from '../common/sync-api/schemas';
import { tierStatuses, type CertificateTier } from '../common/rules/certificate-criteria';
import { lessonsOf, requireCourse } from './course-registry';
import type { ServerKeys } from './keys';
import { verifyCredentialJwt } from '../common/sync-api/credential-verify';

export { verifyCredentialJwt };

export interface Issuer {
  readonly baseUrl: string;
  readonly name: string;
}

const tierTitle = (tier: string) => tier.charAt(0).toUpperCase() + tier.slice(1);

export const criteriaNarrative: Record<CertificateTier, string> = {
  bronze: 'Completed every lesson of the course.',
  silver: 'Completed every lesson, passed the tests of every challenge and scored at least 80% on every quiz.',
  gold: 'Completed every lesson, passed every challenge and project, and scored at least 95% on every quiz.',
};

interface CertificateRow {
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

const verifyUrl = (issuer: Issuer, id: string) => `${issuer.baseUrl}/verify/${id}`;

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

export async function issueCertificate(
  db: Database,
  keys: ServerKeys,
  issuer: Issuer,
  learnerId: string,
  request: { courseId: string; tier: CertificateTier },
  now: number,
): Promise<IssuedCertificate> {
  // The outline and title are the server's registered ones: a client's would let it certify
  // "all 30 lessons" for one completed lesson.
  const course = await requireCourse(db, request.courseId);
  const [existing] = await db.query<CertificateRow>(sql`select * from certificates
    where learner_id = ${learnerId} and course_id = ${request.courseId} and tier = ${request.tier} and revoked_at is null`);
  if (existing) return toIssued(issuer, existing);

  const rows = await db.query<{ kind: string; lesson_id: string; score: string | null }>(sql`select kind, lesson_id, facts->>'score' as score
    from events where learner_id = ${learnerId} and course_id = ${request.courseId}
      and kind in ('lesson-completed', 'check-passed', 'challenge-completed', 'quiz-passed') and lesson_id is not null`);
  const completedLessons = new Set<string>();
  const passedChecks = new Set<string>();
  const quizScores = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === 'lesson-completed') completedLessons.add(row.lesson_id);
    else if (row.kind === 'quiz-passed') quizScores.set(row.lesson_id, Math.max(quizScores.get(row.lesson_id) ?? 0, Number(row.score ?? 0)));
    else passedChecks.add(row.lesson_id);
  }
  const status = tierStatuses(lessonsOf(course), { completedLessons, passedChecks, quizScores }).find((s) => s.tier === request.tier)!;
  if (!status.eligible) {
    throw new ApiError(422, 'not_eligible', `Not yet eligible for ${tierTitle(request.tier)}: ${status.missing.length} requirement(s) missing.`, {
      missing: status.missing,
    });
  }

  const [learner] = await db.query<{ display_name: string }>(sql`select display_name from learners where id = ${learnerId}`);
  const id = crypto.randomUUID();
  const validFrom = new Date(now).toISOString();
  const name = `${course.title}: ${tierTitle(request.tier)}`;
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(issuer),
    validFrom,
    name,
    credentialSubject: {
      id: `urn:uuid:${learnerId}`,
      type: ['AchievementSubject'],
      name: learner!.display_name,
      achievement: {
        id: `${issuer.baseUrl}/achievements/${encodeURIComponent(request.courseId)}/${request.tier}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name,
        description: `${tierTitle(request.tier)} certificate for ${course.title}.`,
        version: course.version,
        criteria: { narrative: criteriaNarrative[request.tier] },
      },
    },
  };
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

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Text someone else wrote (a learner's name, a course title, a revocation reason), isolated so
 * that bidi overrides in it, from names stored before they were refused, cannot reorder the page.
 */
const isolated = (text: string) => `<bdi dir="auto">${escape(text)}</bdi>`;
/** The same for <title>, which holds no markup: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE. */
const isolatedPlain = (text: string) => `\u2068${text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')}\u2069`;

/** The public verification page: plain HTML, no login, no script. */
export async function verificationPage(db: Database, keys: ServerKeys, issuer: Issuer, id: string): Promise<{ status: number; html: string }> {
  const [row] = /^[0-9a-f-]{36}$/.test(id) ? await db.query<CertificateRow>(sql`select * from certificates where id = ${id}`) : [];
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}` +
    `.ok{color:#116329}.bad{color:#a40e26}dt{font-weight:600}dd{margin:0 0 .75rem}code{word-break:break-all;font-size:.8rem}</style></head><body>${body}</body></html>`;
  if (!row) {
    return {
      status: 404,
      html: page(
        'Certificate not found',
        `<h1>Certificate not found</h1><p>No certificate with id <code>${escape(id)}</code> was issued by ${escape(issuer.name)}.</p>`,
      ),
    };
  }
  const check = await verifyCredentialJwt(row.jwt, keys.credential.publicJwk);
  const subject = (check.credential?.credentialSubject ?? {}) as { name?: string };
  const revoked = row.revoked_at !== null;
  const verdict = !check.valid
    ? `<p class="bad" id="verdict"><strong>Signature does not hold.</strong> This certificate cannot be trusted.</p>`
    : revoked
      ? `<p class="bad" id="verdict"><strong>Revoked</strong> on ${new Date(Number(row.revoked_at)).toUTCString()}${row.revoked_reason ? `: ${isolated(row.revoked_reason)}` : ''}.</p>`
      : `<p class="ok" id="verdict"><strong>Valid.</strong> The signature holds and the certificate has not been revoked.</p>`;
  const body =
    `<h1>${isolated(row.course_title)}: ${tierTitle(row.tier)} certificate</h1>${verdict}<dl>` +
    `<dt>Earned by</dt><dd id="earner">${isolated(subject.name ?? 'unknown')}</dd>` +
    `<dt>Achievement</dt><dd>${tierTitle(row.tier)}: ${escape(criteriaNarrative[row.tier])}</dd>` +
    `<dt>Issued</dt><dd>${new Date(Number(row.issued_at)).toUTCString()} by ${escape(issuer.name)}</dd>` +
    `<dt>Signature</dt><dd>${check.valid ? 'Ed25519 (EdDSA) signature verified with the key published at' : 'Failed against the key published at'} <a href="/.well-known/jwks.json">/.well-known/jwks.json</a></dd>` +
    `<dt>Credential id</dt><dd><code>urn:uuid:${escape(row.id)}</code></dd></dl>` +
    `<p>This is an Open Badges 3.0 credential. <a href="/v1/credentials/${escape(row.id)}">Download it as a VC-JWT</a>.</p>`;
  return { status: 200, html: page(`${isolatedPlain(row.course_title)}: ${tierTitle(row.tier)} certificate`, body) };
}
