// The server-graded Silver exam through the app, against the real hosted API on loopback (PGlite):
// the server serves and times the questions, the app saves every answer here and submits each
// section, a section out of time goes with the answers saved, and the server's grade is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamView } from '../../preload/contract/exam';
import { courseRegistration } from '../../common/sync-api/schemas';
import { examCourse } from '../../server/testing/exam-fixture';
import { ADMIN_TOKEN, HostedApiHarness } from '../sync/testing/hosted-api-harness';
import { ServerExamService } from './server-exam';
import { CertificatesService } from '../certificates/certificates-service';
import { certificateEvidence } from '../certificates/certificate-evidence';
import { loadOrCreateDeviceKey } from '../certificates/device-key';
import { lessonProgress } from '../store/schema';

const minute = 60_000;
let h: HostedApiHarness | null = null;

// One server for the file (PGlite is slow to start on a loaded machine); each test is a new learner.
beforeAll(async () => {
  h = await HostedApiHarness.create('drona-server-exam-', { courses: [courseRegistration.parse(examCourse)], serverClock: true });
  await h.start();
}, 120_000);
afterAll(async () => h?.close());

async function signedIn(): Promise<{ harness: HostedApiHarness; exam: ServerExamService; warnings: string[] }> {
  const harness = h!;
  harness.sync.signOut();
  await harness.sync.signIn({ displayName: 'Sita', optedIn: true });
  const warnings: string[] = [];
  const exam = new ServerExamService(harness.store, {
    session: harness.sync,
    now: () => harness.clock,
    courseDir: () => null,
    warn: (message) => warnings.push(message),
  });
  return { harness, exam, warnings };
}

/** This app's own overview, which signing in replaces with the server's. */
const local = {
  available: true,
  title: 'x',
  passPercent: 80,
  retakeCooldownHours: 1,
  sections: [],
  activeAttemptId: null,
  retakeAt: null,
  passed: false,
  gradedBy: 'app' as const,
  attempts: [],
};

/** The Certificates service on this app, with the exam course installed and started. */
const certificatesFor = (harness: HostedApiHarness) =>
  new CertificatesService(harness.store, {
    sync: harness.sync,
    courses: {
      listCourses: () => [{ id: examCourse.id, title: examCourse.title, completedCount: 1 }],
      getCourse: () => ({ title: examCourse.title, version: examCourse.version, modules: examCourse.modules }),
    },
    progress: { record: async () => undefined },
    timezone: () => 'UTC',
    now: () => harness.clock,
    learnerName: () => 'Sita',
    deviceKey: () => loadOrCreateDeviceKey(harness.dir),
  });

const rightOption = (view: ExamView, index = 0) => view.questions[index]!.options!.findIndex((option) => option.startsWith('right-'));
const attemptIdOf = (view: ExamView) => view.attemptId as string;

