// "Next up" in Learn: main's recommendation (due reviews, the weakest prerequisite of what comes
// next, then the path) with its one-line reason, and a button that goes there.
import { useAppStore } from '../../app/app-store';
import { useCall } from '../../platform/use-call';
import { useLearnStore } from './learn-store';
import '../onboarding/onboarding.css';

export function NextUp({ courseId }: { courseId?: string }) {
  const revision = useLearnStore((state) => state.revision);
  const { data: next } = useCall('path.nextUp', courseId ? { courseId } : {}, [revision]);
  if (!next || next.kind === 'none') return null;
  const go = () => {
    if (next.kind === 'review') void useAppStore.getState().updateLayout({ activity: 'practice' });
    else if (next.courseId && next.lessonId) useLearnStore.getState().openLesson(next.courseId, next.lessonId);
  };
  return (
    <section className="next-up" aria-labelledby="next-up-title">
      <h2 id="next-up-title" className="learn-module-title">
        Next up
      </h2>
      {next.kind === 'lesson' && (
        <strong>
          {next.lessonTitle}
          {!courseId && next.courseTitle && <span className="muted"> · {next.courseTitle}</span>}
        </strong>
      )}
      <p className="next-up-reason">{next.reason}</p>
      {next.kind !== 'done' && (
        <button type="button" className="button primary" onClick={go}>
          {next.kind === 'review' ? 'Review now' : 'Open the lesson'}
        </button>
      )}
    </section>
  );
}
