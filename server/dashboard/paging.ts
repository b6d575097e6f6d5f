// The cohort table's order and pages: a cohort of a thousand learners is shown fifty rows at a
// time (a page of every row was 584 KB and most of the dashboard's time to render), sorted by
// name, a course's progress, last activity or risk. Query parameters are read leniently: anything
// unexpected falls back to the first page by name.
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

/** What the order reads of a row. */
export interface Sortable {
  readonly learnerId: string;
  readonly displayName: string;
  readonly lastActiveAt: number | null;
  readonly atRisk: boolean;
  readonly cells: readonly { readonly percent: number; readonly struggle: number }[];
}

/** The row's value under the sort key: smaller first in ascending order. */
function keyOf(row: Sortable, sort: string): number {
  if (sort === 'last-active') return row.lastActiveAt ?? -1;
  if (sort === 'at-risk') return (row.atRisk ? 1000 : 0) + Math.max(0, ...row.cells.map((c) => c.struggle));
  const course = /^course-(\d+)$/.exec(sort);
  return course ? (row.cells[Number(course[1])]?.percent ?? -1) : 0;
}

const byName = (a: Sortable, b: Sortable) =>
  a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0;

/** The rows in the view's order; ties (and the name order itself) go by name, then id. */
export function sortRows<T extends Sortable>(rows: readonly T[], view: Pick<TableView, 'sort' | 'dir'>): T[] {
  const sign = view.dir === 'desc' ? -1 : 1;
  if (view.sort === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const keyed = rows.map((row) => ({ row, key: keyOf(row, view.sort) }));
  keyed.sort((a, b) => sign * (a.key - b.key) || byName(a.row, b.row));
  return keyed.map((k) => k.row);
}

/** One page of the rows (a page past the end shows the last one), with the page count. */
export function pageOf<T>(rows: readonly T[], page: number, size = pageSize): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((at - 1) * size, at * size), page: at, pages };
}
