// The Gold project's routes: a learner's submissions and the admin's review queue.
import type { Context, Hono } from 'hono';
import type { Database } from './db/database';
import { ApiError } from './api-error';
import { body, uuidParam, type Env } from './route-kit';
import { projectReviewRequest, projectSubmissionRequest } from '../common/sync-api/project-api';
import { text } from '../common/sync-api/schemas';
import { projectReviewQueue, reviewProject, submitProject, viewSubmission } from './project-reviews';

interface ProjectRouteDeps {
  readonly db: Database;
  readonly now: () => number;
  readonly requireAdmin: (c: Context) => void;
}

const courseIdParam = text().min(1).max(120);

export function projectRoutes(app: Hono<Env>, { db, now, requireAdmin }: ProjectRouteDeps): void {
  app.post('/v1/projects/:courseId/submissions', async (c) => {
    const courseId = courseIdParam.safeParse(c.req.param('courseId'));
    if (!courseId.success) throw new ApiError(400, 'invalid_input', 'The course id must be 1–120 storable characters.');
    const input = await body(c, projectSubmissionRequest);
    return c.json(await submitProject(db, c.get('learnerId'), courseId.data, input, now()), 201);
  });
  app.get('/v1/projects/submissions/:submissionId', async (c) =>
    c.json(await viewSubmission(db, c.get('learnerId'), uuidParam(c, 'submissionId', 'project submission'))),
  );

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
