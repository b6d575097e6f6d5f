// The organisation's required path in Learn: its courses in the order learners take them.
import { useLearnStore } from '../learn/learn-store';
import { useOrganisation } from './organisation-store';

export function RequiredPath() {
  const view = useOrganisation((state) => state.view);
  if (!view || view.requiredPath.length === 0) return null;
  return (
    <section className="required-path" aria-labelledby="required-path-title">
      <h2 id="required-path-title">Required by {view.name}</h2>
      <ol>
        {view.requiredPath.map((course) => (
          <li key={course.courseId}>
            {course.installed ? (
              <button className="required-path-course" onClick={() => useLearnStore.getState().openCourse(course.courseId)}>
                {course.title ?? course.courseId}
              </button>
            ) : (
              <span className="muted">
                {course.courseId} (not installed yet; ask {view.name} for it)
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
