// A project's milestones: the open one shows its goal, its tests (judged by main from the latest
// Check) and its checklist to confirm, then "Submit milestone"; main records the Project Guide's
// review against the rubric (lesson.submitMilestone). Accepted milestones keep their review.
import { CheckCircle2, Circle, Lock } from 'lucide-react';
import { useState } from 'react';
import type { LessonContent } from '../../../../preload/contract/courses';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { TutorReply } from '../tutor/TutorReply';
import { CodeSpanText } from './CodeSpanText';

export function ProjectMilestones({
  lesson,
  standing,
  onStanding,
}: {
  lesson: LessonContent;
  standing: LessonStanding;
  onStanding(standing: LessonStanding): void;
}) {
  const milestones = lesson.project?.milestones ?? [];
  const accepted = new Map(standing.milestones.map((row) => [row.id, row.review]));
  const open = milestones.find((milestone) => !accepted.has(milestone.id)) ?? null;
  const [confirmed, setConfirmed] = useState<number[]>([]);
  const [review, setReview] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!open) return;
    setBusy(true);
    try {
      const outcome = await client().call('lesson.submitMilestone', { courseId: lesson.courseId, lessonId: lesson.lessonId, milestoneId: open.id, confirmed });
      setReview({ id: open.id, text: outcome.review });
      if (outcome.accepted) setConfirmed([]);
      setError(null);
      onStanding(outcome.standing);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="code-along project-milestones" aria-label="Project milestones">
      <h2 className="code-along-title">Milestones</h2>
      <ol className="code-along-steps">
        {milestones.map((milestone, index) => {
          const state = accepted.has(milestone.id) ? 'passed' : milestone === open ? 'current' : 'locked';
          const Icon = state === 'passed' ? CheckCircle2 : state === 'current' ? Circle : Lock;
          const shownReview = review?.id === milestone.id ? review.text : accepted.get(milestone.id);
          return (
            <li key={milestone.id} className={`code-along-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <Icon size={14} aria-hidden="true" />
              <div>
                <h3 className="milestone-title">
                  <span className="visually-hidden">{`Milestone ${index + 1}, ${state === 'passed' ? 'accepted' : state === 'current' ? 'open' : 'locked'}: `}</span>
                  {milestone.title}
                </h3>
                {state === 'locked' ? (
                  <p className="muted">Opens when milestone {index} is accepted</p>
                ) : (
                  <p>
                    <CodeSpanText text={milestone.goal} />
                  </p>
                )}
                {state === 'current' && milestone.tests && <p className="muted code-along-tests">Tests: {milestone.tests.join(', ')} (press Check)</p>}
                {state === 'current' && milestone.checklist && (
                  <fieldset className="quiz-question">
                    <legend>Confirm before you submit</legend>
                    {milestone.checklist.map((item, itemIndex) => (
                      <label key={itemIndex} className="quiz-option">
                        <input
                          type="checkbox"
                          checked={confirmed.includes(itemIndex)}
                          onChange={(event) =>
                            setConfirmed((previous) => (event.target.checked ? [...previous, itemIndex] : previous.filter((value) => value !== itemIndex)))
                          }
                        />
                        <CodeSpanText text={item} />
                      </label>
                    ))}
                  </fieldset>
                )}
                {state === 'current' && (
                  <button type="button" className="button primary" disabled={busy} onClick={() => void submit()}>
                    Submit milestone
                  </button>
                )}
                {shownReview && state !== 'locked' && (
                  <div className="milestone-review" role="status" aria-label={`Review of ${milestone.title}`}>
                    <TutorReply text={shownReview} />
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
