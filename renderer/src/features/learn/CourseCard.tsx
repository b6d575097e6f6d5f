// One course in the catalog: summary, prerequisites, progress, and Start/Continue/Review
// (which opens the first lesson not yet done) or why it is locked.
import { Lock } from 'lucide-react';
import type { CourseSummary } from '../../../../preload/contract/courses';
import { client } from '../../platform/client';
import { useLearnStore } from './learn-store';

export function CourseCard({ course }: { course: CourseSummary }) {
  const { openCourse, openLesson } = useLearnStore.getState();
  const percent = course.lessonCount ? Math.round((course.completedCount / course.lessonCount) * 100) : 0;
  const start = async () => {
    const detail = await client().call('courses.get', { courseId: course.id });
    const lessons = detail.modules.flatMap((module) => module.lessons);
    const next = lessons.find((lesson) => lesson.status !== 'completed') ?? lessons[0];
    if (next) openLesson(course.id, next.id);
    else openCourse(course.id);
  };
  return (
    <article className="course-card" aria-label={course.title}>
      <header>
        <h3>{course.title}</h3>
        <span className="muted">
          {course.track.title} · {course.difficulty} · {course.languages.join(', ')} · about {course.estimatedHours} h
        </span>
      </header>
      <p>{course.summary}</p>
      {course.prerequisites.length > 0 && (
        <p className="muted">
          Needs:{' '}
          {course.prerequisites.map((prerequisite) => (
            <span key={prerequisite.id} className={prerequisite.completed ? 'prereq-done' : 'prereq-open'}>
              {prerequisite.title}
              {prerequisite.completed ? ' ✓' : ''}{' '}
            </span>
          ))}
        </p>
      )}
      <div
        className="course-card-progress"
        role="progressbar"
        aria-label={`${course.title} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <footer>
        <span className="muted">
          {course.completedCount} / {course.lessonCount} lessons
        </span>
        {course.lockedReason ? (
          <span className="learn-locked">
            <Lock size={12} aria-hidden="true" /> Locked: {course.lockedReason}
          </span>
        ) : (
          <button type="button" className="button primary" onClick={() => void start()}>
            {course.status === 'not-started' ? 'Start' : course.status === 'completed' ? 'Review' : 'Continue'}
          </button>
        )}
        <button type="button" className="button" onClick={() => openCourse(course.id)}>
          Outline
        </button>
      </footer>
    </article>
  );
}
