// The submission on the sync server's review queue: Gold (and its exceptional bonus) is issued only
// from a review a person gives there. Signed in, the learner sends it; then its status and review.
import type { ProjectSubmissionView } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { useCall } from '../../platform/use-call';

const statusText = { 'pending-review': 'Waiting for a reviewer on your sync server', accepted: 'Accepted', 'not-accepted': 'Not accepted yet' } as const;

export function ServerReview({ submission }: { submission: ProjectSubmissionView }) {
  const { data: sync } = useCall('sync.status', {});
  const sent = useCall('project.serverReview', sync?.signedIn ? { submissionId: submission.submissionId } : null, [sync?.signedIn]);
  const send = useAction();
  if (!sync?.signedIn) return <p className="muted">Sign in to a sync server (Settings → Account) to have Gold reviewed and issued there.</p>;
  const server = sent.data;
  return (
    <div className="project-server-review" aria-label="Review on your sync server">
      {server ? (
        <p>
          <strong>{statusText[server.status]}</strong>
          {server.review &&
            `: ${server.review.overall}% overall${server.review.exceptional ? ', exceptional' : ''}, reviewed by ${server.review.reviewer}. ${server.review.blockers.join(' ')}`}
        </p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={send.busy}
          onClick={() => void send.act(async () => sent.setData(await client().call('project.sendForReview', { submissionId: submission.submissionId })))}
        >
          {send.busy ? 'Sending…' : 'Send for review on your sync server'}
        </button>
      )}
      {(send.error ?? sent.error) && <p role="alert">{send.error ?? sent.error}</p>}
    </div>
  );
}
