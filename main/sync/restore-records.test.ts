// A second computer restores the exam attempts the server graded and the Gold project reviews it
// holds, into its own SQLite store, through the real hosted API on loopback: the Exam view's overview
// shows the result and cooldown, the Project view's submission links to the server's review, and
// restoring again adds nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { rubricCategories } from '../../common/rules/project-review';
import { courseRegistration } from '../../common/sync-api/schemas';
import { sql } from '../../server/db/database';
import { examCourse as serverCourse } from '../../server/testing/exam-fixture';
import { ExamService } from '../exam/exam-service';
import { examCourse as appCourse } from '../exam/testing/exam-course';
import { ProjectStore } from '../project/project-store';
import { ServerProjectReview } from '../project/server-review';
import { syncedComputers } from './testing/synced-computers';

const ADMIN = 'restore-admin-token';
const { computer, server } = syncedComputers('drona-restore-records-', { adminToken: ADMIN, courses: [courseRegistration.parse(serverCourse)] });
const courseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-restore-course-'));
for (const [file, content] of appCourse()) {
  fs.mkdirSync(path.dirname(path.join(courseDir, file)), { recursive: true });
  fs.writeFileSync(path.join(courseDir, file), content);
}
afterAll(() => fs.rmSync(courseDir, { recursive: true, force: true }));

const hour = 3_600_000;
const submission = {
  title: 'Notes CLI',
  milestones: ['Add notes'],
  readme: '# Notes CLI',
  files: [{ path: 'notes.py', content: 'print("notes")\n' }],
  automated: { testsPassed: true, testCount: 3, lintClean: true, readme: true },
};

it('restores graded exam attempts and project reviews on a second computer, once', async () => {
  const first = computer('first');
  await first.sync.signIn({ displayName: 'Asha', optedIn: false });
  const learnerId = first.sync.account().learnerId!;
  const db = server().db;
  const [{ digest }] = (await db.query<{ digest: string }>(sql`select digest from courses where id = ${serverCourse.id}`)) as [{ digest: string }];
  const finishedAt = Date.now() - hour / 2;
  const sections = {
    conceptual: { score: 40, submittedAt: finishedAt - 60_000, timedOut: false },
    codeAnalysis: { score: 50, submittedAt: finishedAt, timedOut: true },
  };
  await db.query(sql`insert into exam_attempts (id, learner_id, course_id, course_digest, seed, status, section, section_started_at, sections, first_attempt, overall, started_at, finished_at)
    values (${crypto.randomUUID()}, ${learnerId}, ${serverCourse.id}, ${digest}, 's', 'failed', 4, ${finishedAt}, ${JSON.stringify(sections)}::jsonb, true, 45, ${finishedAt - hour / 4}, ${finishedAt})`);
  const sent = await first.sync.authorized('POST', `/v1/projects/${serverCourse.id}/submissions`, submission, z.object({ submissionId: z.string() }));
  const scores = Object.fromEntries(rubricCategories.map((category) => [category, { score: 85, reasons: ['Good.'] }]));
  const reviewed = await fetch(`${server().url}/v1/admin/project-submissions/${sent.submissionId}/review`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reviewer: 'Ms Rao', scores, automated: submission.automated }),
  });
  expect(reviewed.status).toBe(200);

  const second = computer('second');
  await second.sync.signInToAccount({ code: (await first.sync.linkCode()).code }, 'Laptop');
  const exam = new ExamService(second.store, {
    now: Date.now,
    course: (id) => (id === serverCourse.id ? { dir: courseDir, title: 'Exam Course', version: '1.0.0' } : null),
    check: async () => ({ status: 'pass', tests: [] }) as never,
    interviewer: () => null,
  });
  const overview = exam.overview(serverCourse.id);
  expect(overview.attempts).toEqual([expect.objectContaining({ status: 'failed', overall: 45 })]);
  expect(overview.retakeAt).toBe(finishedAt + hour);
  expect(overview.passed).toBe(false);
  const sectionScores = () => second.store.sqlite.prepare('select section, score, timed_out as t from exam_sections order by section').all();
  expect(sectionScores()).toEqual([
    { section: 'codeAnalysis', score: 50, t: 1 },
    { section: 'conceptual', score: 40, t: 0 },
  ]);

  const projects = new ProjectStore(second.store);
  const [restored] = projects.submissions(serverCourse.id);
  expect(restored).toMatchObject({ files: submission.files, automated: submission.automated });
  expect(projects.current(serverCourse.id)).toMatchObject({ title: 'Notes CLI', milestones: [{ title: 'Add notes', done: true }] });
  const review = await new ServerProjectReview(second.store, projects, second.sync, Date.now).status(restored!.id);
  expect(review).toMatchObject({ submissionId: sent.submissionId, status: 'accepted', review: { reviewer: 'Ms Rao', overall: 85 } });

  // Restoring again adds nothing.
  const counts = (c: typeof first) =>
    c.store.sqlite
      .prepare('select (select count(*) from exam_attempts) as a, (select count(*) from exam_sections) as s, (select count(*) from project_submissions) as p')
      .get();
  await second.sync.restore();
  expect(counts(second)).toEqual({ a: 1, s: 2, p: 1 });
  expect(exam.overview(serverCourse.id).attempts).toHaveLength(1);
  expect(second.progress.snapshot().totalXp).toBe(first.progress.snapshot().totalXp);
});
