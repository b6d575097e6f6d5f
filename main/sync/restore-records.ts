// Besides the event log, a second computer restores the learner's Silver exam attempts the server
// graded (result, per-section scores; the cooldown follows from when a failed one finished) and
// Gold project submissions with the server's review. Each server attempt is one local row, found
// again by its server id; each server submission becomes one local submission linked to it as if
// sent from here, so restoring again updates rather than adds. No XP moves here: it comes only
// from the replayed events.
import { eq, like } from 'drizzle-orm';
import type { RestoredExamAttempts, RestoredProjectSubmissions } from '../../common/sync-api/restore-api';
import type { Store } from '../store/open-store';
import { examAttempts, examSections, projects, projectSubmissions, settings } from '../store/schema';
import { SENT_PREFIX, sentKey } from '../project/server-review';
import { writeRow } from './sync-state';

/** Writes the server's decided attempts into the exam tables; returns how many were new here. */
export function restoreExamAttempts(store: Store, { attempts }: RestoredExamAttempts): number {
  let added = 0;
  store.transaction((db) => {
    for (const attempt of attempts) {
      const fields = { status: attempt.status, section: 4, overall: attempt.overall, finishedAt: attempt.finishedAt };
      const known = db.select({ id: examAttempts.id }).from(examAttempts).where(eq(examAttempts.serverAttemptId, attempt.attemptId)).get();
      let id: number;
      if (known) {
        id = known.id;
        db.update(examAttempts).set(fields).where(eq(examAttempts.id, id)).run();
        db.delete(examSections).where(eq(examSections.attemptId, id)).run();
      } else {
        added++;
        // The server drew its questions; this row only records the outcome (no seed to draw from here).
        const row = { ...fields, courseId: attempt.courseId, courseVersion: '', seed: '', firstAttempt: attempt.firstAttempt, startedAt: attempt.startedAt };
        id = db
          .insert(examAttempts)
          .values({ ...row, serverAttemptId: attempt.attemptId })
          .returning({ id: examAttempts.id })
          .get().id;
      }
      for (const section of attempt.sections)
        db.insert(examSections)
          .values({
            attemptId: id,
            section: section.kind,
            seenAt: attempt.startedAt,
            submittedAt: section.submittedAt,
            timedOut: section.timedOut,
            score: section.score,
          })
          .run();
    }
  });
  return added;
}

/** Adds each server submission this computer has no link to, as a project and submission linked to it; returns how many. */
export function restoreProjectSubmissions(store: Store, { submissions }: RestoredProjectSubmissions, now: number): number {
  const linked = new Set(
    store.db
      .select({ value: settings.value })
      .from(settings)
      .where(like(settings.key, `${SENT_PREFIX}%`))
      .all()
      .map((row) => row.value),
  );
  const fresh = submissions.filter((submission) => !linked.has(submission.submissionId));
  store.transaction((db) => {
    for (const submission of fresh) {
      const milestones = submission.milestones.map((title) => ({ title, done: true }));
      const goal = submission.goal ?? '';
      const projectId = db
        .insert(projects)
        .values({ courseId: submission.courseId, briefId: null, title: submission.title, goal, milestones, createdAt: submission.submittedAt })
        .returning({ id: projects.id })
        .get().id;
      const id = db
        .insert(projectSubmissions)
        .values({
          projectId,
          // Submitted from another computer: its folder is not here.
          folder: '',
          demoUrl: submission.demoUrl,
          automated: submission.automated,
          tests: [],
          files: submission.files,
          // No review of this app's own: the server's shows beside it.
          status: 'awaiting-review',
          submittedAt: submission.submittedAt,
        })
        .returning({ id: projectSubmissions.id })
        .get().id;
      // Linked as if sent from here: the Project view asks the server for its status and review.
      writeRow(store, sentKey(id), submission.submissionId, now);
    }
  });
  return fresh.length;
}
