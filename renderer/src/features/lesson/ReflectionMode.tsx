import { useState } from 'react';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { client } from '../../platform/client';
import type { LessonDocument } from './lesson-types';

/** A short written answer, saved to the learner's journal; saving completes the lesson. */
export function ReflectionMode({ lesson, onStanding }: { lesson: LessonDocument; onStanding(standing: LessonStanding): void }) {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      onStanding(await client().call('lesson.saveReflection', { courseId: lesson.courseId, lessonId: lesson.lessonId, text }));
      setSaved(true);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section className="reflection" aria-label="Reflection">
      <label htmlFor="reflection-text" className="quiz-prompt">
        {lesson.reflection?.prompt ?? 'What did you learn?'}
      </label>
      <textarea id="reflection-text" rows={6} value={text} onChange={(event) => setText(event.target.value)} />
      {error && <p className="form-error">{error}</p>}
      {saved && <p role="status">Saved to your journal.</p>}
      <button className="button primary" disabled={text.trim().length === 0} onClick={() => void save()}>
        Save to journal
      </button>
    </section>
  );
}
