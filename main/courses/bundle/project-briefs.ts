// A course's Gold project briefs (projects.yaml, courses/FORMAT.md "Projects"): the schema the
// loader validates with and the app reads the installed file with, and the checks that need the
// rest of the course (unique ids, declared concepts, a language the course teaches).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DronaError } from '../../../preload/contract/errors';
import { problem, type BundleFiles, type BundleProblem } from './bundle-files';
import { parseYamlWith } from './course-bundle';
import { languageSchema, type CourseManifest } from './course-format';
import { locate, parseYaml } from './yaml-locations';

export const PROJECTS_FILE = 'projects.yaml';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters and digits joined by single hyphens (e.g. "expense-tracker")').max(80);

export const projectBriefSchema = z
  .object({
    id: kebabId.describe('Stable brief id, unique in the file; a learner\'s project records it'),
    title: z.string().trim().min(1).max(200),
    goal: z.string().trim().min(1).max(4000).describe('What the finished project does, in the learner\'s words'),
    milestones: z.array(z.string().trim().min(1).max(500)).min(1).max(20).describe('The steps the learner ticks off, in order'),
    language: languageSchema.optional().describe("The sandbox language its tests run in; default: the course's first language"),
    concepts: z.array(kebabId).default([]).describe("Concepts of this course the project exercises (ids from course.yaml's concepts)"),
  })
  .strict();
export type ProjectBrief = z.output<typeof projectBriefSchema>;

export const projectsSchema = z
  .object({ projects: z.array(projectBriefSchema).min(1).max(50).describe('The briefs a learner may pick for the Gold project') })
  .strict();

/** Validates projects.yaml when the course has one; problems go to `out` as `file:line:column`. */
export function projectBriefProblems(files: BundleFiles, manifest: CourseManifest, out: BundleProblem[]): void {
  const source = files.get(PROJECTS_FILE)?.toString('utf8');
  if (source === undefined) return;
  const checked = parseYamlWith(PROJECTS_FILE, source, 0, projectsSchema, out);
  if (!checked) return;
  const push = (at: readonly PropertyKey[], message: string, hint: string) => {
    const pos = locate(checked.parsed, at);
    out.push(problem(PROJECTS_FILE, message, hint, pos.line, pos.column));
  };
  const concepts = new Set(manifest.concepts.map((concept) => concept.id));
  const ids = new Set<string>();
  checked.data.projects.forEach((brief, index) => {
    if (ids.has(brief.id)) push(['projects', index, 'id'], `project brief id "${brief.id}" is used twice`, 'give every brief a unique id');
    ids.add(brief.id);
    if (brief.language && !manifest.languages.includes(brief.language))
      push(['projects', index, 'language'], `project brief "${brief.id}" uses ${brief.language}, which course.yaml does not list under "languages:"`, 'use one of the course\'s languages');
    brief.concepts.forEach((id, c) => {
      if (!concepts.has(id))
        push(['projects', index, 'concepts', c], `project brief "${brief.id}" names concept "${id}", which course.yaml does not declare`, 'use the id of a concept declared under "concepts:" in course.yaml, or declare it there');
    });
  });
}

/** The briefs of the installed course in `dir` (validated on install, so a failure is a damaged install); none when it has no projects.yaml. */
export function readProjectBriefs(dir: string): ProjectBrief[] {
  const file = path.join(dir, PROJECTS_FILE);
  if (!fs.existsSync(file)) return [];
  const parsed = projectsSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')).value);
  if (!parsed.success)
    throw new DronaError('invalid_course', `The installed ${PROJECTS_FILE} does not validate; reinstall the course. (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data.projects;
}
