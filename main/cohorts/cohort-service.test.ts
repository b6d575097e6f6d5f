// The learner's account and cohorts against the real hosted API on loopback: create an account
// with a password, sign in on a second computer (restored with progress told page by page), list
// and revoke sessions, export and delete; join a cohort only with consent — checked at the sync
// boundary, where every request the app makes is recorded — see its assignments, leave it.
import { describe, expect, it } from 'vitest';
import { DronaError } from '../../preload/contract';
import { cohortConsentVersion, cohortSharedData } from '../../preload/contract/account';
import { syncedComputers, type SyncedComputer } from '../sync/testing/synced-computers';
import { AccountService } from '../account/account-service';
import { CohortService } from './cohort-service';
import { DAY_MS } from './reminder-rule';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
interface Computer extends SyncedComputer {
  account: AccountService;
  cohorts: CohortService;
  sent: Sent[];
  restoreSteps: { restored: number; done: boolean }[];
  /** Pulls the network cable: every request fails as fetch does offline. */
  offline: boolean;
}

const synced = syncedComputers('drona-cohorts-', { guardLimit: { burst: 4, perSecond: 1 / 600 } });
const course = { id: 'python-basics', title: 'Python Basics', lessonCount: 10, completedCount: 3 };
const allShared = { version: cohortConsentVersion, shares: cohortSharedData.map((item) => item.id) };

function computer(name: string, url?: string): Computer {
  const sent: Sent[] = [];
  const restoreSteps: Computer['restoreSteps'] = [];
  // The sync boundary: every request leaving the app, recorded as it goes to the real server.
  const recording: typeof fetch = async (input, init) => {
    if (made.offline) throw new TypeError('fetch failed');
    const u = new URL(String(input));
    sent.push({ method: init?.method ?? 'GET', path: u.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return fetch(input, init);
  };
  const base = synced.computer(name, { url, fetch: recording, onRestoreProgress: (step) => restoreSteps.push(step) });
  const made: Computer = {
    ...base,
    offline: false,
    sent,
    restoreSteps,
    account: new AccountService(base.sync),
    cohorts: new CohortService(base.store, base.sync, { listCourses: () => [course] }),
  };
  return made;
}

const caught = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as DronaError;
  }
  throw new Error('expected a failure');
};

/** An instructor's calls, made directly (the instructor dashboard is not this app). */
async function as(token: string, method: string, p: string, body?: unknown) {
  const res = await fetch(`${synced.server().url}${p}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, string>;
}

/** A new account (made directly, as the instructor's own app would) that owns a new organisation. */
async function ownerOfOrg(displayName: string, orgName: string) {
  const res = await fetch(`${synced.server().url}/v1/learners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, timezone: 'UTC' }),
  });
  const owner = ((await res.json()) as { accessToken: string }).accessToken;
  return { owner, org: await as(owner, 'POST', '/v1/orgs', { name: orgName }) };
}

