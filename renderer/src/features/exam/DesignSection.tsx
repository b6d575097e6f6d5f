// The design interview: the learner writes their answer (saved as they type). With a tutor
// provider, sending it gets the interviewer's follow-up; without one, the written answer is kept
// for a person to review, and the exam's verdict waits for that review only if it could change it.
import { useState } from 'react';
import type { ExamView } from '../../../../preload/contract/exam';
import { client } from '../../platform/client';
import { examStep } from './exam-store';
import { useAutosave } from './use-autosave';

export function DesignSection({ view }: { view: ExamView }) {
  const question = view.questions[0];
  const [text, setText] = useState(typeof question?.saved === 'string' && !view.interviewer ? question.saved : '');
  const save = useAutosave(question?.itemId ?? 'design');
  if (!question) return null;
  return (
    <div className="exam-design">
      <p className="exam-prompt">{question.prompt}</p>
      {view.interviewer ? (
        <p className="muted">The tutor conducts this interview: send your answer, then answer its follow-up questions.</p>
      ) : (
        <p className="muted">No tutor provider is set, so there are no follow-up questions: your written answer is kept for a person to review.</p>
      )}
      {view.interview.length > 0 && (
        <ol className="exam-interview" aria-label="Interview so far">
          {view.interview.map((turn, index) => (
            <li key={index} className={`turn-${turn.role}`}>
              <strong>{turn.role === 'interviewer' ? 'Interviewer' : 'You'}:</strong> {turn.text}
            </li>
          ))}
        </ol>
      )}
      <label className="exam-file">
        <span>{view.interviewer ? 'Your reply' : 'Your answer'}</span>
        <textarea
          className="exam-editor prose"
          rows={12}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (!view.interviewer) save({ kind: 'design', text: event.target.value });
          }}
        />
      </label>
      {view.interviewer && (
        <div className="exam-actions">
          <button
            type="button"
            className="button"
            disabled={text.trim() === ''}
            onClick={() => {
              const reply = text;
              setText('');
              void examStep((attemptId) => client().call('exam.interview', { attemptId, text: reply }));
            }}
          >
            Send to the interviewer
          </button>
        </div>
      )}
    </div>
  );
}
