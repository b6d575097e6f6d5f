// The courses this server certifies. An admin registers each course's outline (module and lesson
// ids with each lesson's type, which the tier rules need), title and Silver exam bank; certificates are decided
// against that record only, so a client cannot shrink a course to one lesson or retitle it.
import crypto from 'node:crypto';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import type { CourseOutline, CourseRegistration } from '../common/sync-api/schemas';
import type { OutlineLesson } from '../common/rules/certificate-criteria';
import type { ExamBank } from '../common/exam/exam-format';

export interface RegisteredCourse {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly outline: CourseOutline;
  /** The Silver exam's bank, when one is registered. */
  readonly exam: ExamBank | null;
  readonly digest: string;
  readonly registeredAt: number;
  readonly registeredBy: string;
}

interface CourseRow {
  id: string;
  version: string;
  title: string;
  outline: CourseOutline;
  exam: ExamBank | null;
  digest: string;
  registered_at: number;
  registered_by: string;
}

const fromRow = (row: CourseRow): RegisteredCourse => ({
  id: row.id,
  version: row.version,
  title: row.title,
  outline: row.outline,
  exam: row.exam,
  digest: row.digest,
  registeredAt: Number(row.registered_at),
  registeredBy: row.registered_by,
});

/** Only what decides a certificate: two registrations with the same digest certify the same thing. */
function outlineOf(course: CourseRegistration): CourseOutline {
  return { modules: course.modules.map((m) => ({ id: m.id, title: m.title, lessons: m.lessons.map((l) => ({ id: l.id, type: l.type, title: l.title })) })) };
}

export function courseDigest(course: CourseRegistration): string {
  // A course without a bank keeps the digest it had before banks were registered.
  const canonical = JSON.stringify({
    id: course.id,
    version: course.version,
    title: course.title,
    outline: outlineOf(course),
    ...(course.exam ? { exam: course.exam } : {}),
  });
  return `sha256:${crypto.createHash('sha256').update(canonical).digest('hex')}`;
}

export const lessonsOf = (course: RegisteredCourse): OutlineLesson[] => course.outline.modules.flatMap((m) => m.lessons);

export const summaryOf = (course: RegisteredCourse) => ({
  id: course.id,
  version: course.version,
  title: course.title,
  digest: course.digest,
  lessonCount: lessonsOf(course).length,
  examItems: course.exam?.items.length ?? 0,
  registeredAt: course.registeredAt,
  registeredBy: course.registeredBy,
});

/** Registers a course or replaces its record (an admin may also move a course back a version). */
export async function registerCourse(
  db: Database,
  course: CourseRegistration,
  registeredBy: string,
  now: number,
): Promise<{ outcome: 'registered' | 'updated' | 'unchanged'; course: RegisteredCourse }> {
  const digest = courseDigest(course);
  const existing = await findCourse(db, course.id);
  if (existing?.digest === digest) return { outcome: 'unchanged', course: existing };
  const [row] = await db.query<CourseRow>(sql`insert into courses (id, version, title, outline, exam, digest, registered_at, registered_by)
    values (${course.id}, ${course.version}, ${course.title}, ${JSON.stringify(outlineOf(course))}::jsonb,
      ${course.exam ? JSON.stringify(course.exam) : null}::jsonb, ${digest}, ${now}, ${registeredBy})
    on conflict (id) do update set version = excluded.version, title = excluded.title, outline = excluded.outline, exam = excluded.exam, digest = excluded.digest,
      registered_at = excluded.registered_at, registered_by = excluded.registered_by
    returning *`);
  return { outcome: existing ? 'updated' : 'registered', course: fromRow(row!) };
}

export async function findCourse(db: Pick<Database, 'query'>, id: string): Promise<RegisteredCourse | null> {
  const [row] = await db.query<CourseRow>(sql`select * from courses where id = ${id}`);
  return row ? fromRow(row) : null;
}

/** The registered course, or the refusal a certificate request for an unknown course gets. */
export async function requireCourse(db: Database, id: string): Promise<RegisteredCourse> {
  const course = await findCourse(db, id);
  if (!course) {
    throw new ApiError(
      409,
      'course_not_registered',
      `The course "${id}" is not registered on this server, so it cannot be certified here. The server's administrator registers the courses it certifies (drona server register-course).`,
      { courseId: id },
    );
  }
  return course;
}

export async function listCourses(db: Database): Promise<RegisteredCourse[]> {
  return (await db.query<CourseRow>(sql`select * from courses order by id`)).map(fromRow);
}
