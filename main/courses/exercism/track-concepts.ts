// The course's concept graph from an Exercism track's config.json: a concept for each one the
// converted lessons teach (a concept exercise's `concepts`) or practise (a practice exercise's
// `practices`), titled from the track's `concepts` list, with the prerequisites of the concept
// exercises that teach it. configlet refuses cyclic prerequisites, but the course format refuses
// them too, so an edge that would close a cycle is dropped rather than failing the import.
import { conceptIds, conceptNames } from './convert-exercise';
import type { TrackConfig } from './track-format';

export interface CourseConcept {
  readonly id: string;
  readonly title: string;
  readonly prerequisites: string[];
  readonly lesson?: string;
}

/**
 * `used`: the concept ids the course's lessons are tagged with; `lessonOf`: the concept lesson
 * (a concept exercise's introduction) that teaches a concept, when there is one in the course.
 */
export function trackConcepts(config: TrackConfig, used: ReadonlySet<string>, lessonOf: ReadonlyMap<string, string>): CourseConcept[] {
  const order = [...new Set([...conceptIds(config.concepts.map((concept) => concept.slug)), ...used])].filter((id) => used.has(id));
  const edges = new Map(order.map((id) => [id, [] as string[]]));
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    from === to || (!seen.has(from) && (seen.add(from), (edges.get(from) ?? []).some((next) => reaches(next, to, seen))));
  for (const exercise of config.exercises.concept) {
    for (const id of conceptIds(exercise.concepts).filter((concept) => used.has(concept))) {
      for (const prerequisite of conceptIds(exercise.prerequisites)) {
        // A prerequisite of `id` is an edge id → prerequisite; it closes a cycle if the prerequisite already reaches id.
        if (!used.has(prerequisite) || edges.get(id)!.includes(prerequisite) || reaches(prerequisite, id)) continue;
        edges.get(id)!.push(prerequisite);
      }
    }
  }
  const slugOf = new Map(config.concepts.map((concept) => [conceptIds([concept.slug])[0], concept.slug]));
  return order.map((id) => {
    const lesson = lessonOf.get(id);
    return { id, title: conceptNames(config, [slugOf.get(id) ?? id])[0]!.slice(0, 120), prerequisites: edges.get(id)!, ...(lesson ? { lesson } : {}) };
  });
}
