// The cohort table's view, read leniently from the query (its order and pages: table-query.test.ts).
import { describe, expect, it } from 'vitest';
import { tableView } from './paging';

describe('tableView', () => {
  it('reads a view from the query and falls back to the first page by name on anything else', () => {
    expect(tableView.parse({ sort: 'course-2', dir: 'desc', page: '3' })).toEqual({ sort: 'course-2', dir: 'desc', page: 3 });
    expect(tableView.parse({})).toEqual({ sort: 'name', dir: 'asc', page: 1 });
    expect(tableView.parse({ sort: "name' or 1=1", dir: 'sideways', page: '-1' })).toEqual({ sort: 'name', dir: 'asc', page: 1 });
    expect(tableView.parse({ page: '2.5' }).page).toBe(1);
  });
});
