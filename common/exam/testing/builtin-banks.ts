// Test support: the built-in courses' exam banks (courses/<id>/exam.yaml), read with the format's schema.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { examSchema, type ExamBank } from '../exam-format';

const builtinCoursesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'courses');

export const builtinBank = (courseId: string): ExamBank =>
  examSchema.parse(parse(fs.readFileSync(path.join(builtinCoursesDir, courseId, 'exam.yaml'), 'utf8')));
