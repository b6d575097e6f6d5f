// Sending a Gold project from the app to the sync server's review queue, against the real hosted
// API on loopback (PGlite): the server keeps it pending until a person reviews it, and the app
// shows that review; nothing the app sends can score it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rubricCategories } from '../../common/rules/project-review';
import { ADMIN_TOKEN, HostedApiHarness, registeredCourse } from '../sync/testing/hosted-api-harness';
import { ProjectStore } from './project-store';
import { ServerProjectReview } from './server-review';

let h: HostedApiHarness;
beforeAll(async () => {
  h = await HostedApiHarness.create('drona-server-review-');
  await h.start();
}, 120_000);
afterAll(async () => h?.close());

function submitted(rows: ProjectStore): number {
  const projectId = rows.create({
    courseId: registeredCourse.id,
    briefId: null,
    title: 'Notes CLI',
    goal: 'Keep notes from the terminal.',
    milestones: [{ title: 'Add notes', done: true }],
    createdAt: h.clock,
  });
  return rows.submit({
    projectId,
    folder: '/home/learner/notes',
    demoUrl: 'https://example.org/notes',
    automated: { testsPassed: true, testCount: 4, lintClean: true, readme: true },
    tests: [{ name: 'test_add', status: 'pass' }],
    files: [
      { path: 'README.md', content: '# Notes CLI' },
      { path: 'notes.py', content: 'print(1)\n' },
    ],
    submittedAt: h.clock,
  });
}

describe('the Gold project review on the sync server', () => {
  it('sends a submission once, and shows the review a person gave it there', async () => {
    const rows = new ProjectStore(h.store);
    const review = new ServerProjectReview(h.store, rows, h.sync, () => h.clock);
    const id = submitted(rows);
    await expect(review.send(id)).rejects.toMatchObject({ code: 'signed_out' });
    await h.sync.signIn({ displayName: 'Gita', optedIn: true });
    expect(await review.status(id)).toBeNull();
    const sent = await review.send(id);
    expect(sent).toMatchObject({ status: 'pending-review', title: 'Notes CLI', review: null });
    expect((await review.send(id)).submissionId).toBe(sent.submissionId);

    const queue = await fetch(`${h.server!.url}/v1/admin/project-reviews`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const waiting = ((await queue.json()) as { submissions: { submissionId: string; submission: { readme: string; milestones: string[] } }[] }).submissions;
    expect(waiting.find((s) => s.submissionId === sent.submissionId)?.submission).toMatchObject({ readme: '# Notes CLI', milestones: ['Add notes'] });
    const res = await fetch(`${h.server!.url}/v1/admin/project-submissions/${sent.submissionId}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        reviewer: 'Ms Rao',
        scores: Object.fromEntries(rubricCategories.map((category) => [category, { score: 92, reasons: ['Clear and tested.'] }])),
        automated: { testsPassed: true, testCount: 4, lintClean: true, readme: true },
      }),
    });
    expect(res.status).toBe(200);
    expect(await review.status(id)).toMatchObject({ status: 'accepted', review: { overall: 92, exceptional: true, reviewer: 'Ms Rao' } });
  });
});
