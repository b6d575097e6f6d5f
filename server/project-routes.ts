// The Gold project's routes: a learner's submissions, the review queue of the instructors who
// teach the learner's cohort, and the admin's review queue.
import type { Hono } from 'hono';
import { body, courseIdParam, reviewQueueRoutes, uuidParam, type Env, type ReviewRouteDeps } from './route-kit';
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

  reviewQueueRoutes(
    app,
    { db, now, requireAdmin },
    {
      instructorPath: 'projects',
      adminQueuePath: 'project-reviews',
      adminItemPath: 'project-submissions',
      param: 'submissionId',
      what: 'project submission',
      instructorRequest: instructorReviewRequest,
      adminRequest: projectReviewRequest,
      instructorQueue: async (personId) => ({ submissions: await instructorQueue(db.query, personId) }),
      instructorItem: async (personId, submissionId) => {
        const { row: _row, ...submission } = await instructorSubmission(db.query, personId, submissionId);
        return submission;
      },
      instructorReview: (personId, submissionId, input, at) => instructorReview(db, personId, submissionId, input, at),
      adminQueue: async () => ({ submissions: await projectReviewQueue(db) }),
      adminReview: (submissionId, input, at) => reviewProject(db, submissionId, input, at),
    },
  );
}
