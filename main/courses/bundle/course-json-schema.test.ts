import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { courseJsonSchemas, serialiseSchema } from './course-json-schema';

const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'courses', 'schema');

describe('courses/schema', () => {
  it.each(Object.entries(courseJsonSchemas()))('%s is generated from the loader\'s zod schema (run npx tsx scripts/generate-course-schema.ts)', (name, schema) => {
    expect(fs.readFileSync(path.join(schemaDir, name), 'utf8')).toBe(serialiseSchema(schema));
  });

  it('describes the required course.yaml fields', () => {
    const course = courseJsonSchemas()['course.schema.json'] as { required: string[]; additionalProperties: boolean };
    expect(course.required).toEqual(expect.arrayContaining(['format', 'id', 'title', 'version', 'modules']));
    expect(course.additionalProperties).toBe(false);
  });
});
