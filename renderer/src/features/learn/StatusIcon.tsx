// A lesson's or course's progress as an icon: done, started, not started, or locked.
import { CheckCircle2, Circle, CircleDot, Lock } from 'lucide-react';
import type { CourseSummary } from '../../../../preload/contract/courses';

export function LessonStatusIcon({ status }: { status: string }) {
  if (status === 'completed') return <CheckCircle2 size={14} aria-label="completed" className="lesson-done" />;
  return status === 'in_progress' ? <CircleDot size={14} aria-label="in progress" /> : <Circle size={14} aria-label="not started" />;
}

export function CourseStatusIcon({ course }: { course: CourseSummary }) {
  if (course.lockedReason) return <Lock size={14} aria-label="locked" />;
  return <LessonStatusIcon status={course.status === 'completed' ? 'completed' : course.status === 'in-progress' ? 'in_progress' : 'not_started'} />;
}
