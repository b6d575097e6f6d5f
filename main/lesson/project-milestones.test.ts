// A project's milestones walked through LessonActivity against a real store: in order, each
// accepted when its tests pass in main's latest Check and its checklist is confirmed, each
// submission recorded with its review (the Project Guide's, else the rubric review), and the
// last one completing the lesson.
import { describe, expect, it } from 'vitest';
import { checkResultOf } from '../../preload/contract/testing/sandbox-results';
import type { CheckResult } from '../../preload/contract/sandbox';
import type { LessonContent } from '../../preload/contract/courses';
import { attempts } from '../store/schema';
import type { LessonSources } from './lesson-sources';
import { lessonActivityHarness } from './testing/lesson-activity-harness';
import { milestoneAcceptance, rubricReview } from './project-milestones';

const project: NonNullable<LessonContent['project']> = {
  milestones: [
    { id: 'count', title: 'Count', goal: 'Count words.', tests: ['test_count'], rubric: ['Lower case'] },
    { id: 'report', title: 'Report', goal: 'Write it.', tests: ['test_report'], checklist: ['I ran it', 'Files at the edges'], rubric: ['Uses with'] },
  ],
};

const check = (...passing: string[]): CheckResult =>
  checkResultOf({
    status: 'fail',
    tests: ['test_count', 'test_report'].map((name) => ({ name, status: passing.includes(name) ? 'pass' : 'fail', concepts: [] })),
  });

function setup(reviewMilestone?: LessonSources['reviewMilestone']) {
  return lessonActivityHarness({ getLesson: async () => ({ type: 'project', project }), ...(reviewMilestone ? { reviewMilestone } : {}) });
}

describe('milestoneAcceptance', () => {
  it('needs every test passing and every checklist item confirmed, and says which are open', () => {
    const [, report] = project.milestones;
    expect(milestoneAcceptance(report!, null, [0, 1])).toEqual({
      accepted: false,
      lines: ['✗ test `test_report` has not run: press Check first', '✓ you confirmed: I ran it', '✓ you confirmed: Files at the edges'],
    });
    expect(milestoneAcceptance(report!, check('test_report'), [1]).lines[1]).toBe('✗ not confirmed yet: I ran it');
    expect(milestoneAcceptance(report!, check('test_report'), [1, 0]).accepted).toBe(true);
    expect(rubricReview(report!, { accepted: true, lines: [] })).toMatch(/\*\*Report\*\*: accepted\.[\s\S]*- Uses with/);
  });
});

describe('project milestones', () => {
  it('accepts them in order, records each review, and completes the lesson at the last', async () => {
    const { activity, recorded, state, store } = setup();
    await expect(activity.submitMilestone('py', 'proj', 'report', [0, 1])).rejects.toThrow(/not open yet/);
    const early = await activity.submitMilestone('py', 'proj', 'count', []);
    expect(early).toMatchObject({ accepted: false, review: expect.stringMatching(/press Check first/), standing: { milestones: [] } });
    state.lastCheck = check('test_count');
    const first = await activity.submitMilestone('py', 'proj', 'count', []);
    expect(first).toMatchObject({ accepted: true, standing: { milestones: [{ id: 'count', review: expect.stringMatching(/Lower case/) }] } });
    state.lastCheck = check('test_count', 'test_report');
    expect((await activity.submitMilestone('py', 'proj', 'report', [0])).accepted).toBe(false);
    expect(recorded).toEqual([]);
    const last = await activity.submitMilestone('py', 'proj', 'report', [0, 1]);
    expect(last.standing).toMatchObject({ status: 'completed', milestones: [{ id: 'count' }, { id: 'report' }] });
    expect(recorded).toEqual(['lesson-completed']);
    await expect(activity.submitMilestone('py', 'proj', 'report', [0, 1])).rejects.toThrow(/already accepted/);
    // Every submission is on record, accepted or not.
    expect(
      store.db
        .select()
        .from(attempts)
        .all()
        .map((row) => [row.kind, row.passed]),
    ).toEqual([
      ['milestone', false],
      ['milestone', true],
      ['milestone', false],
      ['milestone', true],
    ]);
  });

  it("records the Project Guide's review after the acceptance checks when there is one", async () => {
    const { activity, state } = setup(
      async (_course, _lesson, milestone, acceptance) => `Guide on ${milestone.title}: ${acceptance.split('\n').length} checks. What next?`,
    );
    state.lastCheck = check('test_count');
    const outcome = await activity.submitMilestone('py', 'proj', 'count', []);
    expect(outcome.review).toBe('- ✓ test `test_count` passes\n\nGuide on Count: 1 checks. What next?');
  });

  it('refuses a milestone the project does not have', async () => {
    await expect(setup().activity.submitMilestone('py', 'proj', 'nope', [])).rejects.toThrow(/no milestone "nope"/);
  });
});
