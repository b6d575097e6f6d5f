// Coding challenges (easy, medium, hard): the learner edits the starter files, and "Run the
// checks" runs the challenge's hidden tests in the sandbox through main, which keeps the result.
import { useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { ExamQuestion, ExamView } from '../../../../preload/contract/exam';
import { client } from '../../platform/client';
import { useExamMode } from './exam-store';
import { useAutosave } from './use-autosave';

const difficulty = ['', 'easy', 'medium', 'hard'];

export function ChallengeSection({ view }: { view: ExamView }) {
  return (
    <>
      {view.questions.map((question) => (
        <Challenge key={question.itemId} attemptId={view.attemptId} question={question} checks={view.gradedBy === 'app'} />
      ))}
    </>
  );
}

type Files = { path: string; content: string }[];

/** `checks`: whether this app runs the hidden tests; in an exam the sync server grades, a person does. */
function Challenge({ attemptId, question, checks }: { attemptId: ExamView['attemptId']; question: ExamQuestion; checks: boolean }) {
  const [files, setFiles] = useState<Files>(Array.isArray(question.saved) ? question.saved : []);
  const [status, setStatus] = useState<string | null>(
    question.checked ? `Last check: ${question.checked.passed} of ${question.checked.total} tests pass.` : null,
  );
  const [busy, setBusy] = useState(false);
  const save = useAutosave(question.itemId);
  const headingId = `challenge-${question.itemId}`;

  const edit = (path: string, content: string) => {
    const next = files.map((file) => (file.path === path ? { ...file, content } : file));
    setFiles(next);
    if (checks) setStatus('Changed since the last check: run the checks again for it to count.');
    save({ kind: 'code', files: next });
  };
  const check = async () => {
    setBusy(true);
    setStatus('Running the checks in the sandbox…');
    try {
      const result = await client().call('exam.check', { attemptId, itemId: question.itemId, runId: crypto.randomUUID(), files });
      const passed = result.tests.filter((test) => test.status === 'pass').length;
      setStatus(`${passed} of ${Math.max(result.tests.length, 1)} tests pass.${result.message ? ` ${result.message}` : ''}`);
      await useExamMode.getState().refresh();
    } catch (error) {
      setStatus(`The checks did not run: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="exam-challenge" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Challenge {question.number} ({difficulty[question.difficulty ?? 0] ?? ''}): {question.title}
      </h3>
      <p className="exam-prompt">{question.prompt}</p>
      {files.map((file) => (
        <label key={file.path} className="exam-file">
          <span>
            {file.path}
            {file.path === question.entry ? ' (entry)' : ''}
          </span>
          <textarea
            className="exam-editor"
            spellCheck={false}
            value={file.content}
            rows={Math.min(24, Math.max(8, file.content.split('\n').length + 2))}
            onChange={(event) => edit(file.path, event.target.value)}
          />
        </label>
      ))}
      <div className="exam-actions">
        {checks ? (
          <button type="button" className="button" disabled={busy} onClick={() => void check()}>
            {busy ? 'Checking…' : `Run the checks: ${question.title}`}
          </button>
        ) : (
          <p className="muted">Your sync server grades this exam: a person runs and scores your code after you submit the section.</p>
        )}
        {status && (
          <p role="status" className="exam-check-status">
            {status}
          </p>
        )}
      </div>
    </article>
  );
}
