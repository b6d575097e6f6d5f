// The Gold project's rows (projects, project_submissions, project_reviews), and the review
// evidence the certificates read: the accepted review if any, else the latest one. Each review's
// verdict is recomputed by the rubric rule when it is saved; the stored flags are that verdict.
import { desc, eq } from 'drizzle-orm';
import {
  reviewEvidence,
  reviewVerdict,
  rubricCategories,
  type AutomatedChecks,
  type ProjectReview,
  type RubricCategory,
} from '../../common/rules/project-review';
import type { ReviewEvidence } from '../../common/rules/certificate-criteria';
import type { SandboxFile } from '../../preload/contract/sandbox';
import type { Store } from '../store/open-store';
import { projectReviews, projectSubmissions, projects } from '../store/schema';

export type ProjectRow = Omit<typeof projects.$inferSelect, 'milestones'> & { milestones: Milestone[] };
export type SubmissionRow = Omit<typeof projectSubmissions.$inferSelect, 'automated' | 'tests' | 'files'> & {
  automated: AutomatedChecks;
  tests: SubmittedTest[];
  files: SandboxFile[];
};
export type ReviewRow = Omit<typeof projectReviews.$inferSelect, 'review'> & { review: ProjectReview };
export interface Milestone {
  title: string;
  done: boolean;
}
export interface SubmittedTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  message?: string;
}

export const scoresOf = (review: ProjectReview) =>
  Object.fromEntries(rubricCategories.map((category) => [category, review.scores[category].score])) as Record<RubricCategory, number>;

export class ProjectStore {
  constructor(private readonly store: Store) {}

  /** The project in progress for the course: the latest chosen. */
  current(courseId: string): ProjectRow | null {
    return (this.store.db.select().from(projects).where(eq(projects.courseId, courseId)).orderBy(desc(projects.id)).get() as ProjectRow | undefined) ?? null;
  }

  project(projectId: number): ProjectRow | null {
    return (this.store.db.select().from(projects).where(eq(projects.id, projectId)).get() as ProjectRow | undefined) ?? null;
  }

  create(row: Omit<typeof projects.$inferInsert, 'id'>): number {
    return this.store.db.insert(projects).values(row).returning({ id: projects.id }).get().id;
  }

  setMilestones(projectId: number, milestones: Milestone[]): void {
    this.store.db.update(projects).set({ milestones }).where(eq(projects.id, projectId)).run();
  }

  /** Every submission of every project of the course, newest first. */
  submissions(courseId: string): SubmissionRow[] {
    return this.store.db
      .select({ submission: projectSubmissions })
      .from(projectSubmissions)
      .innerJoin(projects, eq(projects.id, projectSubmissions.projectId))
      .where(eq(projects.courseId, courseId))
      .orderBy(desc(projectSubmissions.id))
      .all()
      .map((row) => row.submission as SubmissionRow);
  }

  submission(submissionId: number): { submission: SubmissionRow; project: ProjectRow } | null {
    const row = this.store.db
      .select({ submission: projectSubmissions, project: projects })
      .from(projectSubmissions)
      .innerJoin(projects, eq(projects.id, projectSubmissions.projectId))
      .where(eq(projectSubmissions.id, submissionId))
      .get();
    return row ? { submission: row.submission as SubmissionRow, project: row.project as ProjectRow } : null;
  }

  submit(row: Omit<typeof projectSubmissions.$inferInsert, 'id' | 'status'>): number {
    return this.store.db
      .insert(projectSubmissions)
      .values({ ...row, status: 'awaiting-review' })
      .returning({ id: projectSubmissions.id })
      .get().id;
  }

  /** Saves a review with the rubric rule's verdict and marks its submission reviewed, in one transaction. */
  saveReview(submissionId: number, review: ProjectReview): number {
    const verdict = reviewVerdict(scoresOf(review), review.automated);
    return this.store.transaction((db) => {
      const { id } = db
        .insert(projectReviews)
        .values({ submissionId, review, overall: verdict.overall, accepted: verdict.accepted, exceptional: verdict.exceptional, reviewedAt: review.reviewedAt })
        .returning({ id: projectReviews.id })
        .get();
      db.update(projectSubmissions).set({ status: 'reviewed' }).where(eq(projectSubmissions.id, submissionId)).run();
      return id;
    });
  }

  /** The latest review of each submission, by submission id. */
  latestReviews(submissionIds: readonly number[]): Map<number, ReviewRow> {
    const out = new Map<number, ReviewRow>();
    for (const id of submissionIds) {
      const row = this.store.db.select().from(projectReviews).where(eq(projectReviews.submissionId, id)).orderBy(desc(projectReviews.id)).get();
      if (row) out.set(id, row as ReviewRow);
    }
    return out;
  }

  /** The course's accepted review (the best), else its latest; null when nothing was reviewed. */
  bestReview(courseId: string): ReviewRow | null {
    const reviews = this.store.db
      .select({ review: projectReviews })
      .from(projectReviews)
      .innerJoin(projectSubmissions, eq(projectSubmissions.id, projectReviews.submissionId))
      .innerJoin(projects, eq(projects.id, projectSubmissions.projectId))
      .where(eq(projects.courseId, courseId))
      .orderBy(desc(projectReviews.id))
      .all()
      .map((row) => row.review as ReviewRow);
    const accepted = reviews.filter((row) => row.accepted).sort((a, b) => b.overall - a.overall);
    return accepted[0] ?? reviews[0] ?? null;
  }
}

/** The Gold evidence this app holds for a course: its best review as the rubric rule reads it. */
export function projectReviewEvidence(store: Store, courseId: string): (ReviewEvidence & { exceptional: boolean }) | null {
  const best = new ProjectStore(store).bestReview(courseId);
  return best ? { ...reviewEvidence(best.review), exceptional: best.exceptional } : null;
}
