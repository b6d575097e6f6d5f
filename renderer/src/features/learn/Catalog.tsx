// The Learn canvas when no lesson is open: every installed course by domain and track, with
// filters, progress, prerequisites and .drona import.
import { useMemo, useState } from 'react';
import { CourseCard } from './CourseCard';
import { CourseFilterBar } from './CourseFilterBar';
import { CourseImport } from './CourseImport';
import { NextUp } from './NextUp';
import { Assigned } from './Assigned';
import { RequiredPath } from '../organisation/RequiredPath';
import { filterCourses, groupCourses, noFilters, type CatalogFilters } from './catalog-filters';
import { useCourses } from './use-courses';

export function Catalog() {
  const { courses, error } = useCourses();
  const [filters, setFilters] = useState<CatalogFilters>(noFilters);
  const shown = useMemo(() => filterCourses(courses ?? [], filters), [courses, filters]);
  const languages = useMemo(() => [...new Set((courses ?? []).flatMap((course) => course.languages))].sort(), [courses]);
  const set = (patch: Partial<CatalogFilters>) => setFilters((current) => ({ ...current, ...patch }));
  return (
    <div className="learn-catalog">
      <header className="learn-catalog-header">
        <h1>Courses</h1>
        <CourseImport />
      </header>
      <RequiredPath />
      <Assigned />
      <NextUp />
      <CourseFilterBar filters={filters} languages={languages} onChange={set} />
      {error && <p className="form-error">{error}</p>}
      {courses && shown.length === 0 && <p className="muted">No course matches these filters.</p>}
      {groupCourses(shown).map((group) => (
        <section key={group.domain.id} aria-label={group.domain.title}>
          <h2>{group.domain.title}</h2>
          {group.tracks.map(({ track, courses: trackCourses }) => (
            <div key={track.id}>
              <h3 className="muted">{track.title}</h3>
              <div className="course-grid">
                {trackCourses.map((course) => (
                  <CourseCard key={course.id} course={course} />
                ))}
              </div>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
