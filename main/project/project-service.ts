// The Gold project in main: the learner's choice (a course brief or their own) and milestones,
// submissions (main reads the folder and runs its tests in the sandbox; the window only names the
// folder), and reviews: the Project Guide drafts one when a tutor provider is set, otherwise a
// person's scores are entered. Either way the rubric rule decides; the window gets views only.
import { randomUUID } from 'node:crypto';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { ProjectOverview, projectChoiceSchema, projectStages, rubricScoresSchema } from '../../preload/contract/project';
import { sandboxLanguages, type SandboxLanguage } from '../../preload/contract/sandbox';
import type { z } from 'zod';
import { rubricCategories, rubricTitles, rubricWeights, type ProjectReview } from '../../common/rules/project-review';
import type { ExerciseForCheck, RunCoordinator } from '../sandbox/run-coordinator';
import type { Store } from '../store/open-store';
import { readProjectBriefs } from '../courses/bundle/project-briefs';
import { readProjectFolder } from './project-folder';
import { parseReviewScores, reviewSystemPrompt, reviewUserPrompt, type ProjectGuide } from './project-guide';
import { ProjectStore, type Milestone, type ProjectRow, type SubmissionRow } from './project-store';
import { submissionView } from './project-views';

export interface ProjectServiceDeps {
  readonly now: () => number;
  /** The installed course: its folder, title and first language. */
  readonly course: (courseId: string) => { dir: string; title: string; language: string } | null;
  /** The run coordinator's Check of an exercise outside any lesson. */
  readonly check: RunCoordinator['checkExercise'];
  /** The Project Guide on the tutor's provider, or null when none is set (a person reviews). */
  readonly guide: () => ProjectGuide | null;
  readonly warn: (message: string) => void;
}

export type ProjectStage = (typeof projectStages)[number];
type Choice = z.output<typeof projectChoiceSchema>;

export class ProjectService {
  private readonly rows: ProjectStore;

  constructor(
    store: Store,
    private readonly deps: ProjectServiceDeps,
  ) {
    this.rows = new ProjectStore(store);
  }

  private course(courseId: string) {
    const course = this.deps.course(courseId);
    if (!course) throw new DronaError('not_found', `The course "${courseId}" is not installed, so it has no Gold project.`);
    return course;
  }

  overview(courseId: string): ProjectOverview {
    const course = this.course(courseId);
    const project = this.rows.current(courseId);
    const submissions = this.rows.submissions(courseId);
    const reviews = this.rows.latestReviews(submissions.map((s) => s.id));
    return {
      courseId,
      courseTitle: course.title,
      briefs: readProjectBriefs(course.dir).map((brief) => ({
        id: brief.id,
        title: brief.title,
        goal: brief.goal,
        milestones: brief.milestones,
        language: brief.language ?? course.language,
      })),
      project: project && { projectId: project.id, briefId: project.briefId, title: project.title, goal: project.goal, milestones: project.milestones },
      submissions: submissions.map((submission) => submissionView(submission, reviews.get(submission.id) ?? null)),
      projectGuide: this.deps.guide() !== null,
      rubric: rubricCategories.map((category) => ({ category, title: rubricTitles[category], weight: rubricWeights[category] })),
    };
  }

  choose(choice: Choice): ProjectOverview {
    const course = this.course(choice.courseId);
    let picked: { briefId: string | null; title: string; goal: string; milestones: string[] };
    if ('briefId' in choice) {
      const brief = readProjectBriefs(course.dir).find((b) => b.id === choice.briefId);
      if (!brief) throw new DronaError('not_found', `"${course.title}" has no project brief "${choice.briefId}".`);
      picked = { briefId: brief.id, title: brief.title, goal: brief.goal, milestones: brief.milestones };
    } else picked = { briefId: null, ...choice.own };
    this.rows.create({
      courseId: choice.courseId,
      ...picked,
      milestones: picked.milestones.map((title) => ({ title, done: false })),
      createdAt: this.deps.now(),
    });
    return this.overview(choice.courseId);
  }

  milestone(projectId: number, index: number, done: boolean): ProjectOverview {
    const project = this.project(projectId);
    if (index >= project.milestones.length)
      throw new DronaError('invalid_input', `The project has ${project.milestones.length} milestones; there is no milestone ${index + 1}.`);
    this.rows.setMilestones(
      projectId,
      project.milestones.map((m, i): Milestone => (i === index ? { ...m, done } : m)),
    );
    return this.overview(project.courseId);
  }

  private project(projectId: number): ProjectRow {
    const project = this.rows.project(projectId);
    if (!project) throw new DronaError('not_found', 'No project with this id was chosen in this app.');
    return project;
  }

