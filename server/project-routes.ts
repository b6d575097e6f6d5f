// The Gold project's routes: a learner's submissions, the review queue of the instructors who
// teach the learner's cohort, and the admin's review queue.
import type { Hono } from 'hono';
import { body, courseIdParam, liveLearner, uuidParam, type Env, type ReviewRouteDeps } from './route-kit';
import { instructorReviewRequest, projectReviewRequest, projectSubmissionRequest } from '../common/sync-api/project-api';
import { instructorQueue, instructorReview, instructorSubmission, projectReviewQueue, reviewProject, submitProject, viewSubmission } from './project-reviews';

export function projectRoutes(app: Hono<Env>, { db, now, requireAdmin }: ReviewRouteDeps): void {
  app.post('/v1/projects/:courseId/submissions', async (c) => {
    const input = await body(c, projectSubmissionRequest);
    return c.json(await submitProject(db, c.get('learnerId'), courseIdParam(c), input, now()), 201);
  });
  app.get('/v1/projects/submissions/:submissionId', async (c) =>
    c.json(await viewSubmission(db, c.get('learnerId'), uuidParam(c, 'submissionId', 'project submission'))),
  );

  app.get('/v1/reviews/projects', async (c) => c.json({ submissions: await instructorQueue(db.query, await liveLearner(db, c)) }));
  app.get('/v1/reviews/projects/:submissionId', async (c) => {
    const personId = await liveLearner(db, c);
    const { row: _row, ...submission } = await instructorSubmission(db.query, personId, uuidParam(c, 'submissionId', 'project submission'));
    return c.json(submission);
  });
  app.post('/v1/reviews/projects/:submissionId', async (c) => {
    const personId = await liveLearner(db, c);
    const submissionId = uuidParam(c, 'submissionId', 'project submission');
    return c.json(await instructorReview(db, personId, submissionId, await body(c, instructorReviewRequest), now()));
  });

  app.get('/v1/admin/project-reviews', async (c) => {
    requireAdmin(c);
    return c.json({ submissions: await projectReviewQueue(db) });
  });
  app.post('/v1/admin/project-submissions/:submissionId/review', async (c) => {
    requireAdmin(c);
    const submissionId = uuidParam(c, 'submissionId', 'project submission');
    return c.json(await reviewProject(db, submissionId, await body(c, projectReviewRequest), now()));
  });
}
