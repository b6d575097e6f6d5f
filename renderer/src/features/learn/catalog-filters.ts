// Pure rules of the catalog: filtering, grouping domain → track → course, and snippet marks.
import type { CourseSummary } from '../../../../preload/contract/courses';

export interface CatalogFilters {
  readonly text: string;
  readonly difficulty: string;
  readonly language: string;
  readonly status: string;
}

export const noFilters: CatalogFilters = { text: '', difficulty: '', language: '', status: '' };

export function filterCourses(courses: readonly CourseSummary[], filters: CatalogFilters): CourseSummary[] {
  const text = filters.text.trim().toLowerCase();
  return courses.filter(
    (course) =>
      (!filters.difficulty || course.difficulty === filters.difficulty) &&
      (!filters.language || course.languages.includes(filters.language)) &&
      (!filters.status || (filters.status === 'locked' ? course.lockedReason !== null : course.status === filters.status)) &&
      (!text || `${course.title} ${course.summary} ${course.track.title} ${course.domain.title}`.toLowerCase().includes(text)),
  );
}

export interface CatalogGroup {
  readonly domain: { id: string; title: string };
  readonly tracks: { track: { id: string; title: string }; courses: CourseSummary[] }[];
}

export function groupCourses(courses: readonly CourseSummary[]): CatalogGroup[] {
  const groups: CatalogGroup[] = [];
  for (const course of courses) {
    let group = groups.find((candidate) => candidate.domain.id === course.domain.id);
    if (!group) groups.push((group = { domain: course.domain, tracks: [] }));
    let track = group.tracks.find((candidate) => candidate.track.id === course.track.id);
    if (!track) group.tracks.push((track = { track: course.track, courses: [] }));
    track.courses.push(course);
  }
  return groups;
}

/** Splits an FTS snippet at its «marks» into plain and highlighted parts. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  return snippet
    .split(/(«[^»]*»)/)
    .filter((part) => part.length > 0)
    .map((part) => (part.startsWith('«') && part.endsWith('»') ? { text: part.slice(1, -1), hit: true } : { text: part, hit: false }));
}
