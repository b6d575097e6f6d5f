// JSON Schemas for course.yaml, lesson front matter, exercise.yaml, exam.yaml and projects.yaml, generated from the same
// zod schemas the loader uses, so an editor (YAML language server) checks as the author types.
import { z } from 'zod';
import { courseSchema, exerciseSchema, lessonFrontMatterSchema } from './course-format';
import { examSchema } from '../../../common/exam/exam-format';
import { projectsSchema } from './project-briefs';

const base = 'https://dronacharya.dev/schema/courses';

export function courseJsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, name: string, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: `${base}/${name}`,
    title,
  });
  return {
    'course.schema.json': make(courseSchema, 'course.schema.json', 'Dronacharya course.yaml'),
    'lesson.schema.json': make(lessonFrontMatterSchema, 'lesson.schema.json', 'Dronacharya lesson front matter'),
    'exercise.schema.json': make(exerciseSchema, 'exercise.schema.json', 'Dronacharya exercise.yaml'),
    'exam.schema.json': make(examSchema, 'exam.schema.json', 'Dronacharya exam.yaml'),
    'projects.schema.json': make(projectsSchema, 'projects.schema.json', 'Dronacharya projects.yaml'),
  };
}

export const serialiseSchema = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
