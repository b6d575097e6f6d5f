// Gold's review on the sync server (server/README.md "Gold projects"): the app sends a submission it
// measured (files, README, milestones, the sandbox's checks) to the server's queue, where a person
// scores the rubric; Gold and its exceptional bonus are issued from that review only. The app keeps
// which server submission each of its own submissions became, to show the status and the review.
import { DronaError } from '../../preload/contract/errors';
import { projectSubmissionView, type ProjectSubmissionRequest, type ProjectSubmissionView } from '../../common/sync-api/project-api';
import type { Store } from '../store/open-store';
import { asDronaError, signedInCall, type AccountSession } from '../sync/account-session';
import { readRow, writeRow } from '../sync/sync-state';
import { isReadme } from './project-folder';
import type { ProjectStore } from './project-store';

/** Settings row (no migration): the server's submission id for one of this app's submissions. */
export const SENT_PREFIX = 'project.server.';
export const sentKey = (submissionId: number) => `${SENT_PREFIX}${submissionId}`;

export class ServerProjectReview {
  constructor(
    private readonly store: Store,
    private readonly rows: ProjectStore,
    private readonly session: AccountSession,
    private readonly now: () => number,
  ) {}

  /** Sends the submission for review, once; sending again answers with its status there. */
  async send(submissionId: number): Promise<ProjectSubmissionView> {
    const sent = await this.status(submissionId);
    if (sent) return sent;
    const found = this.rows.submission(submissionId);
    if (!found) throw new DronaError('not_found', 'No project submission with this id was made in this app.');
    const { submission, project } = found;
    const readme = submission.files.find((file) => isReadme(file.path))?.content ?? '';
    const body: ProjectSubmissionRequest = {
      title: project.title,
      ...(project.goal ? { goal: project.goal } : {}),
      milestones: project.milestones.map((milestone) => milestone.title),
      ...(submission.demoUrl ? { demoUrl: submission.demoUrl } : {}),
      readme,
      files: submission.files.map((file) => ({ path: file.path, content: file.content })),
      automated: submission.automated,
    };
    const view = await this.call('POST', `/v1/projects/${encodeURIComponent(project.courseId)}/submissions`, body);
    writeRow(this.store, sentKey(submissionId), view.submissionId, this.now());
    return view;
  }

  /** The submission's status and review on the server; null when it was not sent from here. */
  async status(submissionId: number): Promise<ProjectSubmissionView | null> {
    const serverId = readRow<string>(this.store, sentKey(submissionId));
    return serverId ? this.call('GET', `/v1/projects/submissions/${serverId}`, undefined) : null;
  }

  private async call(method: 'GET' | 'POST', path: string, body: unknown): Promise<ProjectSubmissionView> {
    try {
      return await signedInCall(this.session, method, path, body, projectSubmissionView);
    } catch (error) {
      throw asDronaError(error);
    }
  }
}
