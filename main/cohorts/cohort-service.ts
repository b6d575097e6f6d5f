// The learner's cohorts: an invite read before consenting, joining only with consent to exactly
// what the cohort sees (cohortSharedData), leaving, the courses assigned with their deadlines and
// reminders, and the cohort's leaderboard. Consents and the last assignments seen are kept in the
// settings table, so Learn shows "Assigned" offline too.
import { z } from 'zod';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { AssignedCourse, Cohort, InvitePreview } from '../../preload/contract/account';
import { assignmentRow, type OrgRole } from '../../common/sync-api/account-schemas';
import {
  cohortBoardChoice,
  cohortBoardResponse,
  cohortConsentVersion,
  cohortSharedData,
  invitePreviewResponse,
  myCohortsResponse,
} from '../../common/sync-api/cohort-schemas';
import { asDronaError, signedInCall } from '../sync/account-session';
import { isSyncApiError, SyncOfflineError } from '../sync/api-client';
import type { SyncService } from '../sync/sync-service';
import { readRow, writeRow } from '../sync/sync-state';
import type { Store } from '../store/open-store';
import { assignmentReminder, reminderText } from './reminder-rule';

export interface CohortCourses {
  /** Installed courses with their lesson counts. */
  listCourses(): { id: string; title: string; lessonCount: number; completedCount: number }[];
}

export interface Consent {
  readonly version: number;
  readonly shares: readonly string[];
  readonly consentedAt: number;
}

const CONSENTS_KEY = 'cohorts.consents';
const ASSIGNED_KEY = 'cohorts.assigned';
const assignmentsResponse = z.object({ assignments: z.array(assignmentRow) });
const removedResponse = z.object({ removed: z.literal(true) });
const acceptResponse = z.object({ orgId: z.string(), cohortId: z.string().nullable(), role: z.string() });
type Assignment = z.infer<typeof assignmentRow> & { cohortName: string };

/** True when `consent` agrees to exactly what a cohort sees, as the consent screen showed it. */
export function consentCovers(consent: { version: number; shares: readonly string[] }): boolean {
  const wanted = cohortSharedData.map((item) => item.id as string);
  return consent.version === cohortConsentVersion && consent.shares.length === wanted.length && wanted.every((id) => consent.shares.includes(id));
}

export class CohortService {
  constructor(
    private readonly store: Store,
    private readonly sync: SyncService,
    private readonly courses: CohortCourses,
    private readonly now: () => number = Date.now,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  private call<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return signedInCall(this.sync, method, path, body, schema);
  }

  private consents(): Record<string, Consent> {
    return readRow<Record<string, Consent>>(this.store, CONSENTS_KEY) ?? {};
  }

  async list(): Promise<{ signedIn: boolean; cohorts: Cohort[] }> {
    if (!this.sync.account().signedIn) return { signedIn: false, cohorts: [] };
    try {
      const consents = this.consents();
      const { cohorts } = await this.call('GET', '/v1/me/cohorts', undefined, myCohortsResponse);
      return {
        signedIn: true,
        cohorts: cohorts.map((c) => ({
          id: c.id,
          orgName: c.orgName,
          name: c.name,
          role: c.role,
          joinedAt: c.joinedAt,
          consentedAt: consents[c.id]?.consentedAt ?? null,
          onBoard: c.onBoard,
        })),
      };
    } catch (error) {
      throw asDronaError(error);
    }
  }

  async preview(code: string): Promise<InvitePreview> {
    try {
      return { ...(await this.call('POST', '/v1/invites/preview', { code }, invitePreviewResponse)), consentVersion: cohortConsentVersion };
    } catch (error) {
      throw asDronaError(error);
    }
  }

  /** Joins the invite's cohort; without consent to exactly what the cohort sees, nothing is sent. */
  async join(code: string, consent: { version: number; shares: readonly string[] }, onBoard = false): Promise<{ signedIn: boolean; cohorts: Cohort[] }> {
    if (!consentCovers(consent))
      throw new DronaError('consent_needed', 'Joining a cohort needs your consent to what it sees; read the list and agree to it first.');
    let joined;
    try {
      joined = await this.call('POST', '/v1/invites/accept', { code, onBoard }, acceptResponse);
    } catch (error) {
      throw asDronaError(error);
    }
    if (joined.cohortId) {
      const record: Consent = { version: consent.version, shares: [...consent.shares], consentedAt: this.now() };
      writeRow(this.store, CONSENTS_KEY, { ...this.consents(), [joined.cohortId]: record }, this.now());
    }
    return this.list();
  }

