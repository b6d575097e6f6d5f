// The Silver exam's routes: a learner's attempts (questions served without answers, sections
// submitted within the server's time), the review queue of the instructors who teach the
// learner's cohort, and the admin's review queue.
import type { Hono } from 'hono';
import { ApiError } from './api-error';
import { body, courseIdParam, reviewQueueRoutes, uuidParam, type Env, type ReviewRouteDeps } from './route-kit';
import { examReviewRequest, examSectionKinds, instructorExamReviewRequest, sectionSubmissions } from '../common/sync-api/exam-api';
import { startAttempt, submitSection, viewAttempt } from './exam-attempts';
import { instructorExamAttempt, instructorReviewAttempt, instructorReviewQueue, reviewAttempt, reviewQueue } from './exam-review';
import { listAttempts } from './exam-history';

export function examRoutes(app: Hono<Env>, { db, now, requireAdmin }: ReviewRouteDeps): void {
  app.post('/v1/exams/:courseId/attempts', async (c) => {
    return c.json(await startAttempt(db, c.get('learnerId'), courseIdParam(c), now()), 201);
  });
  app.get('/v1/exams/:courseId/attempts', async (c) => c.json(await listAttempts(db, c.get('learnerId'), courseIdParam(c), now())));
  app.get('/v1/exams/attempts/:attemptId', async (c) => c.json(await viewAttempt(db, c.get('learnerId'), uuidParam(c, 'attemptId', 'exam attempt'), now())));
  app.post('/v1/exams/attempts/:attemptId/sections/:section', async (c) => {
    const attemptId = uuidParam(c, 'attemptId', 'exam attempt');
    const section = examSectionKinds.find((kind) => kind === c.req.param('section'));
    if (!section) throw new ApiError(404, 'not_found', `A section is one of ${examSectionKinds.join(', ')}.`);
    const input = await body(c, sectionSubmissions[section]);
    return c.json(await submitSection(db, c.get('learnerId'), attemptId, section, input, now()));
  });

  reviewQueueRoutes(
    app,
    { db, now, requireAdmin },
    {
      instructorPath: 'exams',
      adminQueuePath: 'exam-reviews',
      adminItemPath: 'exam-attempts',
      param: 'attemptId',
      what: 'exam attempt',
      instructorRequest: instructorExamReviewRequest,
      adminRequest: examReviewRequest,
      instructorQueue: async (personId) => ({ attempts: await instructorReviewQueue(db, personId) }),
      instructorItem: (personId, attemptId) => instructorExamAttempt(db, personId, attemptId),
      instructorReview: (personId, attemptId, input, at) => instructorReviewAttempt(db, personId, attemptId, input, at),
      adminQueue: async () => ({ attempts: await reviewQueue(db) }),
      adminReview: (attemptId, input, at) => reviewAttempt(db, attemptId, input, at),
    },
  );
}