  /** Reads the folder, runs its tests in the sandbox, records what main measured, then asks the Project Guide when there is one. */
  async submit(
    input: { projectId: number; folder: string; demoUrl?: string | undefined },
    sessionId: string,
    progress: (stage: ProjectStage, detail: string) => void,
  ): Promise<ProjectOverview> {
    const project = this.project(input.projectId);
    const course = this.course(project.courseId);
    const brief = readProjectBriefs(course.dir).find((b) => b.id === project.briefId);
    const language = (brief?.language ?? course.language) as SandboxLanguage;
    if (!sandboxLanguages.includes(language)) throw new DronaError('invalid_input', `The sandbox cannot run ${language} projects.`);
    progress('reading', `Reading ${input.folder}`);
    const folder = readProjectFolder(input.folder, language);
    progress('testing', `Running ${folder.tests.length} test file${folder.tests.length === 1 ? '' : 's'} in the sandbox`);
    const exercise: ExerciseForCheck = { language, files: folder.files.map((file) => ({ ...file, role: 'editable' as const })), tests: folder.tests };
    const result = await this.deps.check({ runId: randomUUID(), courseId: project.courseId, files: folder.files }, exercise, sessionId);
    if (result.driver === 'none' || result.run.needsConsent)
      throw new DronaError(
        'sandbox_unavailable',
        `The project's tests could not run: ${result.run.message} Nothing was submitted; fix the sandbox and submit again.`,
      );
    const tests = result.tests.map((test) => ({ name: test.name, status: test.status, ...(test.message ? { message: test.message.slice(0, 2000) } : {}) }));
    const submissionId = this.rows.submit({
      projectId: project.id,
      folder: input.folder,
      demoUrl: input.demoUrl ?? null,
      // No linter runs in the sandbox yet: "lint clean" is what the run reported (no diagnostics).
      automated: {
        testsPassed: result.status === 'pass' && tests.length > 0,
        testCount: tests.length,
        lintClean: result.run.diagnostics.length === 0,
        readme: folder.readme,
      },
      tests,
      files: [...folder.files, ...folder.tests],
      submittedAt: this.deps.now(),
    });
    if (this.deps.guide()) {
      progress('reviewing', 'The Project Guide is reviewing it against the rubric');
      await this.tryDraft(submissionId);
    }
    progress('done', 'Submitted');
    return this.overview(project.courseId);
  }

  /** Asks the Project Guide for a rubric review of the submission; refuses when there is no provider or the reply is not a rubric. */
  async draftReview(submissionId: number): Promise<ProjectOverview> {
    const { project } = this.submission(submissionId);
    const error = await this.tryDraft(submissionId);
    if (error) throw new DronaError('review_failed', error);
    return this.overview(project.courseId);
  }

  /** The guide's review saved; else why not (logged), the submission left for a person. */
  private async tryDraft(submissionId: number): Promise<string | null> {
    const { submission, project } = this.submission(submissionId);
    const guide = this.deps.guide();
    if (!guide) return 'No tutor provider is set, so a person reviews this submission: enter their scores below.';
    let reply: string;
    try {
      reply = await guide({ system: reviewSystemPrompt(), messages: [{ role: 'user', content: reviewUserPrompt({ ...project, ...submission }) }] });
    } catch (error) {
      const message = `The Project Guide could not review it (${messageOf(error)}); the submission is kept for review.`;
      this.deps.warn(message);
      return message;
    }
    const scores = parseReviewScores(reply);
    if (!scores) {
      const message = 'The Project Guide did not answer with a complete rubric; the submission is kept for review.';
      this.deps.warn(`${message} Reply began: ${reply.slice(0, 200)}`);
      return message;
    }
    this.rows.saveReview(submissionId, this.review(project, submission, { kind: 'project-guide', name: 'Project Guide' }, scores));
    return null;
  }

  /** A person's scores, entered in the app; judged by the same rule. */
  recordReview(submissionId: number, reviewerName: string, scores: z.output<typeof rubricScoresSchema>): ProjectOverview {
    const { submission, project } = this.submission(submissionId);
    this.rows.saveReview(submissionId, this.review(project, submission, { kind: 'person', name: reviewerName }, scores));
    return this.overview(project.courseId);
  }

  private submission(submissionId: number) {
    const found = this.rows.submission(submissionId);
    if (!found) throw new DronaError('not_found', 'No project submission with this id is saved in this app.');
    return found;
  }

  private review(project: ProjectRow, submission: SubmissionRow, reviewer: ProjectReview['reviewer'], scores: ProjectReview['scores']): ProjectReview {
    return {
      courseId: project.courseId,
      project: { title: project.title, goal: project.goal, ...(submission.demoUrl ? { demoUrl: submission.demoUrl } : {}) },
      reviewer,
      scores,
      automated: submission.automated,
      reviewedAt: this.deps.now(),
    };
  }
}
