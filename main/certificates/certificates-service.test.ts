// Certificates against the real hosted API on loopback: the server checks the events it holds
// before issuing, the saved copy verifies and prints with the server gone, an unregistered course
// is refused plainly, a revocation reaches the app at the next sync; offline, the app self-issues
// with its device key (owner-only key file), and a self-issued certificate is exchanged for a
// server-issued one at the next sync where the server's evidence agrees.
import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, certificates as certificateRows, examAttempts, lessonProgress } from '../store/schema';
import { achievementCredentialErrors } from '../../common/testing/ob3-schema';
import { DEVICE_KEY_FILE, loadOrCreateDeviceKey } from './device-key';
import { ADMIN_TOKEN, HostedApiHarness, installedCourses, lessons } from '../sync/testing/hosted-api-harness';
import { CertificatesService, REVOCATION_CHECK_MS } from './certificates-service';

describe('certificates against the hosted API', () => {
  let h: HostedApiHarness;
  let certificates: CertificatesService;
  const recorded: Record<string, unknown>[] = [];

  beforeAll(async () => {
    h = await HostedApiHarness.create('drona-certificates-');
    certificates = new CertificatesService(h.store, {
      sync: h.sync,
      courses: installedCourses,
      progress: { record: async (event) => recorded.push(event) },
      timezone: () => 'UTC',
      now: () => h.clock,
      learnerName: () => 'Olu',
      deviceKey: () => loadOrCreateDeviceKey(h.dir),
    });
    await h.start();
    await h.sync.signIn({ displayName: 'Olu', optedIn: true });
    // Completed while offline: the events still wait in the outbox when the certificate is asked for.
    const base = h.clock - 3600_000;
    h.addEvent('lesson-completed:course:one', 'lesson-completed', 'one', base);
    h.addEvent('lesson-completed:course:two', 'lesson-completed', 'two', base + 120_000);
    h.addEvent('quiz-passed:course:two', 'quiz-passed', 'two', base + 230_000, { score: 70 });
    for (const l of lessons) h.store.db.insert(lessonProgress).values({ courseId: 'course', lessonId: l.id, status: 'completed', completedAt: h.clock }).run();
  });
  afterAll(() => h.close());

  it('requests a certificate the server checks, and verifies it offline', async () => {
    const overview = certificates.overview();
    expect(overview.courses[0]!.tiers.map((t) => t.eligible)).toEqual([true, false, false]);
    const cert = await certificates.request('course', 'bronze');
    expect(h.sync.status().pending).toBe(0);
    expect(cert.verifyUrl).toBe(`${h.server!.url}/verify/${cert.id}`);
    expect(cert.linkedInUrl).toContain('startTask=CERTIFICATION_NAME');
    expect(recorded).toMatchObject([{ kind: 'certificate-earned', courseId: 'course', tier: 'bronze' }]);
    const page = await fetch(cert.verifyUrl!);
    expect(await page.text()).toContain('Olu');
    await h.stop();
    expect(await certificates.verify(cert.id)).toMatchObject({ valid: true, revoked: false });
    const pdf = await certificates.exportPdf(cert.id);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    h.store.sqlite.prepare("update certificates set jwt = replace(jwt, substr(jwt, instr(jwt, '.') + 5, 4), 'AAAA')").run();
    expect((await certificates.verify(cert.id)).valid).toBe(false);
  });

  it('says plainly when the server has not registered a course, and saves nothing', async () => {
    await h.start();
    for (const l of lessons)
      h.store.db.insert(lessonProgress).values({ courseId: 'unregistered', lessonId: l.id, status: 'completed', completedAt: h.clock }).run();
    h.store.db
      .insert(activityEvents)
      .values({
        idempotencyKey: 'quiz-u',
        kind: 'quiz-passed',
        courseId: 'unregistered',
        lessonId: 'two',
        occurredAt: h.clock,
        timezone: 'UTC',
        localDate: '2026-01-01',
        detail: { score: 75 },
      })
      .run();
    const before = certificates.overview().issued.length;
    await expect(certificates.request('unregistered', 'bronze')).rejects.toMatchObject({
      code: 'course_not_registered',
      message: expect.stringContaining('does not certify "Course": its administrator has not registered this course'),
    });
    expect(certificates.overview().issued).toHaveLength(before);
    await h.stop();
  });

  it('learns of a revocation at the next sync, and says so when verifying', async () => {
    const server = await h.start();
    const [cert] = certificates.overview().issued;
    const revoke = await fetch(`${server.url}/v1/admin/certificates/${cert!.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'test' }),
    });
    expect(revoke.status).toBe(200);
    h.clock += REVOCATION_CHECK_MS;
    await h.sync.syncNow();
    expect(certificates.overview().issued[0]!.revokedAt).toEqual(expect.any(Number));
    // (The first test altered the saved copy, so only the revocation is checked here.)
    expect(await certificates.verify(cert!.id)).toMatchObject({ revoked: true });
    await h.stop();
  });

  it('self-issues Bronze offline with the device key, marked self-issued, and verifies it from the credential alone', async () => {
    const cert = await certificates.selfIssue('unregistered', 'bronze');
    expect(cert).toMatchObject({ selfIssued: true, verifyUrl: null, replacedBy: null, issuerName: "Olu's Dronacharya app (self-issued)" });
    expect(cert.evidence).toContain('Completed 2 of 2 lessons.');
    expect(await certificates.selfIssue('unregistered', 'bronze')).toMatchObject({ id: cert.id });
    if (process.platform !== 'win32') expect(fs.statSync(path.join(h.dir, DEVICE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const row = h.store.db
      .select()
      .from(certificateRows)
      .all()
      .find((r) => r.id === cert.id)!;
    const credential = decodeJwt(row.jwt).vc as Record<string, unknown>;
    expect(achievementCredentialErrors(credential)).toEqual([]);
    expect(credential.name).toBe('Course: Bronze (self-issued)');
    expect(await certificates.verify(cert.id)).toMatchObject({ valid: true, status: 'self-issued' });
    const file = certificates.exportCredential(cert.id);
    expect(file.fileName).toBe('credential-unregistered-bronze-self-issued.json');
    expect(await certificates.verifyCredential(file.json)).toMatchObject({
      status: 'self-issued',
      credential: { tier: 'bronze', selfIssued: true, learnerName: 'Olu' },
    });
    const pdf = await certificates.exportPdf(cert.id);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expect(certificates.selfIssue('unregistered', 'silver')).rejects.toMatchObject({ code: 'not_eligible' });
  });

  it('self-issues Silver only once main graded a passed exam, carrying its score as evidence', async () => {
    const attempt = { courseId: 'unregistered', courseVersion: '1.0.0', seed: 's', firstAttempt: true, startedAt: h.clock, finishedAt: h.clock };
    h.store.db
      .insert(examAttempts)
      .values({ ...attempt, status: 'in-progress' })
      .run();
    h.store.db
      .insert(examAttempts)
      .values({ ...attempt, status: 'failed', overall: 62 })
      .run();
    await expect(certificates.selfIssue('unregistered', 'silver')).rejects.toMatchObject({
      code: 'not_eligible',
      message: expect.stringContaining('best so far 62%') as unknown,
    });
    h.store.db
      .insert(examAttempts)
      .values({ ...attempt, status: 'passed', overall: 84.5, firstAttempt: false })
      .run();
    const cert = await certificates.selfIssue('unregistered', 'silver');
    expect(cert).toMatchObject({ tier: 'silver', selfIssued: true });
    expect(cert.evidence).toContain('Silver exam: 84.5% (passed).');
    const row = h.store.db
      .select()
      .from(certificateRows)
      .all()
      .find((r) => r.id === cert.id)!;
    expect(achievementCredentialErrors(decodeJwt(row.jwt).vc as Record<string, unknown>)).toEqual([]);
    await expect(certificates.selfIssue('unregistered', 'gold')).rejects.toMatchObject({ code: 'not_eligible' });
  });

  it('refuses an altered self-issued credential, pasted or saved', async () => {
    const [cert] = certificates.overview().issued.filter((c) => c.selfIssued);
    const row = h.store.db
      .select()
      .from(certificateRows)
      .all()
      .find((r) => r.id === cert!.id)!;
    const [header, payload, signature] = row.jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { vc: { name: string; credentialSubject: { name: string } } };
    claims.vc.credentialSubject.name = 'Someone Else';
    const altered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await certificates.verifyCredential(altered)).toMatchObject({ status: 'invalid', credential: { learnerName: 'Someone Else' } });
    expect(await certificates.verifyCredential('{"hello": 1}')).toMatchObject({ status: 'invalid', credential: null });
    h.store.sqlite.prepare('update certificates set jwt = ? where id = ?').run(altered, cert!.id);
    expect(await certificates.verify(cert!.id)).toMatchObject({ valid: false, status: 'invalid' });
    h.store.sqlite.prepare('update certificates set jwt = ? where id = ?').run(row.jwt, cert!.id);
  });

  it("exchanges a self-issued certificate at the next sync where the server's evidence agrees, and keeps it where not", async () => {
    // The server-issued Bronze for "course" was revoked above: offline, the learner self-issues another.
    const self = await certificates.selfIssue('course', 'bronze');
    await h.start();
    h.clock += REVOCATION_CHECK_MS;
    await h.sync.syncNow();
    const issued = certificates.overview().issued;
    const exchanged = issued.find((c) => c.id === self.id)!;
    expect(exchanged.replacedBy).toEqual(expect.any(String));
    expect(issued.find((c) => c.id === exchanged.replacedBy)).toMatchObject({ selfIssued: false, courseId: 'course', tier: 'bronze', revokedAt: null });
    // The server does not certify "unregistered": that one stays self-issued.
    expect(issued.find((c) => c.courseId === 'unregistered')).toMatchObject({ selfIssued: true, replacedBy: null });
    await h.stop();
  });

  it('gets back at the next sync the server certificates this computer does not hold (as a second computer would)', async () => {
    const held = certificates.overview().issued.filter((c) => !c.selfIssued);
    expect(held.length).toBeGreaterThanOrEqual(2);
    h.store.sqlite.prepare("delete from certificates where issued_by = 'server'").run();
    await h.start();
    h.clock += REVOCATION_CHECK_MS;
    await h.sync.syncNow();
    const back = certificates.overview().issued.filter((c) => !c.selfIssued);
    expect(back.map((c) => [c.id, c.tier, c.revokedAt === null]).sort()).toEqual(held.map((c) => [c.id, c.tier, c.revokedAt === null]).sort());
    await h.stop();
    // Saved with the server's key and the server's own JWT: they verify offline, revocations kept.
    for (const cert of back) expect(await certificates.verify(cert.id)).toMatchObject({ valid: true, revoked: cert.revokedAt !== null });
  });
});
