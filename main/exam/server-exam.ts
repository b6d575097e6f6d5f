// The Silver exam the sync server runs (server/README.md "Silver exams"), taken through this app
// when the learner is signed in: the server draws the questions, keeps each section's clock and
// grades; this app shows them, saves every answer here at once (the server takes a section's answers
// only when it is submitted) and submits them, also when the time is up. Signed out, with the server
// unreachable, or with no exam registered there, the learner takes this app's own exam instead.
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { ExamOverview, ExamView } from '../../preload/contract/exam';
import { examAttemptHistory, examAttemptView, type ExamAttemptHistory, type ExamAttemptView } from '../../common/sync-api/exam-api';
import type { Store } from '../store/open-store';
import { asDronaError, type AccountSession } from '../sync/account-session';
import { SyncHttpError, SyncOfflineError } from '../sync/api-client';
import { eq } from 'drizzle-orm';
import { settings } from '../store/schema';
import { readRow, writeRow } from '../sync/sync-state';
import { readChallenge } from './exam-bank';
import { recordServerPass } from './server-exam-evidence';
import { sectionSubmission, serverExamView, type DraftAnswer, type Drafts, type Starter } from './server-exam-view';

export interface ServerExamDeps {
  readonly session: AccountSession;
  readonly now: () => number;
  /** The installed course's folder (challenges' starter files), or null. */
  readonly courseDir: (courseId: string) => string | null;
  readonly warn: (message: string) => void;
}

/** Settings rows (no migration): the attempt in progress and its answers saved here. */
const ACTIVE_KEY = 'exam.server.active';
const draftsKey = (attemptId: string) => `exam.server.drafts.${attemptId}`;
/** Server refusals that mean "this server gives no exam for the course": the app's own exam applies. */
const noServerExam = new Set(['no_exam', 'course_not_registered']);

interface ActiveAttempt {
  readonly attemptId: string;
  readonly courseId: string;
}

export class ServerExamService {
  constructor(
    private readonly store: Store,
    private readonly deps: ServerExamDeps,
  ) {}

  private signedIn(): boolean {
    return this.deps.session.account().signedIn;
  }

  /**
   * The overview of this app's exam, or, signed in, the server's: its attempts and when the next
   * opens (the server decides; the app only shows it). Offline or with no exam there, this app's.
   */
  async overview(local: ExamOverview, courseId: string): Promise<ExamOverview> {
    if (!this.signedIn() || local.activeAttemptId !== null) return local;
    let history: ExamAttemptHistory;
    try {
      history = await this.deps.session.authorized('GET', `/v1/exams/${encodeURIComponent(courseId)}/attempts`, undefined, examAttemptHistory);
    } catch (error) {
      if (this.appExamApplies(error, courseId)) return local;
      throw asDronaError(error);
    }
    const pass = history.attempts.find((attempt) => attempt.status === 'passed');
    if (pass) recordServerPass(this.store, courseId, { attemptId: pass.attemptId, overall: pass.overall ?? 0 }, this.deps.now());
    return {
      ...local,
      gradedBy: 'server',
      retakeCooldownHours: history.retakeCooldownHours,
      activeAttemptId: history.activeAttemptId,
      retakeAt: history.retakeAt,
      passed: history.passed,
      attempts: history.attempts.map(({ attemptId, status, startedAt, overall }) => ({ attemptId, status, startedAt, overall })),
    };
  }

  /** True (and said in the log) when the server is unreachable or gives no exam for the course. */
  private appExamApplies(error: unknown, courseId: string): boolean {
    if (!(error instanceof SyncOfflineError || (error instanceof SyncHttpError && noServerExam.has(error.code)))) return false;
    this.deps.warn(`the server exam for ${courseId} is not available, so this app's own exam runs: ${messageOf(error)}`);
    return true;
  }

  active(): { attemptId: string } | null {
    const active = readRow<ActiveAttempt>(this.store, ACTIVE_KEY);
    return active && this.signedIn() ? { attemptId: active.attemptId } : null;
  }

  /** Starts (or resumes) the course's exam on the server; null when this app's own exam is taken instead. */
  async start(courseId: string): Promise<ExamView | null> {
    if (!this.signedIn()) return null;
    let attempt: ExamAttemptView;
    try {
      attempt = await this.deps.session.authorized('POST', `/v1/exams/${encodeURIComponent(courseId)}/attempts`, {}, examAttemptView);
    } catch (error) {
      if (this.appExamApplies(error, courseId)) return null;
      throw asDronaError(error);
    }
    writeRow(this.store, ACTIVE_KEY, { attemptId: attempt.attemptId, courseId } satisfies ActiveAttempt, this.deps.now());
    return this.view(attempt);
  }

