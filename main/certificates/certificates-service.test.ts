// Certificates against the real hosted API on loopback: the server checks the events it holds
// before issuing, the saved copy verifies and prints with the server gone, an unregistered course
// is refused plainly, and a revocation reaches the app at the next sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonProgress } from '../store/schema';
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
    const page = await fetch(cert.verifyUrl);
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
});
