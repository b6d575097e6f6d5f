// SQL lists of the dashboard's readers: the courses assigned, the kinds that finish a lesson.
import type { SQL } from 'drizzle-orm';
import { finishingKinds } from '../course-progress';
import { sql } from '../db/database';

export const inList = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** The kinds that finish a lesson, as an SQL list. */
export const finishing = inList(finishingKinds);
