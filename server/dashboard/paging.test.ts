// The cohort table's order and pages: properties over any rows and views, and the lenient query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageOf, sortRows, tableView, type Sortable } from './paging';

const row = fc.record({
  learnerId: fc.uuid(),
  displayName: fc.string({ maxLength: 6 }),
  lastActiveAt: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
  atRisk: fc.boolean(),
  cells: fc.array(fc.record({ percent: fc.integer({ min: 0, max: 100 }), struggle: fc.integer({ min: 0, max: 100 }) }), { minLength: 2, maxLength: 2 }),
});
const rows = fc.uniqueArray(row, { selector: (r) => r.learnerId, maxLength: 200 });
const sort = fc.constantFrom('name', 'last-active', 'at-risk', 'course-0', 'course-1', 'course-7');
const dir = fc.constantFrom('asc' as const, 'desc' as const);

describe('sortRows', () => {
  it('keeps every row once, and descending is ascending reversed when no two rows tie', () => {
    fc.assert(
      fc.property(rows, sort, (all, by) => {
        const up = sortRows(all, { sort: by, dir: 'asc' });
        expect([...up].map((r) => r.learnerId).sort()).toEqual(all.map((r) => r.learnerId).sort());
        if (by === 'name') expect(sortRows(all, { sort: by, dir: 'desc' })).toEqual([...up].reverse());
      }),
    );
  });

  it('orders by the key, ascending or descending', () => {
    fc.assert(
      fc.property(rows, dir, (all, d) => {
        const sign = d === 'asc' ? 1 : -1;
        const key = (r: Sortable) => r.lastActiveAt ?? -1;
        const sorted = sortRows(all, { sort: 'last-active', dir: d });
        for (let i = 1; i < sorted.length; i++) expect(sign * (key(sorted[i]!) - key(sorted[i - 1]!))).toBeGreaterThanOrEqual(0);
        const course = sortRows(all, { sort: 'course-1', dir: d });
        for (let i = 1; i < course.length; i++) expect(sign * (course[i]!.cells[1]!.percent - course[i - 1]!.cells[1]!.percent)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('puts learners at risk last in ascending order, the most struggling of them last of all', () => {
    const base = { lastActiveAt: null, displayName: 'A' };
    const calm = { ...base, learnerId: 'a', atRisk: false, cells: [{ percent: 0, struggle: 90 }] };
    const risky = { ...base, learnerId: 'b', atRisk: true, cells: [{ percent: 0, struggle: 10 }] };
    const worst = { ...base, learnerId: 'c', atRisk: true, cells: [{ percent: 0, struggle: 80 }] };
    expect(sortRows([worst, risky, calm], { sort: 'at-risk', dir: 'asc' }).map((r) => r.learnerId)).toEqual(['a', 'b', 'c']);
  });
});

describe('pageOf', () => {
  it('shows each row on exactly one page, at most a page size per page, and clamps the page', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -5, max: 50 }), (all, size, asked) => {
        const first = pageOf(all, 1, size);
        const seen = Array.from({ length: first.pages }, (_, i) => pageOf(all, i + 1, size).rows);
        expect(seen.flat()).toEqual(all);
        expect(seen.every((p) => p.length <= size)).toBe(true);
        const shown = pageOf(all, asked, size);
        expect(shown.page).toBe(Math.min(Math.max(1, asked), first.pages));
      }),
    );
  });
});

describe('tableView', () => {
  it('reads a view from the query and falls back to the first page by name on anything else', () => {
    expect(tableView.parse({ sort: 'course-2', dir: 'desc', page: '3' })).toEqual({ sort: 'course-2', dir: 'desc', page: 3 });
    expect(tableView.parse({})).toEqual({ sort: 'name', dir: 'asc', page: 1 });
    expect(tableView.parse({ sort: "name' or 1=1", dir: 'sideways', page: '-1' })).toEqual({ sort: 'name', dir: 'asc', page: 1 });
    expect(tableView.parse({ page: '2.5' }).page).toBe(1);
  });
});