describe('the Silver exam through the sync server', () => {
  it('takes every section on the server and shows its grade after a person reviews', async () => {
    const { harness, exam } = await signedIn();
    expect(await exam.overview(local, examCourse.id)).toMatchObject({ gradedBy: 'server', attempts: [], retakeAt: null, activeAttemptId: null });

    let view = (await exam.start(examCourse.id))!;
    const id = attemptIdOf(view);
    expect(view).toMatchObject({ gradedBy: 'server', status: 'in-progress', sectionIndex: 0, asked: 0 });
    expect(view.sections[0]!.remainingMs).toBe(5 * minute);
    // A restart resumes the same attempt.
    expect(exam.active()).toEqual({ attemptId: id });
    expect(attemptIdOf((await exam.start(examCourse.id))!)).toBe(id);

    for (let asked = 0; asked < 3; asked++) {
      expect(view.asked).toBe(asked);
      const { savedAt } = exam.answer(id, view.questions[0]!.itemId, { kind: 'choice', selected: rightOption(view) });
      expect(savedAt).toBe(harness.clock);
      view = await exam.next(id);
    }
    expect(view.sections[0]).toMatchObject({ submitted: true, score: 100 });
    expect(view.sections[1]!.kind).toBe('codeAnalysis');

    for (const [index, question] of view.questions.entries()) exam.answer(id, question.itemId, { kind: 'choice', selected: rightOption(view, index) });
    // Saved here, not yet on the server: a reload shows the saved choice.
    expect((await exam.current(id)).questions[0]!.saved).toBe(rightOption(view));
    view = await exam.submitSection(id);
    expect(view.sections[1]).toMatchObject({ submitted: true, score: 100 });

    for (const question of view.questions)
      exam.answer(id, question.itemId, { kind: 'code', files: [{ path: 'main.py', content: 'def add(a, b):\n    return a + b\n' }] });
    view = await exam.submitSection(id);
    // A person scores the challenges: pending.
    expect(view.sections[2]).toMatchObject({ submitted: true, score: null });

    exam.answer(id, view.questions[0]!.itemId, { kind: 'design', text: 'A list of items in a dict keyed by id.' });
    view = await exam.submitSection(id);
    expect(view).toMatchObject({ status: 'pending-review', result: { verdict: 'pending-review', passPercent: 80, firstAttempt: true } });
    expect(exam.active()).toBeNull();

    const res = await fetch(`${harness.server!.url}/v1/admin/exam-attempts/${id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        reviewer: 'Ms Rao',
        challenges: ['ch-1', 'ch-2', 'ch-3'].map((itemId) => ({ itemId, score: 90, reasons: 'Correct and tidy.' })),
        design: { score: 85, reasons: 'Names a data structure.' },
      }),
    });
    expect(res.status).toBe(200);
    view = await exam.current(id);
    expect(view.status).toBe('passed');
    expect(view.result).toMatchObject({ verdict: 'passed', firstAttempt: true });
    expect(view.result!.overall).toBeGreaterThanOrEqual(80);
    expect(await exam.overview(local, examCourse.id)).toMatchObject({ passed: true, retakeAt: null, attempts: [{ attemptId: id, status: 'passed' }] });

    // The server's pass makes Silver show as earned here; a self-issued Silver gives way to the server's signed one.
    expect(certificateEvidence(harness.store, examCourse.id).exam).toEqual({ score: view.result!.overall, passed: true });
    const certificates = certificatesFor(harness);
    harness.addEvent('lesson-completed:exam:hello', 'lesson-completed', 'hello', harness.clock - minute, { courseId: examCourse.id });
    harness.store.db.insert(lessonProgress).values({ courseId: examCourse.id, lessonId: 'hello', status: 'completed', completedAt: harness.clock }).run();
    expect(certificates.overview().courses[0]!.tiers.map((tier) => tier.eligible)).toEqual([true, true, false]);
    const self = await certificates.selfIssue(examCourse.id, 'silver');
    expect(self).toMatchObject({ selfIssued: true, evidence: expect.arrayContaining([`Silver exam: ${view.result!.overall}% (passed).`]) as unknown });
    const signed = await certificates.request(examCourse.id, 'silver');
    expect(signed).toMatchObject({ tier: 'silver', selfIssued: false, verifyUrl: expect.stringContaining('/verify/') as unknown });
    const issued = certificates.overview().issued;
    expect(issued.find((cert) => cert.id === self.id)!.replacedBy).toBe(signed.id);
    expect(issued.filter((cert) => cert.tier === 'silver' && cert.replacedBy === null)).toEqual([signed]);
  });

  it('submits the answers saved here when the section runs out of time', async () => {
    const { harness, exam } = await signedIn();
    let view = (await exam.start(examCourse.id))!;
    const id = attemptIdOf(view);
    for (let asked = 0; asked < 3; asked++) {
      exam.answer(id, view.questions[0]!.itemId, { kind: 'choice', selected: rightOption(view) });
      view = await exam.next(id);
    }
    exam.answer(id, view.questions[0]!.itemId, { kind: 'choice', selected: rightOption(view) });
    harness.clock += 5 * minute + 2_000;
    view = await exam.current(id);
    // One of two right, within the server's grace: 50%, not 0.
    expect(view.sections[1]).toMatchObject({ submitted: true, score: 50 });
    expect(view.sections[2]!.remainingMs).toBe(5 * minute);
  });

  it('shows when the server opens the next attempt after a failed one, and the server refuses one before', async () => {
    const { harness, exam } = await signedIn();
    let view = (await exam.start(examCourse.id))!;
    const id = attemptIdOf(view);
    // Nothing answered: each section goes empty and the attempt fails at once.
    for (let asked = 0; asked < 3; asked++) view = await exam.next(id);
    while (view.status === 'in-progress') view = await exam.submitSection(id);
    expect(view.status).toBe('failed');
    const opensAt = harness.clock + 60 * minute;
    expect(await exam.overview(local, examCourse.id)).toMatchObject({
      gradedBy: 'server',
      retakeAt: opensAt,
      passed: false,
      activeAttemptId: null,
      attempts: [{ attemptId: id, status: 'failed', overall: 0 }],
    });
    await expect(exam.start(examCourse.id)).rejects.toMatchObject({ code: 'retake_cooldown', details: { retakeAt: opensAt } });
    harness.clock = opensAt + 1;
    expect((await exam.overview(local, examCourse.id)).retakeAt).toBeNull();
  });

  it('refuses answers for an attempt that is not the one in progress here', async () => {
    const { exam } = await signedIn();
    expect(() => exam.answer('00000000-0000-4000-8000-000000000000', 'c1-1', { kind: 'choice', selected: 0 })).toThrow(/not the one in progress/);
  });
  it('leaves the exam to this app when the server is down or has no exam for the course', async () => {
    const { harness, exam, warnings } = await signedIn();
    expect(await exam.start('not-registered')).toBeNull();
    await harness.stop();
    expect(await exam.start(examCourse.id)).toBeNull();
    expect(await exam.overview(local, examCourse.id)).toBe(local);
    expect(warnings).toHaveLength(3);
  });
});
