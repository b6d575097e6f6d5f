// Test support: the built-in courses as the app installs them (every folder under courses/ with a
// course.yaml), so a new course is held to every built-in rule without editing each suite.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const builtinCoursesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../courses');

export function builtinCourseIds(): string[] {
  return fs
    .readdirSync(builtinCoursesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(builtinCoursesRoot, entry.name, 'course.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** The built-in course ids as "installed" courses, so a built-in's prerequisites resolve when it is loaded alone. */
export function knownBuiltinCourses(): Map<string, string[]> {
  return new Map(builtinCourseIds().map((id) => [id, []]));
}