describe('the account', () => {
  it('is created with a password, restored on a second computer, and its sessions revoked, exported and deleted', async () => {
    const first = computer('first');
    await first.account.create({ displayName: 'Asha', email: 'asha@example.org', password: 'correct horse battery', optedIn: true });
    for (let i = 0; i < 3; i++)
      await first.progress.record({
        kind: 'lesson-completed',
        idempotencyKey: `done:${i}`,
        courseId: 'py',
        lessonId: `l${i}`,
        occurredAt: Date.now() - (3 - i) * 60_000,
        timezone: 'UTC',
        elapsedSeconds: 60,
      });
    await first.sync.syncNow();

    const second = computer('second');
    const wrong = await caught(second.sync.signInToAccount({ email: 'asha@example.org', password: 'not the password' }, 'Laptop'));
    expect([wrong.code, wrong.message]).toEqual(['wrong_credentials', 'This email and password do not match an account.']);
    const { restore } = await second.sync.signInToAccount({ email: 'asha@example.org', password: 'correct horse battery' }, 'Laptop');
    expect(restore).toMatchObject({ restored: 3 });
    expect(second.restoreSteps.at(-1)).toMatchObject({ restored: 3, done: true });
    expect(second.progress.snapshot().totalXp).toBe(first.progress.snapshot().totalXp);

    const { sessions } = await first.account.sessions();
    expect(sessions.map((s) => [s.deviceName, s.current]).sort()).toEqual([
      ['Computer', true],
      ['Laptop', false],
    ]);
    expect((await caught(first.account.revokeSession(sessions.find((s) => s.current)!.id))).code).toBe('invalid_input');
    const after = await first.account.revokeSession(sessions.find((s) => !s.current)!.id);
    expect(after.sessions).toHaveLength(1);
    // The revoked computer's next call finds its session over.
    expect((await caught(second.account.sessions())).code).toBe('signed_out');

    const exported = await first.account.export();
    expect(exported.fileName).toMatch(/^dronacharya-account-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(exported.json) as { events: unknown[]; accounts: { email: string; password_hash?: string }[] };
    expect(data.events).toHaveLength(3);
    expect(data.accounts[0]).toEqual(expect.objectContaining({ email: 'asha@example.org' }));
    expect(data.accounts[0]!.password_hash).toBeUndefined();

    expect((await first.account.delete()).signedIn).toBe(false);
    const third = computer('third');
    expect((await caught(third.sync.signInToAccount({ email: 'asha@example.org', password: 'correct horse battery' }))).code).toBe('wrong_credentials');
    // This computer keeps its own progress.
    expect(first.progress.snapshot().totalXp).toBeGreaterThan(0);
  });

  it('undoes a new account whose email is taken, and says when the server is down or guesses are too many', async () => {
    const taken = computer('taken');
    await taken.account.create({ displayName: 'Ben', email: 'ben@example.org', password: 'correct horse battery', optedIn: true });
    const again = computer('again');
    const refused = await caught(again.account.create({ displayName: 'Ben 2', email: 'ben@example.org', password: 'another password', optedIn: true }));
    expect(refused.code).toBe('email_taken');
    expect(again.sync.status().signedIn).toBe(false);
    expect(again.sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /v1/learners', 'POST /v1/account/credentials', 'DELETE /v1/account']);

    const down = computer('down', 'http://127.0.0.1:9');
    const offline = await caught(down.sync.signInToAccount({ email: 'ben@example.org', password: 'x' }));
    expect(offline.code).toBe('offline');
    expect(offline.message).toMatch(/cannot be reached/);

    const guesser = computer('guesser');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await caught(guesser.sync.signInToAccount({ email: 'ben@example.org', password: `guess ${i}` }))).code);
    expect(codes.at(-1)).toBe('rate_limited');
    expect((await caught(guesser.sync.signInToAccount({ email: 'ben@example.org', password: 'guess' }))).message).toMatch(/Too many requests; wait \d+ s/);
  });
});