  /** The attempt as the server has it; a section whose time is up is first submitted with the answers saved here. */
  async current(attemptId: string): Promise<ExamView> {
    let attempt = await this.fetch(attemptId);
    const section = attempt.sections[attempt.sectionIndex];
    if (attempt.status === 'in-progress' && section?.deadline != null && section.deadline <= this.deps.now()) {
      try {
        attempt = await this.submit(attempt);
      } catch (error) {
        // Too late even for the server's grace: it closed the section with what it had; the view says so.
        this.deps.warn(`exam: the answers of ${section.title} were not taken after its time: ${messageOf(error)}`);
        attempt = await this.fetch(attemptId);
      }
    }
    return this.view(attempt);
  }

  /** Saves one answer here at once; it reaches the server with its section. */
  answer(attemptId: string, itemId: string, answer: DraftAnswer): { savedAt: number } {
    this.requireActive(attemptId);
    const now = this.deps.now();
    const drafts = this.drafts(attemptId);
    writeRow(this.store, draftsKey(attemptId), { answers: { ...drafts.answers, [itemId]: answer }, savedAt: now } satisfies Drafts, now);
    return { savedAt: now };
  }

  /** Conceptual: sends the current question's answer (final) and gets the next, adapted to it. */
  async next(attemptId: string): Promise<ExamView> {
    const attempt = await this.fetch(attemptId);
    if (attempt.sections[attempt.sectionIndex]?.kind !== 'conceptual')
      throw new DronaError('invalid_input', 'Only the Conceptual section asks one question at a time.');
    return this.view(await this.submit(attempt));
  }

  async submitSection(attemptId: string): Promise<ExamView> {
    return this.view(await this.submit(await this.fetch(attemptId)));
  }

  private async submit(attempt: ExamAttemptView): Promise<ExamAttemptView> {
    const kind = attempt.sections[attempt.sectionIndex]?.kind;
    if (attempt.status !== 'in-progress' || !kind) throw new DronaError('conflict', 'This exam attempt is finished.');
    const body = sectionSubmission(attempt, this.drafts(attempt.attemptId), this.starter(attempt.courseId));
    return this.call('POST', `/v1/exams/attempts/${attempt.attemptId}/sections/${kind}`, body);
  }

  private fetch(attemptId: string): Promise<ExamAttemptView> {
    return this.call('GET', `/v1/exams/attempts/${attemptId}`, undefined);
  }

  private async call(method: 'GET' | 'POST', path: string, body: unknown): Promise<ExamAttemptView> {
    if (!this.signedIn()) throw new DronaError('signed_out', 'This exam runs on your sync server: sign in again (Settings → Account) to go on.');
    try {
      return await this.deps.session.authorized(method, path, body, examAttemptView);
    } catch (error) {
      throw asDronaError(error);
    }
  }

  private view(attempt: ExamAttemptView): ExamView {
    const drafts = this.drafts(attempt.attemptId);
    if (attempt.status !== 'in-progress') {
      // Decided or with a person: nothing is left to save or resume here.
      const remove = (key: string) => this.store.db.delete(settings).where(eq(settings.key, key)).run();
      if (readRow<ActiveAttempt>(this.store, ACTIVE_KEY)?.attemptId === attempt.attemptId) remove(ACTIVE_KEY);
      if (attempt.status === 'passed')
        recordServerPass(this.store, attempt.courseId, { attemptId: attempt.attemptId, overall: attempt.result?.overall ?? 0 }, this.deps.now());
      remove(draftsKey(attempt.attemptId));
    }
    return serverExamView(attempt, drafts, this.starter(attempt.courseId), this.deps.now());
  }

  private requireActive(attemptId: string): void {
    if (readRow<ActiveAttempt>(this.store, ACTIVE_KEY)?.attemptId !== attemptId)
      throw new DronaError('conflict', 'This exam attempt is not the one in progress on this computer.');
  }

  private drafts(attemptId: string): Drafts {
    return readRow<Drafts>(this.store, draftsKey(attemptId)) ?? { answers: {}, savedAt: null };
  }

  /** A challenge's starter files from the installed course; none when the course or the exercise is missing here. */
  private starter(courseId: string): Starter {
    const dir = this.deps.courseDir(courseId);
    return (exercise) => {
      if (!dir) return null;
      try {
        const challenge = readChallenge(dir, { exercise });
        return { entry: challenge.spec.entry, files: challenge.starter };
      } catch (error) {
        this.deps.warn(`exam: no starter files for ${exercise} in ${courseId}: ${messageOf(error)}`);
        return null;
      }
    };
  }
}
