// The Learn activity. Side panel: lesson search, then the open course's outline (with
// completion marks) or the catalog tree. Canvas: the open lesson, or the catalog with filters,
// prerequisites (locked with the reason), progress per course, and .drona import.
import { ArrowLeft, CheckCircle2, Circle, CircleDot, Lock, Search } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CourseSummary } from '../../../../preload/contract/courses';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { LessonCanvas } from '../lesson/LessonCanvas';
import type { LessonPlace } from '../lesson/lesson-types';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { EmptyState } from '../shell/EmptyState';
import { CourseImport } from './CourseImport';
import { filterCourses, groupCourses, noFilters, snippetParts, type CatalogFilters } from './catalog-filters';
import { useLearnStore } from './learn-store';
import './learn.css';

function useCourses() {
  const revision = useLearnStore((state) => state.revision);
  const { data: courses, error } = useCall('courses.list', {}, [revision]);
  return { courses, error };
}

/** The open course's outline; asked again when progress or the installed courses change. */
function useCourseDetail(courseId: string | null) {
  const revision = useLearnStore((state) => state.revision);
  return useCall('courses.get', courseId ? { courseId } : null, [revision]);
}

/** `value` once it has stopped changing for `ms` (typing in a search box). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const statusIcon = (status: string) =>
  status === 'completed' ? <CheckCircle2 size={14} aria-label="completed" className="lesson-done" /> : status === 'in_progress' ? <CircleDot size={14} aria-label="in progress" /> : <Circle size={14} aria-label="not started" />;

function LessonSearch() {
  const [query, setQuery] = useState('');
  const openLesson = useLearnStore((state) => state.openLesson);
  const asked = useSettled(query.trim().length >= 2 ? query : null, 120);
  // The last results stay while the next ones load, so the list does not blink as one types.
  const { data: hits, error } = useCall('courses.search', asked === null ? null : { query: asked, limit: 20 }, [], { keepPrevious: true });
  const shown = query.trim().length >= 2 ? hits : null;
  return (
    <div className="learn-search">
      <label className="learn-search-box">
        <Search size={14} aria-hidden="true" />
        <input type="search" placeholder="Search lessons" aria-label="Search lessons" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {error && query.trim().length >= 2 && <p className="form-error">{error}</p>}
      {shown && (
        <ul className="learn-search-results" aria-label="Lesson search results">
          {shown.length === 0 && <li className="muted">No lessons match “{query}”.</li>}
          {shown.map((hit) => (
            <li key={`${hit.courseId}/${hit.lessonId}`}>
              <button type="button" className="learn-hit" onClick={() => openLesson(hit.courseId, hit.lessonId)}>
                <span className="learn-hit-title">{hit.title}</span>
                <span className="muted learn-hit-course">{hit.courseTitle}</span>
                <span className="learn-hit-snippet">
                  {snippetParts(hit.snippet).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CourseOutline({ courseId }: { courseId: string }) {
  const { data: detail, error } = useCourseDetail(courseId);
  const open = useLearnStore((state) => state.open);
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
          {detail.lockedReason && (
            <p className="learn-locked">
              <Lock size={12} aria-hidden="true" /> {detail.lockedReason}
            </p>
          )}
          {detail.modules.map((module) => (
            <section key={module.id} aria-label={module.title}>
              <h3 className="learn-module-title">{module.title}</h3>
              <ul className="learn-lessons">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    <button
                      type="button"
                      className="learn-lesson"
                      aria-current={open?.courseId === courseId && open.lessonId === lesson.id ? 'page' : undefined}
                      disabled={detail.lockedReason !== null}
                      onClick={() => openLesson(courseId, lesson.id)}
                    >
                      {statusIcon(lesson.status)}
                      <span>{lesson.title}</span>
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

export function LearnSide() {
  const courseId = useLearnStore((state) => state.courseId);
  const { courses, error } = useCourses();
  const openCourse = useLearnStore((state) => state.openCourse);
  return (
    <div className="learn-side">
      <LessonSearch />
      {courseId ? (
        <CourseOutline courseId={courseId} />
      ) : (
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
                          {course.lockedReason ? <Lock size={14} aria-label="locked" /> : statusIcon(course.status === 'completed' ? 'completed' : course.status === 'in-progress' ? 'in_progress' : 'not_started')}
                          <span>{course.title}</span>
                          <span className="muted learn-lesson-type">
                            {course.completedCount}/{course.lessonCount}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </nav>
      )}
    </div>
  );
}

function CourseCard({ course }: { course: CourseSummary }) {
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
      <div className="course-card-progress" role="progressbar" aria-label={`${course.title} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
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

function Catalog() {
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
      <div className="learn-filters" role="group" aria-label="Filter courses">
        <input type="search" aria-label="Filter courses by name" placeholder="Filter courses" value={filters.text} onChange={(event) => set({ text: event.target.value })} />
        <select aria-label="Difficulty" value={filters.difficulty} onChange={(event) => set({ difficulty: event.target.value })}>
          <option value="">Any difficulty</option>
          <option value="beginner">Beginner</option>
          <option value="intermediate">Intermediate</option>
          <option value="advanced">Advanced</option>
        </select>
        <select aria-label="Language" value={filters.language} onChange={(event) => set({ language: event.target.value })}>
          <option value="">Any language</option>
          {languages.map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={filters.status} onChange={(event) => set({ status: event.target.value })}>
          <option value="">Any status</option>
          <option value="not-started">Not started</option>
          <option value="in-progress">In progress</option>
          <option value="completed">Completed</option>
          <option value="locked">Locked</option>
        </select>
      </div>
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

function OpenLesson({ courseId, lessonId }: { courseId: string; lessonId: string }) {
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

export function LearnCanvas() {
  const open = useLearnStore((state) => state.open);
  const settingsLoaded = useAppStore((state) => state.settings !== null);
  useEffect(() => {
    if (settingsLoaded) useLearnStore.getState().resume();
  }, [settingsLoaded]);
  useEffect(() => client().on('courses.changed', () => useLearnStore.getState().contentChanged()), []);
  const commands = useMemo<AppCommand[]>(
    () => [{ id: 'learn.catalog', title: 'Show all courses', category: 'Learn', run: () => useLearnStore.getState().openCourse(null) }],
    [],
  );
  useRegisterCommands(commands);
  return open ? <OpenLesson courseId={open.courseId} lessonId={open.lessonId} /> : <Catalog />;
}
