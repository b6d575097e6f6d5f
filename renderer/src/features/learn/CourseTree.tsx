// The side panel's catalog when no course is open: installed courses by domain and track,
// each with its status and lessons done.
import { DoneCount } from '../shell/DoneCount';
import { groupCourses } from './catalog-filters';
import { useLearnStore } from './learn-store';
import { CourseStatusIcon } from './StatusIcon';
import { useCourses } from './use-courses';

export function CourseTree() {
  const { courses, error } = useCourses();
  const openCourse = useLearnStore((state) => state.openCourse);
  return (
    <nav aria-label="Courses" className="learn-tree">
      {error && <p className="form-error panel-pad">{error}</p>}
      {courses?.length === 0 && <p className="muted panel-pad">No courses are installed yet. Import a .drona file from the Learn canvas.</p>}
      {groupCourses(courses ?? []).map((group) => (
        <section key={group.domain.id} aria-label={group.domain.title}>
          <h2 className="learn-domain">{group.domain.title}</h2>
          {group.tracks.map(({ track, courses: trackCourses }) => (
            <div key={track.id}>
              <h3 className="learn-track">{track.title}</h3>
              <ul className="learn-lessons">
                {trackCourses.map((course) => (
                  <li key={course.id}>
                    <button type="button" className="learn-lesson" onClick={() => openCourse(course.id)}>
                      <CourseStatusIcon course={course} />
                      <span>{course.title}</span>
                      <DoneCount done={course.completedCount} total={course.lessonCount} className="learn-lesson-type" />
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </nav>
  );
}
