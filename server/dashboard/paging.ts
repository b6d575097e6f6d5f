// The cohort table's view: a cohort of a thousand learners is shown fifty rows at a time (a page
// of every row was 584 KB and most of the dashboard's time to render), sorted by name, a course's
// progress, last activity or risk (sorted and cut in SQL: table-query.ts). Query parameters are
// read leniently: anything unexpected falls back to the first page by name.
import { z } from 'zod';

export const pageSize = 50;

export const tableView = z.object({
  sort: z
    .string()
    .regex(/^(name|last-active|at-risk|course-\d{1,3})$/)
    .catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type TableView = z.infer<typeof tableView>;
