// The parts of Exercism's track format the importer reads: the track's config.json and each
// exercise's .meta/config.json (https://exercism.org/docs/building/tracks/config-json and
// .../practice-exercises, .../concept-exercises). Unknown fields are allowed: tracks carry many
// we do not need (key_features, tags, custom, ...).
import { z } from 'zod';

const status = z.enum(['wip', 'beta', 'active', 'deprecated']).default('active');
const slugs = z.array(z.string()).default([]);

/** What concept and practice exercises both declare. */
const exerciseFields = { slug: z.string().min(1), name: z.string().min(1), uuid: z.string().optional(), prerequisites: slugs, status };

export const trackConceptExerciseSchema = z.looseObject({ ...exerciseFields, concepts: slugs });
export type TrackConceptExercise = z.output<typeof trackConceptExerciseSchema>;

export const trackPracticeExerciseSchema = z.looseObject({ ...exerciseFields, practices: slugs, difficulty: z.number().int().min(1).max(10).default(1) });
export type TrackPracticeExercise = z.output<typeof trackPracticeExerciseSchema>;

export const trackConfigSchema = z.looseObject({
  language: z.string().min(1),
  slug: z.string().min(1),
  blurb: z.string().default(''),
  exercises: z
    .looseObject({
      concept: z.array(trackConceptExerciseSchema).default([]),
      practice: z.array(trackPracticeExerciseSchema).default([]),
    })
    .default({ concept: [], practice: [] }),
  concepts: z.array(z.looseObject({ slug: z.string().min(1), name: z.string().min(1) })).default([]),
});
export type TrackConfig = z.output<typeof trackConfigSchema>;

/** GitHub usernames; older configs list people as { github_username, exercism_username }. */
const people = z
  .array(z.union([z.string(), z.looseObject({ github_username: z.string() })]).transform((person) => (typeof person === 'string' ? person : person.github_username)))
  .default([]);

export const exerciseMetaSchema = z.looseObject({
  authors: people,
  contributors: people,
  files: z.looseObject({
    solution: slugs,
    test: slugs,
    example: slugs,
    exemplar: slugs,
    editor: slugs,
    invalidator: slugs,
  }),
  blurb: z.string().default(''),
  source: z.string().optional(),
  source_url: z.string().optional(),
});
export type ExerciseMeta = z.output<typeof exerciseMetaSchema>;
