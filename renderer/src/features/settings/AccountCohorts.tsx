// Settings → Cohorts: join one with an invite code (after the consent screen), the cohorts you
// are in, leaving one, and — when you choose to look — a cohort's leaderboard and weekly league.
import { useEffect, useId, useState } from 'react';
import { cohortBoards, type Cohort, type InvitePreview } from '../../../../preload/contract/account';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { useCall } from '../../platform/use-call';
import { AccountConsentDialog } from './AccountConsentDialog';
import { LeaderboardTable } from '../leaderboard/LeaderboardTable';
import { AccountError } from './AccountRestore';
import './account.css';
import { onSubmitRun } from '../../platform/on-submit';

const boardLabel: Record<(typeof cohortBoards)[number], string> = { week: 'This week (league)', all: 'All time' };

function CohortBoard({ cohort }: { cohort: Cohort }) {
  const [board, setBoard] = useState<(typeof cohortBoards)[number]>('week');
  const { data, error } = useCall('cohorts.leaderboard', { cohortId: cohort.id, board });
  const id = useId();
  return (
    <div className="account-block">
      <label htmlFor={id}>Board</label>
      <select id={id} value={board} onChange={(e) => setBoard(e.target.value as typeof board)}>
        {cohortBoards.map((b) => (
          <option key={b} value={b}>
            {boardLabel[b]}
          </option>
        ))}
      </select>
      {error && <p className="account-error">{error}</p>}
      {data && <LeaderboardTable rows={data.rows} isMe={(row) => row.me} label={`${cohort.name} leaderboard`} scoreLabel="XP" />}
      {data && data.hidden > 0 && <p className="muted">{data.hidden} member(s) chose not to appear on this board and are not shown.</p>}
    </div>
  );
}

function CohortRow({ cohort, onLeave, onBoardChange }: { cohort: Cohort; onLeave: () => void; onBoardChange: (onBoard: boolean) => void }) {
  const [showBoard, setShowBoard] = useState(false);
  const boardId = useId();
  return (
    <li>
      <div className="account-block">
        <span>
          <strong>{cohort.name}</strong> <span className="muted">· {cohort.orgName}</span>
          <br />
          <span className="muted">
            Joined {new Date(cohort.joinedAt).toLocaleDateString()}
            {cohort.consentedAt && ` · sharing progress, metrics and submissions since ${new Date(cohort.consentedAt).toLocaleDateString()}`}
          </span>
        </span>
        {cohort.role === 'learner' && (
          <span>
            <input id={boardId} type="checkbox" checked={cohort.onBoard} onChange={(e) => onBoardChange(e.target.checked)} />{' '}
            <label htmlFor={boardId}>Show me on the {cohort.name} leaderboard and league</label>
          </span>
        )}
        <div className="account-actions">
          <button type="button" className="button" aria-expanded={showBoard} onClick={() => setShowBoard(!showBoard)}>
            {showBoard ? 'Hide leaderboard' : 'Show leaderboard'}
          </button>
          <button type="button" className="button data-danger" aria-label={`Leave ${cohort.name}`} onClick={onLeave}>
            Leave
          </button>
        </div>
        {showBoard && <CohortBoard cohort={cohort} />}
      </div>
    </li>
  );
}

export function AccountCohortsSection() {
  const { data, error: loadError, setData, reload } = useCall('cohorts.list', {});
  // Signing in or out (Account, above) changes whose cohorts these are.
  const signedIn = data?.signedIn;
  useEffect(() => client().on('sync.changed', (status) => signedIn !== undefined && status.signedIn !== signedIn && reload()), [signedIn, reload]);
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const review = useAction();
  const join = useAction();
  const leave = useAction();
  const board = useAction();
  const id = useId();
  if (!data) return loadError ? <p className="form-error">{loadError}</p> : null;
  return (
    <section id="settings-cohorts" aria-labelledby="settings-cohorts-title">
      <h2 id="settings-cohorts-title">Cohorts</h2>
      {!data.signedIn ? (
        <p className="muted">Sign in to your account (above) to join your class or team with an invite code.</p>
      ) : (
        <>
          <form
            className="account-form account-block"
            aria-label="Join a cohort"
            onSubmit={onSubmitRun(() => review.act(async () => setPreview(await client().call('cohorts.preview', { code }))))}
          >
            <label htmlFor={id}>Invite code</label>
            <input id={id} value={code} required autoComplete="off" spellCheck={false} placeholder="ABCD-EFGH-JKLM" onChange={(e) => setCode(e.target.value)} />
            <div className="account-actions">
              <button type="submit" className="button" disabled={review.busy}>
                Review and join…
              </button>
            </div>
          </form>
          <AccountError error={review.error} />
          {data.cohorts.length === 0 ? (
            <p className="muted">You are in no cohort.</p>
          ) : (
            <ul className="account-list account-block" aria-label="Your cohorts">
              {data.cohorts.map((cohort) => (
                <CohortRow
                  key={cohort.id}
                  cohort={cohort}
                  onLeave={() =>
                    void leave.act(async () => {
                      setData(await client().call('cohorts.leave', { cohortId: cohort.id }));
                    })
                  }
                  onBoardChange={(onBoard) =>
                    void board.act(async () => {
                      setData(await client().call('cohorts.setBoard', { cohortId: cohort.id, onBoard }));
                    })
                  }
                />
              ))}
            </ul>
          )}
          <AccountError error={leave.error ?? board.error} />
        </>
      )}
      {preview && (
        <AccountConsentDialog
          preview={preview}
          busy={join.busy}
          error={join.error}
          onCancel={() => setPreview(null)}
          onJoin={(consent, onBoard) =>
            void join.act(async () => {
              setData(await client().call('cohorts.join', { code, consent, onBoard }));
              setPreview(null);
              setCode('');
            })
          }
        />
      )}
    </section>
  );
}
