// What a sync server certifies a course against (common/sync-api/schemas.ts courseRegistration),
// read from a course folder or a .drona file: module and lesson ids, each lesson's type and
// title, the course's title and version, and its Silver exam bank when it has one.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CourseRegistration } from '../../common/sync-api/schemas';
import { formatProblem, readBundleDir, type BundleFiles, type BundleProblem } from './bundle/bundle-files';
import { loadBundle } from './bundle/course-bundle';
import { readPack } from './bundle/course-pack';

export class CourseRegistrationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly BundleProblem[],
  ) {
    super(`${source} cannot be registered:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'CourseRegistrationError';
  }
}

/** The prerequisites a bundle names, taken as known: they do not change what is certified. */
function declaredPrerequisites(files: BundleFiles): Map<string, string[]> {
  try {
    const course = parseYaml(files.get('course.yaml')?.toString('utf8') ?? '') as { prerequisites?: unknown } | null;
    return new Map(Array.isArray(course?.prerequisites) ? course.prerequisites.map((id) => [String(id), []]) : []);
  } catch {
    return new Map(); // loadBundle reports the YAML problem
  }
}

export function registrationFromFiles(source: string, files: BundleFiles): CourseRegistration {
  const loaded = loadBundle(files, declaredPrerequisites(files));
  if (!loaded.course) throw new CourseRegistrationError(source, loaded.problems);
  const { manifest, lessons, exam } = loaded.course;
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    modules: manifest.modules.map((module) => ({
      id: module.id,
      title: module.title,
      lessons: lessons.filter((lesson) => lesson.moduleId === module.id).map((lesson) => ({ id: lesson.meta.id, type: lesson.meta.type, title: lesson.meta.title })),
    })),
    ...(exam ? { exam } : {}),
  };
}

/** A course folder (holding course.yaml) or a .drona file. */
export async function readCourseRegistration(source: string): Promise<CourseRegistration> {
  if (fs.statSync(source).isDirectory()) {
    const read = readBundleDir(source);
    if (read.problems.length) throw new CourseRegistrationError(source, read.problems);
    return registrationFromFiles(source, read.files);
  }
  const pack = await readPack(fs.readFileSync(source));
  if (pack.problems.length) throw new CourseRegistrationError(source, pack.problems);
  return registrationFromFiles(source, pack.files);
}

/** Every course folder under the app's built-in courses folder. */
export function builtinCourseDirs(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'course.yaml')))
    .map((entry) => path.join(root, entry.name))
    .sort();
}
