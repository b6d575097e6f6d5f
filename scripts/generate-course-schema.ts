// Writes courses/schema/*.schema.json from the zod schemas in main/courses/bundle/course-format.ts.
// Run: npx tsx scripts/generate-course-schema.ts (a unit test fails while they are stale).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { courseJsonSchemas, serialiseSchema } from '../main/courses/bundle/course-json-schema';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'courses', 'schema');
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(courseJsonSchemas())) {
  fs.writeFileSync(path.join(dir, name), serialiseSchema(schema));
  process.stdout.write(`wrote courses/schema/${name}\n`);
}