  /** Shows or hides the learner on one cohort's leaderboard and league (the server lets nobody else choose). */
  async setBoard(cohortId: string, onBoard: boolean): Promise<{ signedIn: boolean; cohorts: Cohort[] }> {
    try {
      await this.call('POST', `/v1/cohorts/${encodeURIComponent(cohortId)}/board`, { onBoard }, cohortBoardChoice);
    } catch (error) {
      throw asDronaError(error);
    }
    return this.list();
  }

  /** Leaves the cohort, and its organisation when no other cohort of it is left (freeing the seat). */
  async leave(cohortId: string): Promise<{ signedIn: boolean; cohorts: Cohort[] }> {
    const me = this.sync.account().learnerId;
    if (!me) throw new DronaError('signed_out', 'Sign in to your account first (Settings → Account).');
    try {
      const { cohorts } = await this.call('GET', '/v1/me/cohorts', undefined, myCohortsResponse);
      const leaving = cohorts.find((c) => c.id === cohortId);
      if (!leaving) throw new DronaError('not_found', 'You are not in this cohort (any more).');
      await this.call('DELETE', `/v1/cohorts/${encodeURIComponent(cohortId)}/members/${me}`, undefined, removedResponse);
      const { [cohortId]: _left, ...kept } = this.consents();
      writeRow(this.store, CONSENTS_KEY, kept, this.now());
      if (leaving.role === 'learner' && !cohorts.some((c) => c.id !== cohortId && c.orgId === leaving.orgId)) await this.leaveOrganisation(leaving.orgId, me);
    } catch (error) {
      throw asDronaError(error);
    }
    return this.list();
  }

  private async leaveOrganisation(orgId: string, me: string): Promise<void> {
    const orgs = await this.call('GET', '/v1/orgs', undefined, z.object({ organisations: z.array(z.object({ id: z.string(), role: z.string() })) }));
    const role = orgs.organisations.find((o) => o.id === orgId)?.role as OrgRole | undefined;
    if (role !== 'learner') return; // owners and instructors keep their place in the organisation
    await this.call('DELETE', `/v1/orgs/${encodeURIComponent(orgId)}/members/${me}`, undefined, removedResponse);
  }

  /** The assigned courses, fresh from the server, or the last list seen when it cannot be reached. */
  async assigned(): Promise<{ assignments: AssignedCourse[]; offline: boolean }> {
    if (!this.sync.account().signedIn) return { assignments: [], offline: false };
    let fetched: Assignment[];
    let offline = false;
    try {
      const [{ assignments }, { cohorts }] = await Promise.all([
        this.call('GET', '/v1/me/assignments', undefined, assignmentsResponse),
        this.call('GET', '/v1/me/cohorts', undefined, myCohortsResponse),
      ]);
      const names = new Map(cohorts.map((c) => [c.id, c.name]));
      fetched = assignments.map((a) => ({ ...a, cohortName: names.get(a.cohortId) ?? 'Cohort' }));
      writeRow(this.store, ASSIGNED_KEY, fetched, this.now());
    } catch (error) {
      if (!(error instanceof SyncOfflineError)) throw isSyncApiError(error) ? asDronaError(error) : error;
      this.warn(`cohorts: showing the last assignments seen: ${messageOf(error)}`);
      fetched = readRow<Assignment[]>(this.store, ASSIGNED_KEY) ?? [];
      offline = true;
    }
    const installed = new Map(this.courses.listCourses().map((c) => [c.id, c]));
    const now = this.now();
    return {
      offline,
      assignments: fetched.map((a) => {
        const course = installed.get(a.courseId);
        const lessonsTotal = course?.lessonCount ?? 0;
        const lessonsDone = Math.min(course?.completedCount ?? 0, lessonsTotal);
        // A course not installed here has all its lessons ahead; 1 stands for "not started".
        const lessonsLeft = course ? lessonsTotal - lessonsDone : 1;
        const reminder = assignmentReminder({ dueAt: a.dueAt, lessonsLeft }, now);
        return {
          cohortId: a.cohortId,
          cohortName: a.cohortName,
          courseId: a.courseId,
          courseTitle: course?.title ?? null,
          dueAt: a.dueAt,
          lessonsDone,
          lessonsTotal,
          reminder: reminder && { level: reminder.level, text: reminderText(reminder, course?.title ?? a.courseId, lessonsLeft) },
        };
      }),
    };
  }

  async leaderboard(cohortId: string, board: 'week' | 'all'): Promise<z.output<typeof cohortBoardResponse>> {
    try {
      return await this.call('GET', `/v1/cohorts/${encodeURIComponent(cohortId)}/leaderboard?board=${board}`, undefined, cohortBoardResponse);
    } catch (error) {
      throw asDronaError(error);
    }
  }
}
