// The open course in the side panel: Next up, then its modules and lessons (in the learner's
// preferred order) with completion marks and "Tested out", locked (with the reason) until its
// prerequisites are done.
import { ArrowLeft, Lock } from 'lucide-react';
import type { CourseDetail } from '../../../../preload/contract/courses';
import { useCall } from '../../platform/use-call';
import { useLearnStore } from './learn-store';
import { NextUp } from './NextUp';
import { LessonStatusIcon } from './StatusIcon';
import { useCourseDetail } from './use-courses';

export function CourseOutline({ courseId }: { courseId: string }) {
  const { data: detail, error } = useCourseDetail(courseId);
  const open = useLearnStore((state) => state.open);
  const revision = useLearnStore((state) => state.revision);
  const { data: path } = useCall('path.course', { courseId }, [revision]);
  const inPathOrder = (module: CourseDetail['modules'][number]) =>
    path ? [...module.lessons].sort((a, b) => path.order.indexOf(a.id) - path.order.indexOf(b.id)) : module.lessons;
  const { openLesson, openCourse } = useLearnStore.getState();
  return (
    <nav className="learn-outline" aria-label="Course outline">
      <button type="button" className="icon-button learn-back" onClick={() => openCourse(null)}>
        <ArrowLeft size={14} aria-hidden="true" /> All courses
      </button>
      {error && <p className="form-error panel-pad">{error}</p>}
      {!detail && !error && <p className="muted panel-pad">Loading the course…</p>}
      {detail && (
        <>
          <h2 className="learn-outline-title">{detail.title}</h2>
          <p className="muted learn-outline-progress">
            {detail.completedCount} of {detail.lessonCount} lessons complete
          </p>
          {!detail.lockedReason && <NextUp courseId={courseId} />}
          {detail.lockedReason && (
            <p className="learn-locked">
              <Lock size={12} aria-hidden="true" /> {detail.lockedReason}
            </p>
          )}
          {detail.modules.map((module) => (
            <section key={module.id} aria-label={module.title}>
              <h3 className="learn-module-title">{module.title}</h3>
              <ul className="learn-lessons">
                {inPathOrder(module).map((lesson) => (
                  <li key={lesson.id}>
                    <button
                      type="button"
                      className="learn-lesson"
                      aria-current={open?.courseId === courseId && open.lessonId === lesson.id ? 'page' : undefined}
                      disabled={detail.lockedReason !== null}
                      onClick={() => openLesson(courseId, lesson.id)}
                    >
                      <LessonStatusIcon status={lesson.status} />
                      <span>{lesson.title}</span>
                      {path?.testedOut.includes(lesson.id) && <span className="tested-out">Tested out</span>}
                      <span className="muted learn-lesson-type">{lesson.type}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </nav>
  );
}
