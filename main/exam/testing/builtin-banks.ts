// Test support: where the built-in courses (and their exam banks) live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const builtinCoursesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'courses');
