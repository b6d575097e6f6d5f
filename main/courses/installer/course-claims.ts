// What an imported course may not claim: a built-in course's id, or a domain or track that
// other installed courses share. Problems point at the line in course.yaml.
import { eq, inArray } from 'drizzle-orm';
import type { Store } from '../../store/open-store';
import { courses, domains, tracks } from '../../store/schema';
import { problem, type BundleFiles, type BundleProblem } from '../bundle/bundle-files';
import type { LoadedCourse } from '../bundle/course-bundle';
import { locate, parseYaml as parseYamlLocations } from '../bundle/yaml-locations';

/**
 * An imported course may not take a built-in course's id (it would replace the app's own
 * content), nor redefine a domain or track other installed courses share (its title, or the
 * track's domain, would change for all of them). Built-in installs skip this: the app's
 * courses follow the app.
 */
export function claimProblems(db: Store['db'], files: BundleFiles, manifest: LoadedCourse['manifest'], builtInId: boolean): BundleProblem[] {
  const parsed = parseYamlLocations(files.get('course.yaml')?.toString('utf8') ?? '');
  const at = (key: string, field?: string) => locate(parsed, field ? [key, field] : [key]);
  const problems: BundleProblem[] = [];
  if (builtInId) {
    const pos = at('id');
    problems.push(problem('course.yaml', `"${manifest.id}" is the id of a built-in course; an imported course cannot replace it`, 'give your course its own id in course.yaml (ids are stable: choose one you keep)', pos.line, pos.column));
  }
  const othersIn = (trackIds: string[]) =>
    trackIds.length ? db.select({ id: courses.id }).from(courses).where(inArray(courses.trackId, trackIds)).all().filter((row) => row.id !== manifest.id).map((row) => row.id) : [];
  const domain = db.select().from(domains).where(eq(domains.id, manifest.domain.id)).get();
  if (domain && domain.title !== manifest.domain.title) {
    const users = othersIn(db.select({ id: tracks.id }).from(tracks).where(eq(tracks.domainId, domain.id)).all().map((row) => row.id));
    if (users.length) {
      const pos = at('domain', 'title');
      problems.push(problem('course.yaml', `domain "${domain.id}" is titled "${domain.title}" for ${users.join(', ')}; this course would rename it to "${manifest.domain.title}"`, `use domain: { id: ${domain.id}, title: ${domain.title} }, or a new domain id`, pos.line, pos.column));
    }
  }
  const track = db.select().from(tracks).where(eq(tracks.id, manifest.track.id)).get();
  if (track && (track.title !== manifest.track.title || track.domainId !== manifest.domain.id)) {
    const users = othersIn([track.id]);
    if (users.length) {
      const pos = at('track', track.title !== manifest.track.title ? 'title' : 'id');
      const change = track.title !== manifest.track.title ? `rename it to "${manifest.track.title}"` : `move it to domain "${manifest.domain.id}"`;
      problems.push(problem('course.yaml', `track "${track.id}" ("${track.title}", domain "${track.domainId}") is shared with ${users.join(', ')}; this course would ${change}`, `use track: { id: ${track.id}, title: ${track.title} } in domain "${track.domainId}", or a new track id`, pos.line, pos.column));
    }
  }
  return problems;
}
