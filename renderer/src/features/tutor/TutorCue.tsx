// The canvas's small, dismissible sign that the tutor offered something unasked. It never takes
// focus: the offer itself is in the tutor panel, which "Open the tutor" shows.
import { Lightbulb, X } from 'lucide-react';
import { useCommandRegistry } from '../palette/command-registry';
import { useTutorStore } from './tutor-store';

export function TutorCue({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const cue = useTutorStore((state) => state.cue);
  const dismiss = useTutorStore((state) => state.dismissCue);
  if (!cue || cue.lesson.courseId !== courseId || cue.lesson.lessonId !== lessonId) return null;
  const why = cue.message.offer?.why;
  return (
    <div className="tutor-cue" role="status">
      <Lightbulb size={14} aria-hidden="true" />
      <span>The tutor has a suggestion{why ? `: ${why}` : '.'}</span>
      <button
        type="button"
        className="button"
        onClick={() => {
          useCommandRegistry.getState().commands.get('view.tutor')?.run();
          dismiss();
        }}
      >
        Open the tutor
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss the tutor's suggestion" onClick={dismiss}>
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
