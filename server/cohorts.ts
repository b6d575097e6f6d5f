// Cohorts within an organisation, their members, and the courses assigned to them with due dates.
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { body, liveLearner, uuidParam, type Env } from './route-kit';
import { cohortAccess, orgRole, requireManager, requireStaff, membersOf } from './org-access';
import { assignRequest, createCohortRequest } from '../common/sync-api/account-schemas';

interface AssignmentDbRow {
  cohort_id: string;
  course_id: string;
  due_at: number | null;
  assigned_at: number;
}
const assignment = (r: AssignmentDbRow) => ({
  cohortId: r.cohort_id,
  courseId: r.course_id,
  dueAt: r.due_at === null ? null : Number(r.due_at),
  assignedAt: Number(r.assigned_at),
});

export function cohortRoutes(app: Hono<Env>, db: Database, now: () => number): void {
  app.post('/v1/orgs/:orgId/cohorts', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const input = await body(c, createCohortRequest);
    const role = await requireStaff(db.query, orgId, learnerId, 'Only instructors and owners create cohorts.');
    const id = crypto.randomUUID();
    await db.transaction(async (q) => {
      await q(sql`insert into cohorts (id, org_id, name, created_at) values (${id}, ${orgId}, ${input.name}, ${now()})`);
      // An instructor instructs the cohorts they create; owners manage every cohort anyway.
      if (role === 'instructor')
        await q(sql`insert into cohort_members (cohort_id, learner_id, role, joined_at) values (${id}, ${learnerId}, 'instructor', ${now()})`);
    });
    return c.json({ id, orgId, name: input.name }, 201);
  });

  app.get('/v1/orgs/:orgId/cohorts', async (c) => {
    const learnerId = await liveLearner(db, c);
    const orgId = uuidParam(c, 'orgId', 'organisation');
    const role = await orgRole(db.query, orgId, learnerId);
    const rows = await db.query<{ id: string; name: string }>(
      role === 'owner'
        ? sql`select id, name from cohorts where org_id = ${orgId} order by created_at`
        : sql`select c.id, c.name from cohorts c join cohort_members m on m.cohort_id = c.id
            where c.org_id = ${orgId} and m.learner_id = ${learnerId} order by c.created_at`,
    );
    return c.json({ cohorts: rows.map((r) => ({ id: r.id, orgId, name: r.name })) });
  });

  app.get('/v1/cohorts/:cohortId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    const access = await cohortAccess(db.query, id, learnerId);
    return c.json({ id, orgId: access.orgId, name: access.name, manages: access.manages });
  });

  app.get('/v1/cohorts/:cohortId/members', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    await requireManager(db.query, id, learnerId);
    return c.json({ members: await membersOf(db.query, { cohortId: id }) });
  });

  // Leaving a cohort (yourself) or removing someone from it (its managers).
  app.delete('/v1/cohorts/:cohortId/members/:learnerId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    const target = uuidParam(c, 'learnerId', 'member');
    await (target === learnerId ? cohortAccess(db.query, id, learnerId) : requireManager(db.query, id, learnerId));
    const removed = await db.query(sql`delete from cohort_members where cohort_id = ${id} and learner_id = ${target} returning learner_id`);
    if (removed.length === 0) throw new ApiError(404, 'not_found', 'No member of this cohort has this id.');
    return c.json({ removed: true });
  });

  app.post('/v1/cohorts/:cohortId/assignments', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    const input = await body(c, assignRequest);
    await requireManager(db.query, id, learnerId);
    const [row] = await db.query<AssignmentDbRow>(sql`insert into assignments (cohort_id, course_id, due_at, assigned_at)
      values (${id}, ${input.courseId}, ${input.dueAt}, ${now()})
      on conflict (cohort_id, course_id) do update set due_at = excluded.due_at returning cohort_id, course_id, due_at, assigned_at`);
    return c.json(assignment(row!), 201);
  });

  app.delete('/v1/cohorts/:cohortId/assignments/:courseId', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    await requireManager(db.query, id, learnerId);
    const removed = await db.query(sql`delete from assignments where cohort_id = ${id} and course_id = ${c.req.param('courseId')} returning course_id`);
    if (removed.length === 0) throw new ApiError(404, 'not_found', 'This course is not assigned to this cohort.');
    return c.json({ removed: true });
  });

  app.get('/v1/cohorts/:cohortId/assignments', async (c) => {
    const learnerId = await liveLearner(db, c);
    const id = uuidParam(c, 'cohortId', 'cohort');
    await cohortAccess(db.query, id, learnerId);
    const rows = await db.query<AssignmentDbRow>(
      sql`select cohort_id, course_id, due_at, assigned_at from assignments where cohort_id = ${id} order by due_at nulls last, course_id`,
    );
    return c.json({ assignments: rows.map(assignment) });
  });

  // What Learn shows as "Assigned": every course due in the cohorts the learner is in.
  app.get('/v1/me/assignments', async (c) => {
    const learnerId = await liveLearner(db, c);
    const rows = await db.query<AssignmentDbRow>(sql`select a.cohort_id, a.course_id, a.due_at, a.assigned_at from assignments a
      join cohort_members m on m.cohort_id = a.cohort_id
      join cohorts c on c.id = a.cohort_id
      join org_members o on o.org_id = c.org_id and o.learner_id = m.learner_id
      where m.learner_id = ${learnerId} order by a.due_at nulls last, a.course_id`);
    return c.json({ assignments: rows.map(assignment) });
  });
}
