// Who may do what in an organisation. Owners manage everything in theirs; instructors manage the
// cohorts they instruct; learners read their own cohorts. Anything else answers 404, as if the
// organisation or cohort did not exist, so ids cannot be probed.
import type { SQL } from 'drizzle-orm';
import { sql } from './db/database';
import { ApiError } from './api-error';
import type { OrgRole } from '../common/sync-api/account-schemas';

export type Q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => Promise<T[]>;

export const noOrg = () => new ApiError(404, 'not_found', 'No organisation of yours has this id.');
export const noCohort = () => new ApiError(404, 'not_found', 'No cohort of yours has this id.');
export const forbidden = (what: string) => new ApiError(403, 'forbidden', what);

/** The learner's role in the organisation; 404 when they are not a member. */
export async function orgRole(q: Q, orgId: string, learnerId: string): Promise<OrgRole> {
  const [row] = await q<{ role: OrgRole }>(sql`select role from org_members where org_id = ${orgId} and learner_id = ${learnerId}`);
  if (!row) throw noOrg();
  return row.role;
}

export async function requireOwner(q: Q, orgId: string, learnerId: string): Promise<void> {
  if ((await orgRole(q, orgId, learnerId)) !== 'owner') throw forbidden('Only an owner of the organisation may do this.');
}

/** The role of an owner or instructor of the organisation; 403 with `whyNot` for a learner. */
export async function requireStaff(q: Q, orgId: string, learnerId: string, whyNot: string): Promise<Exclude<OrgRole, 'learner'>> {
  const role = await orgRole(q, orgId, learnerId);
  if (role === 'learner') throw forbidden(whyNot);
  return role;
}

export interface CohortAccess {
  readonly orgId: string;
  readonly name: string;
  readonly orgRole: OrgRole;
  /** The learner's place in the cohort itself, if any. */
  readonly cohortRole: 'instructor' | 'learner' | null;
  /** Owners of its organisation and its own instructors. */
  readonly manages: boolean;
}

/** What the learner may do with the cohort; 404 when they may not even read it. */
export async function cohortAccess(q: Q, cohortId: string, learnerId: string): Promise<CohortAccess> {
  const [row] = await q<{ org_id: string; name: string; org_role: OrgRole | null; cohort_role: 'instructor' | 'learner' | null }>(sql`select c.org_id, c.name,
      (select role from org_members where org_id = c.org_id and learner_id = ${learnerId}) as org_role,
      (select role from cohort_members where cohort_id = c.id and learner_id = ${learnerId}) as cohort_role
    from cohorts c where c.id = ${cohortId}`);
  if (!row || row.org_role === null) throw noCohort();
  const manages = row.org_role === 'owner' || (row.org_role === 'instructor' && row.cohort_role === 'instructor');
  if (!manages && row.cohort_role === null) throw noCohort();
  return { orgId: row.org_id, name: row.name, orgRole: row.org_role, cohortRole: row.cohort_role, manages };
}

export async function requireManager(q: Q, cohortId: string, learnerId: string): Promise<CohortAccess> {
  const access = await cohortAccess(q, cohortId, learnerId);
  if (!access.manages) throw forbidden("Only the cohort's instructors and the organisation's owners may do this.");
  return access;
}

/**
 * Whether `personId` may review a learner's work in a course (a Gold project, a Silver exam's
 * challenges and design answer), as a condition on the row's `learner` and `course` columns: the
 * learner is in a cohort the person teaches (an instructor of the organisation instructing that
 * cohort, or an owner of the organisation), the course is assigned to it (what the learner shares
 * with the cohort), and the work is not the person's own. (Its own aliases start with rw_.)
 */
export const reviewsWorkOf = (personId: string, learner: SQL, course: SQL) => sql`${learner} <> ${personId} and exists (select 1 from cohort_members rw_lm
    join cohorts rw_c on rw_c.id = rw_lm.cohort_id
    join assignments rw_a on rw_a.cohort_id = rw_c.id and rw_a.course_id = ${course}
    join org_members rw_lo on rw_lo.org_id = rw_c.org_id and rw_lo.learner_id = rw_lm.learner_id
    join org_members rw_po on rw_po.org_id = rw_c.org_id and rw_po.learner_id = ${personId}
    where rw_lm.learner_id = ${learner} and rw_lm.role = 'learner'
      and (rw_po.role = 'owner' or (rw_po.role = 'instructor' and exists (select 1 from cohort_members rw_im
        where rw_im.cohort_id = rw_c.id and rw_im.learner_id = ${personId} and rw_im.role = 'instructor'))))`;

/** A learner teaches no cohort: they review nothing, not even their own work; 403 with `whyNot`. */
export async function requireTeaching(q: Q, personId: string, whyNot: string): Promise<void> {
  const [row] = await q<{ teaches: boolean }>(sql`select exists (select 1 from org_members om join cohorts c on c.org_id = om.org_id
      where om.learner_id = ${personId} and (om.role = 'owner' or (om.role = 'instructor' and exists (select 1 from cohort_members im
        where im.cohort_id = c.id and im.learner_id = ${personId} and im.role = 'instructor')))) as teaches`);
  if (!row?.teaches) throw forbidden(whyNot);
}

/** The members of an organisation or a cohort, oldest first, with the names they chose. */
export async function membersOf(q: Q, of: { orgId: string } | { cohortId: string }) {
  const where =
    'orgId' in of
      ? sql`from org_members m join learners l on l.id = m.learner_id where m.org_id = ${of.orgId}`
      : sql`from cohort_members m join learners l on l.id = m.learner_id where m.cohort_id = ${of.cohortId}`;
  const rows = await q<{ learner_id: string; display_name: string; role: string; joined_at: number }>(
    sql`select m.learner_id, l.display_name, m.role, m.joined_at ${where} order by m.joined_at`,
  );
  return rows.map((r) => ({ learnerId: r.learner_id, displayName: r.display_name, role: r.role, joinedAt: Number(r.joined_at) }));
}
