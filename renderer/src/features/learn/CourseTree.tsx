// The side panel's catalog when no course is open: installed courses by domain and track,
// each with its status and lessons done. One tree: one Tab stop, arrow keys inside.
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { useRovingTree, type TreeEntry } from '../../platform/tree/use-roving-tree';
import { DoneCount } from '../shell/DoneCount';
import { groupCourses } from './catalog-filters';
import { useLearnStore } from './learn-store';
import { CourseStatusIcon } from './StatusIcon';
import { useCourses } from './use-courses';

const domainKey = (id: string) => `domain:${id}`;
const trackKey = (domain: string, track: string) => `track:${domain}/${track}`;

export function CourseTree() {
  const { courses, error } = useCourses();
  const openCourse = useLearnStore((state) => state.openCourse);
  const groups = useMemo(() => groupCourses(courses ?? []), [courses]);
  const entries = useMemo<TreeEntry[]>(
    () =>
      groups.flatMap(({ domain, tracks }) => [
        { id: domainKey(domain.id), parent: null, group: true },
        ...tracks.flatMap(({ track, courses: trackCourses }) => [
          { id: trackKey(domain.id, track.id), parent: domainKey(domain.id), group: true },
          ...trackCourses.map((course) => ({ id: course.id, parent: trackKey(domain.id, track.id) })),
        ]),
      ]),
    [groups],
  );
  const tree = useRovingTree({ entries, onActivate: openCourse });
  const branch = (key: string, level: number, title: string, className: string, children: ReactNode) => (
    <li key={key} {...tree.item(key)} className="tree-item" aria-level={level} aria-labelledby={`tree-${key}`}>
      <span id={`tree-${key}`} className={`${className} tree-row`}>
        {tree.isOpen(key) ? <ChevronDown size={12} aria-hidden="true" /> : <ChevronRight size={12} aria-hidden="true" />}
        {title}
      </span>
      {tree.isOpen(key) && (
        <ul role="group" className="learn-lessons">
          {children}
        </ul>
      )}
    </li>
  );
  return (
    <nav aria-label="Courses" className="learn-tree">
      {error && <p className="form-error panel-pad">{error}</p>}
      {courses?.length === 0 && <p className="muted panel-pad">No courses are installed yet. Import a .drona file from the Learn canvas.</p>}
      {groups.length > 0 && (
        <ul role="tree" aria-label="Installed courses" className="learn-lessons">
          {groups.map(({ domain, tracks }) =>
            branch(
              domainKey(domain.id),
              1,
              domain.title,
              'learn-domain',
              tracks.map(({ track, courses: trackCourses }) =>
                branch(
                  trackKey(domain.id, track.id),
                  2,
                  track.title,
                  'learn-track',
                  trackCourses.map((course) => (
                    <li key={course.id} {...tree.item(course.id)} className="tree-item" aria-level={3}>
                      <span className="learn-lesson tree-row">
                        <CourseStatusIcon course={course} />
                        <span>{course.title}</span>
                        <DoneCount done={course.completedCount} total={course.lessonCount} className="learn-lesson-type" />
                      </span>
                    </li>
                  )),
                ),
              ),
            ),
          )}
        </ul>
      )}
    </nav>
  );
}