describe('cohorts', () => {
  it('joins only with consent, sends nothing but the code, shows assignments with reminders, and leaves', async () => {
    const { owner, org } = await ownerOfOrg('Teacher', 'Bootcamp');
    const cohort = await as(owner, 'POST', `/v1/orgs/${org.id}/cohorts`, { name: 'Spring 2027' });
    const invite = await as(owner, 'POST', `/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: cohort.id, maxUses: 5 });
    await as(owner, 'POST', `/v1/cohorts/${cohort.id}/assignments`, { courseId: 'python-basics', dueAt: Date.now() + 2 * DAY_MS });
    await as(owner, 'POST', `/v1/cohorts/${cohort.id}/assignments`, { courseId: 'sql-later', dueAt: null });

    const learner = computer('learner');
    await learner.sync.signIn({ displayName: 'Chandra', optedIn: true });
    expect(await learner.cohorts.preview(invite.code!)).toMatchObject({ orgName: 'Bootcamp', cohortName: 'Spring 2027', role: 'learner' });
    learner.sent.length = 0;

    // Without consent to exactly the list the screen showed, nothing leaves the app.
    for (const consent of [
      { version: cohortConsentVersion, shares: [] },
      { version: cohortConsentVersion, shares: ['progress', 'metrics'] },
      { version: cohortConsentVersion + 1, shares: allShared.shares },
      { version: cohortConsentVersion, shares: [...allShared.shares, 'code'] },
    ])
      expect((await caught(learner.cohorts.join(invite.code!, consent))).code).toBe('consent_needed');
    expect(learner.sent).toEqual([]);
    expect((await learner.cohorts.list()).cohorts).toEqual([]);

    const joined = await learner.cohorts.join(invite.code!, allShared);
    expect(joined.cohorts).toEqual([
      expect.objectContaining({ id: cohort.id, name: 'Spring 2027', orgName: 'Bootcamp', role: 'learner', consentedAt: expect.any(Number), onBoard: false }),
    ]);
    const accept = learner.sent.filter((s) => s.path === '/v1/invites/accept');
    expect(accept).toEqual([{ method: 'POST', path: '/v1/invites/accept', body: { code: invite.code, onBoard: false } }]);

    const assigned = await learner.cohorts.assigned();
    expect(assigned.offline).toBe(false);
    expect(assigned.assignments).toEqual([
      expect.objectContaining({
        courseId: 'python-basics',
        courseTitle: 'Python Basics',
        cohortName: 'Spring 2027',
        lessonsDone: 3,
        lessonsTotal: 10,
        reminder: { level: 'due-soon', text: 'Python Basics is due in 2 days; 7 lessons to go.' },
      }),
      expect.objectContaining({ courseId: 'sql-later', courseTitle: null, dueAt: null, reminder: null }),
    ]);
    const board = await learner.cohorts.leaderboard(cohort.id!, 'week');
    expect(board.rows.map((r) => [r.displayName, r.me])).toEqual([['Chandra', true]]);
    // Off the board until the learner chooses it; then the cohort's other members see them.
    const classmate = computer('classmate');
    await classmate.sync.signIn({ displayName: 'Dev', optedIn: true });
    await classmate.cohorts.join(invite.code!, allShared, true);
    expect((await classmate.cohorts.leaderboard(cohort.id!, 'all')).rows.map((r) => r.displayName)).toEqual(['Dev']);
    expect((await learner.cohorts.setBoard(cohort.id!, true)).cohorts[0]!.onBoard).toBe(true);
    expect((await classmate.cohorts.leaderboard(cohort.id!, 'all')).rows.map((r) => r.displayName)).toContain('Chandra');
    await classmate.cohorts.leave(cohort.id!);

    // The instructor sees the learner; after leaving, neither the cohort nor its organisation has them.
    expect(((await as(owner, 'GET', `/v1/cohorts/${cohort.id}/members`)) as unknown as { members: unknown[] }).members).toHaveLength(1);
    expect((await learner.cohorts.leave(cohort.id!)).cohorts).toEqual([]);
    expect(((await as(owner, 'GET', `/v1/cohorts/${cohort.id}/members`)) as unknown as { members: unknown[] }).members).toHaveLength(0);
    expect(((await as(owner, 'GET', `/v1/orgs/${org.id}/members`)) as unknown as { members: unknown[] }).members).toHaveLength(1);
    expect((await learner.cohorts.assigned()).assignments).toEqual([]);
  });

  it('shows the last assignments seen while the server is unreachable', async () => {
    const { owner, org } = await ownerOfOrg('T2', 'Night school');
    const cohort = await as(owner, 'POST', `/v1/orgs/${org.id}/cohorts`, { name: 'Evening' });
    const invite = await as(owner, 'POST', `/v1/orgs/${org.id}/invites`, { role: 'learner', cohortId: cohort.id });
    await as(owner, 'POST', `/v1/cohorts/${cohort.id}/assignments`, { courseId: 'python-basics', dueAt: Date.now() - DAY_MS });
    const learner = computer('offline-learner');
    await learner.sync.signIn({ displayName: 'Dev', optedIn: false });
    await learner.cohorts.join(invite.code!, allShared);
    expect((await learner.cohorts.assigned()).assignments[0]!.reminder?.level).toBe('overdue');
    learner.offline = true;
    const offline = await learner.cohorts.assigned();
    expect(offline.offline).toBe(true);
    expect(offline.assignments).toEqual([
      expect.objectContaining({ courseId: 'python-basics', cohortName: 'Evening', reminder: expect.objectContaining({ level: 'overdue' }) }),
    ]);
  });
});
