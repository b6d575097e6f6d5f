// The open course in the side panel: Next up, then its modules and lessons (in the learner's
// preferred order) with completion marks and "Tested out", locked (with the reason) until its
// prerequisites are done. The modules and lessons are one tree: one Tab stop, arrow keys inside.
import { ArrowLeft, ChevronDown, ChevronRight, Lock } from 'lucide-react';
import { useMemo } from 'react';
import { useRovingTree, type TreeEntry } from '../../platform/tree/use-roving-tree';
import { useCall } from '../../platform/use-call';
import { useLearnStore } from './learn-store';
import { NextUp } from './NextUp';
import { LessonStatusIcon } from './StatusIcon';
import { useCourseDetail } from './use-courses';

/** Module ids get a prefix in the tree: a module and a lesson may share an id (course slugs). */
const moduleKey = (id: string) => `module:${id}`;

export function CourseOutline({ courseId }: { courseId: string }) {
  const { data: detail, error } = useCourseDetail(courseId);
  const open = useLearnStore((state) => state.open);
  const revision = useLearnStore((state) => state.revision);
  const { data: path } = useCall('path.course', { courseId }, [revision]);
  const modules = useMemo(
    () =>
      (detail?.modules ?? []).map((module) => ({
        ...module,
        lessons: path ? [...module.lessons].sort((a, b) => path.order.indexOf(a.id) - path.order.indexOf(b.id)) : module.lessons,
      })),
    [detail, path],
  );
  const entries = useMemo<TreeEntry[]>(
    () =>
      modules.flatMap((module) => [
        { id: moduleKey(module.id), parent: null, group: true },
        ...module.lessons.map((lesson) => ({ id: lesson.id, parent: moduleKey(module.id) })),
      ]),
    [modules],
  );
  const { openLesson, openCourse } = useLearnStore.getState();
  const here = open?.courseId === courseId ? open.lessonId : null;
  const tree = useRovingTree({
    entries,
    current: here,
    onActivate: (lessonId) => {
      if (!detail?.lockedReason) openLesson(courseId, lessonId);
    },
  });
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
          <ul role="tree" aria-label="Lessons" className="learn-lessons">
            {modules.map((module) => (
              <li key={module.id} {...tree.item(moduleKey(module.id))} className="tree-item" aria-level={1} aria-labelledby={`outline-module-${module.id}`}>
                <span id={`outline-module-${module.id}`} className="learn-module-title tree-row">
                  {tree.isOpen(moduleKey(module.id)) ? <ChevronDown size={12} aria-hidden="true" /> : <ChevronRight size={12} aria-hidden="true" />}
                  {module.title}
                </span>
                {tree.isOpen(moduleKey(module.id)) && (
                  <ul role="group" className="learn-lessons">
                    {module.lessons.map((lesson) => (
                      <li
                        key={lesson.id}
                        {...tree.item(lesson.id)}
                        className="tree-item"
                        aria-level={2}
                        aria-current={here === lesson.id ? 'page' : undefined}
                        aria-disabled={detail.lockedReason !== null ? true : undefined}
                      >
                        <span className="learn-lesson tree-row">
                          <LessonStatusIcon status={lesson.status} />
                          <span>{lesson.title}</span>
                          {path?.testedOut.includes(lesson.id) && <span className="tested-out">Tested out</span>}
                          <span className="muted learn-lesson-type">{lesson.type}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
