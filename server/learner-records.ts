// The learner's own exam attempts and project submissions, for a second computer's restore
// (common/sync-api/restore-api.ts). Authenticated by the learner's access token; every query is
// keyed by the token's learner, so nobody reads another's.
import type { Hono } from 'hono';
import { sql, type Database } from './db/database';
import type { Env } from './route-kit';
import type { RestoredExamAttempts, RestoredProjectSubmissions } from '../common/sync-api/restore-api';
import { examSectionKinds } from '../common/sync-api/exam-api';
import type { AttemptRow } from './exam-view';
import { view, type SubmissionRow } from './project-reviews';

const epoch = (value: number | string | null): number | null => (value === null ? null : Number(value));

export async function decidedAttempts(db: Database, learnerId: string): Promise<RestoredExamAttempts> {
  const rows = await db.query<AttemptRow>(sql`select * from exam_attempts where learner_id = ${learnerId} and status <> 'in-progress' order by started_at, id`);
  return {
    attempts: rows.map((row) => ({
      attemptId: row.id,
      courseId: row.course_id,
      status: row.status as RestoredExamAttempts['attempts'][number]['status'],
      firstAttempt: row.first_attempt,
      overall: row.overall === null ? null : Math.round(Number(row.overall) * 10) / 10,
      startedAt: Number(row.started_at),
      finishedAt: epoch(row.finished_at),
      sections: examSectionKinds.flatMap((kind) => {
        const section = row.sections[kind];
        return section ? [{ kind, score: section.score, submittedAt: Number(section.submittedAt), timedOut: section.timedOut }] : [];
      }),
    })),
  };
}

export async function ownSubmissions(db: Database, learnerId: string): Promise<RestoredProjectSubmissions> {
  const rows = await db.query<SubmissionRow>(sql`select * from project_submissions where learner_id = ${learnerId} order by submitted_at, id`);
  return {
    submissions: rows.map((row) => ({
      ...view(row),
      goal: row.submission.goal ?? null,
      milestones: row.submission.milestones,
      demoUrl: row.submission.demoUrl ?? null,
      files: row.submission.files,
      automated: row.submission.automated,
    })),
  };
}

export function learnerRecordRoutes(app: Hono<Env>, db: Database): void {
  app.get('/v1/me/exam-attempts', async (c) => c.json(await decidedAttempts(db, c.get('learnerId'))));
  app.get('/v1/me/project-submissions', async (c) => c.json(await ownSubmissions(db, c.get('learnerId'))));
}
