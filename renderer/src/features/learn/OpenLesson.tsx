// The Learn canvas with a lesson open: loads its content and its place in the course
// (module, previous and next) and hands both to the lesson canvas.
import { useCallback, useMemo } from 'react';
import { useCall } from '../../platform/use-call';
import { LessonCanvas } from '../lesson/LessonCanvas';
import type { LessonPlace } from '../lesson/lesson-types';
import { EmptyState } from '../shell/EmptyState';
import { useLearnStore } from './learn-store';
import { useCourseDetail } from './use-courses';

export function OpenLesson({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const detail = useCourseDetail(courseId).data;
  // A reinstalled course (import, upgrade, preview edit) reloads the open lesson.
  const contentRevision = useLearnStore((state) => state.contentRevision);
  const { data: lesson, error } = useCall('courses.lesson', { courseId, lessonId }, [contentRevision]);
  const { openLesson, invalidate, closeLesson } = useLearnStore.getState();
  const onStandingChange = useCallback(() => invalidate(), [invalidate]);
  const onNavigate = useCallback((next: string) => openLesson(courseId, next), [openLesson, courseId]);
  // Stable while the course and lesson are the same: the canvas registers palette commands from it.
  const place = useMemo<LessonPlace | null>(() => {
    if (!detail) return null;
    const all = detail.modules.flatMap((module) => module.lessons.map((outline) => ({ ...outline, moduleTitle: module.title })));
    const index = all.findIndex((outline) => outline.id === lessonId);
    const neighbour = (at: number) => (all[at] ? { lessonId: all[at].id, title: all[at].title } : null);
    return {
      courseTitle: detail.title,
      moduleTitle: all[index]?.moduleTitle ?? '',
      index: Math.max(index, 0),
      total: all.length,
      completedCount: detail.completedCount,
      previous: neighbour(index - 1),
      next: neighbour(index + 1),
    };
  }, [detail, lessonId]);
  if (error) {
    return (
      <EmptyState title="This lesson cannot be opened">
        <p>{error}</p>
        <button type="button" className="button" onClick={closeLesson}>
          Back to the courses
        </button>
      </EmptyState>
    );
  }
  if (!lesson || !place) return <p className="muted panel-pad">Loading the lesson…</p>;
  return <LessonCanvas lesson={lesson} place={place} onNavigate={onNavigate} onStandingChange={onStandingChange} />;
}
