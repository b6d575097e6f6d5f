// A project's milestones in the learner's record: each submission is an `attempts` row of kind
// `milestone` (detail: the milestone, whether it was accepted, and the review recorded for it).
// A milestone is accepted when its tests pass in main's own latest Check and every checklist item
// is confirmed; milestones open in order. The review is the Project Guide's with a provider, else
// a rubric review written from the acceptance checks.
import { and, asc, eq } from 'drizzle-orm';
import { DronaError } from '../../preload/contract/errors';
import type { LessonContent, MilestoneView } from '../../preload/contract/courses';
import type { CheckResult } from '../../preload/contract/sandbox';
import { canAnswer, isComplete, isTest, stepStates, testsPass } from '../../common/rules/lesson-steps';
import type { Store } from '../store/open-store';
import { attempts } from '../store/schema';
import type { LessonSources } from './lesson-sources';

type Project = NonNullable<LessonContent['project']>;

/** What the acceptance checks found: pure, from the milestone, the latest Check and the items ticked. */
export function milestoneAcceptance(
  milestone: MilestoneView,
  lastCheck: CheckResult | null,
  confirmed: readonly number[],
): { accepted: boolean; lines: string[] } {
  const lines: string[] = [];
  let accepted = true;
  if (milestone.tests) {
    const results = lastCheck?.tests ?? [];
    for (const name of milestone.tests) {
      const runs = results.filter((result) => isTest(name, result.name));
      const pass = testsPass([name], results);
      accepted &&= pass;
      lines.push(
        `${pass ? '✓' : '✗'} test \`${name}\` ${pass ? 'passes' : runs.length === 0 ? (lastCheck ? 'did not run' : 'has not run: press Check first') : 'fails'}`,
      );
    }
  }
  milestone.checklist?.forEach((item, index) => {
    const ticked = confirmed.includes(index);
    accepted &&= ticked;
    lines.push(`${ticked ? '✓' : '✗'} ${ticked ? 'you confirmed' : 'not confirmed yet'}: ${item}`);
  });
  return { accepted, lines };
}

/** The review without a model: the acceptance checks, then the rubric to hold the submission against. */
export function rubricReview(milestone: MilestoneView, acceptance: { accepted: boolean; lines: string[] }): string {
  return [
    `**${milestone.title}**: ${acceptance.accepted ? 'accepted.' : 'not accepted yet.'}`,
    acceptance.lines.map((line) => `- ${line}`).join('\n'),
    `**Rubric**: read your code against each point.\n\n${milestone.rubric.map((point) => `- ${point}`).join('\n')}`,
    acceptance.accepted ? 'Which rubric point would you improve first if you had ten more minutes?' : 'Which of the open checks will you work on first?',
  ].join('\n\n');
}

function submissions(store: Store, courseId: string, lessonId: string): { id: string; accepted: boolean; review: string }[] {
  return store.db
    .select({ detail: attempts.detail, passed: attempts.passed })
    .from(attempts)
    .where(and(eq(attempts.courseId, courseId), eq(attempts.lessonId, lessonId), eq(attempts.kind, 'milestone')))
    .orderBy(asc(attempts.id))
    .all()
    .flatMap(({ detail, passed }) => {
      const { milestoneId, review } = (detail ?? {}) as { milestoneId?: unknown; review?: unknown };
      return typeof milestoneId === 'string' && typeof review === 'string' ? [{ id: milestoneId, accepted: passed === true, review }] : [];
    });
}

/** The standing's project part: the milestones accepted in order, each with its accepting review. */
export function milestoneStanding(store: Store, courseId: string, lessonId: string, project: Project | null | undefined): { id: string; review: string }[] {
  if (!project) return [];
  const accepted = new Map(submissions(store, courseId, lessonId).flatMap((row) => (row.accepted ? [[row.id, row.review] as const] : [])));
  const ids = project.milestones.map((milestone) => milestone.id);
  const states = stepStates(ids, new Set(accepted.keys()));
  return ids.flatMap((id, index) => (states[index] === 'passed' ? [{ id, review: accepted.get(id)! }] : []));
}

/** Judges, reviews and records a submission of the open milestone; returns whether every milestone is now accepted. */
export async function submitMilestone(
  store: Store,
  sources: LessonSources,
  input: { courseId: string; lessonId: string; project: Project | null | undefined; milestoneId: string; confirmed: readonly number[]; now: number },
): Promise<{ accepted: boolean; review: string; complete: boolean }> {
  const { courseId, lessonId, project, milestoneId } = input;
  if (!project) throw new DronaError('conflict', 'This lesson has no milestones.');
  const milestone = project.milestones.find((candidate) => candidate.id === milestoneId);
  if (!milestone) throw new DronaError('not_found', `This project has no milestone "${milestoneId}".`);
  const ids = project.milestones.map((candidate) => candidate.id);
  const done = new Set(milestoneStanding(store, courseId, lessonId, project).map((row) => row.id));
  if (!canAnswer(ids, done, milestoneId))
    throw new DronaError(
      'conflict',
      isComplete(ids, done) ? 'Every milestone is already accepted.' : 'Submit the milestones in order: this one is not open yet.',
    );
  const acceptance = milestoneAcceptance(milestone, sources.lastCheck?.(courseId, lessonId) ?? null, input.confirmed);
  const guide = await sources.reviewMilestone?.(courseId, lessonId, milestone, acceptance.lines.join('\n'));
  const review = guide ? `${acceptance.lines.map((line) => `- ${line}`).join('\n')}\n\n${guide}` : rubricReview(milestone, acceptance);
  store.db
    .insert(attempts)
    .values({
      courseId,
      lessonId,
      kind: 'milestone',
      passed: acceptance.accepted,
      score: null,
      detail: { milestoneId, review, by: guide ? 'project-guide' : 'rubric' },
      createdAt: input.now,
    })
    .run();
  if (acceptance.accepted) done.add(milestoneId);
  return { accepted: acceptance.accepted, review, complete: isComplete(ids, done) };
}
