import { useState } from 'react';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { client } from '../../platform/client';
import type { LessonContent } from '../../../../preload/contract/courses';
import { useCall } from '../../platform/use-call';
import { messageOf } from '../../../../preload/contract';

/**
 * A short written answer, saved to the learner's journal; saving completes the lesson and brings
 * one question back, whose answer is journaled under it. What was saved before shows below.
 */
export function ReflectionMode({ lesson, onStanding }: { lesson: LessonContent; onStanding(standing: LessonStanding): void }) {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The question asked back after a reflection; the next save answers it.
  const [followUp, setFollowUp] = useState<string | null>(null);
  const ref = { courseId: lesson.courseId, lessonId: lesson.lessonId };
  const journalCall = useCall('lesson.journal', ref);
  const journal = journalCall.data ?? [];
  const shownError = error ?? journalCall.error;

  const save = async () => {
    try {
      const { followUp: question, ...standing } = await client().call('lesson.saveReflection', { ...ref, text, answersFollowUp: followUp !== null });
      onStanding(standing);
      setFollowUp(question);
      setSaved(true);
      setError(null);
      // The entry now lives in the journal below; the box is free for the next thought.
      setText('');
      journalCall.reload();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section className="reflection" aria-label="Reflection">
      {followUp && (
        <p className="reflection-follow-up" role="status">
          <span className="guided-who">One question back:</span> {followUp}
        </p>
      )}
      <label htmlFor="reflection-text" className="quiz-prompt">
        {followUp ? 'Your answer' : (lesson.reflection?.prompt ?? 'What did you learn?')}
      </label>
      <textarea
        id="reflection-text"
        rows={6}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setSaved(false);
        }}
      />
      {shownError && <p className="form-error">{shownError}</p>}
      {saved && <p role="status">Saved to your journal.</p>}
      <button className="button primary" disabled={text.trim().length === 0} onClick={() => void save()}>
        Save to journal
      </button>
      {journal.length > 0 && (
        <>
          <h2 id="reflection-journal" className="reflection-journal-title">
            Your journal
          </h2>
          <ul className="reflection-journal" aria-labelledby="reflection-journal">
            {journal.map((entry, index) => (
              <li key={`${entry.createdAt}-${index}`}>
                <time dateTime={new Date(entry.createdAt).toISOString()} className="muted">
                  {new Date(entry.createdAt).toLocaleString()}
                </time>
                <p>{entry.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
