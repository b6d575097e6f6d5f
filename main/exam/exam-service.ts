// The Silver exam in main: attempts, the clock, answers saved on every change, challenges checked
// in the sandbox, the design interview, and grading. The window gets views (exam-view.ts) only.
import { randomUUID } from 'node:crypto';
import { DronaError } from '../../preload/contract/errors';
import type { CheckResult, SandboxFile } from '../../preload/contract/sandbox';
import type { z } from 'zod';
import type { ExamOverview, examAnswerSchema } from '../../preload/contract/exam';
import { itemById, sectionMinutes, sectionQuestions, sectionTitles, type ExamSectionKind } from '../../common/exam/exam-sections';
import type { ChallengeItem, ExamBank, ExamItem } from '../../common/exam/exam-format';
import type { ExerciseForCheck, RunCoordinator } from '../sandbox/run-coordinator';
import type { Store } from '../store/open-store';
import { readChallenge, readExamBank } from './exam-bank';
import { challengeScore, choiceScore, gradeExam, sectionOrder, type ExamScores } from '../../common/exam/exam-grading';
import { drawExam, optionOrder } from '../../common/exam/exam-selection';
import { ExamStore, type AnswerRow, type AttemptRow } from './exam-store';
import { retakeAvailableAt, tick, timedOut } from '../../common/exam/exam-timing';
import { currentConceptual, examView, sectionItems, type AppExamView, type SavedAnswer } from './exam-view';
import { designInterview, type Interviewer } from './design-interview';

export interface ExamServiceDeps {
  readonly now: () => number;
  readonly course: (courseId: string) => { dir: string; title: string; version: string } | null;
  /** The run coordinator's Check of an exercise outside any lesson. */
  readonly check: RunCoordinator['checkExercise'];
  /** The tutor's provider for the design interview, or null when none is set (a person reviews). */
  readonly interviewer: () => Interviewer | null;
}

type Answer = z.output<typeof examAnswerSchema>;

export class ExamService {
  private readonly rows: ExamStore;
  /** Attempts whose clock this process has looked at: the first look after a start adds no time. */
  private readonly seen = new Set<number>();

  constructor(
    store: Store,
    private readonly deps: ExamServiceDeps,
  ) {
    this.rows = new ExamStore(store);
  }

  overview(courseId: string): ExamOverview {
    const course = this.deps.course(courseId);
    const bank = course ? readExamBank(course.dir) : null;
    const attempts = this.rows.attempts(courseId);
    const lastFailed = attempts.find((row) => row.status === 'failed');
    return {
      available: bank !== null,
      title: this.title(bank, course?.title ?? courseId),
      passPercent: bank?.passPercent ?? 80,
      retakeCooldownHours: bank?.retakeCooldownHours ?? 0,
      sections: bank
        ? sectionOrder.map((kind) => ({ kind, title: sectionTitles[kind], minutes: sectionMinutes(bank, kind), questions: sectionQuestions(bank, kind) }))
        : [],
      activeAttemptId: attempts.find((row) => row.status === 'in-progress')?.id ?? null,
      retakeAt: bank ? retakeAvailableAt(lastFailed?.finishedAt ?? null, bank.retakeCooldownHours, this.deps.now()) : null,
      passed: attempts.some((row) => row.status === 'passed'),
      gradedBy: 'app',
      attempts: attempts.map((row) => ({
        attemptId: row.id,
        status: row.status as ExamOverview['attempts'][number]['status'],
        startedAt: row.startedAt,
        overall: row.overall,
      })),
    };
  }

  /** Whether an attempt is in progress (updates wait until it ends). */
  running(): boolean {
    return this.active() !== null;
  }

  /** The attempt in progress, whatever its course; null when none. */
  active(): { attemptId: number } | null {
    const id = this.rows.inProgress();
    return id === null ? null : { attemptId: id };
  }

  /** The learner's passed exam for a course, as the certificate issuer needs it; null when none. */
  passedExam(courseId: string): { attemptId: number; overall: number; passedAt: number; firstAttempt: boolean } | null {
    const row = this.rows.attempts(courseId).find((attempt) => attempt.status === 'passed');
    return row ? { attemptId: row.id, overall: row.overall ?? 0, passedAt: row.finishedAt ?? row.startedAt, firstAttempt: row.firstAttempt } : null;
  }

  start(courseId: string): AppExamView {
    const course = this.deps.course(courseId);
    const bank = course ? readExamBank(course.dir) : null;
    if (!course || !bank) throw new DronaError('not_found', `Course "${courseId}" has no exam.`);
    const overview = this.overview(courseId);
    if (typeof overview.activeAttemptId === 'number') return this.current(overview.activeAttemptId);
    if (overview.passed) throw new DronaError('conflict', 'You have already passed this exam.');
    if (overview.retakeAt !== null)
      throw new DronaError('conflict', `You can retake the exam after ${new Date(overview.retakeAt).toISOString()}.`, { retakeAt: overview.retakeAt });
    const now = this.deps.now();
    const id = this.rows.create(
      { courseId, courseVersion: course.version, seed: randomUUID(), status: 'in-progress', firstAttempt: overview.attempts.length === 0, startedAt: now },
      now,
    );
    this.seen.add(id);
    return this.current(id);
  }

  /** The attempt now: the current section's clock moves and, when its time is up, the section is submitted. */
  current(attemptId: number): AppExamView {
    const { attempt, bank } = this.load(attemptId);
    const kind = sectionOrder[attempt.section];
    if (attempt.status === 'in-progress' && kind) {
      const row = this.rows.sections(attemptId).get(kind)!;
      const clock = tick(row, this.deps.now(), !this.seen.has(attemptId));
      this.seen.add(attemptId);
      this.rows.saveClock(attemptId, kind, clock);
      // A design section timing out with a provider is graded by it asynchronously; no provider: pending.
      if (timedOut(clock, sectionMinutes(bank, kind))) this.submitNow(attempt, bank, kind, true, null);
    }
    return this.view(attemptId);
  }

  answer(attemptId: number, itemId: string, answer: Answer): { savedAt: number } {
    const { attempt, bank, kind } = this.inProgress(attemptId);
    const answers = this.rows.answers(attemptId, kind);
    const ids = sectionItems(bank, attempt.seed, drawExam(bank, attempt.seed), kind, answers);
    const item = itemById(bank, itemId);
    if (!item || !ids.includes(itemId)) throw new DronaError('invalid_input', `Question "${itemId}" is not one of the current section's questions.`);
    const now = this.deps.now();
    const position = answers.find((row) => row.itemId === itemId)?.position ?? answers.length;
    const base = { attemptId, itemId, section: kind, position, updatedAt: now };
    if (answer.kind === 'choice' && 'options' in item) {
      // The window counts options in the order it showed them; the bank's order is kept.
      const selected = answer.selected === null ? null : (optionOrder(attempt.seed, item.id, item.options.length)[answer.selected] ?? null);
      const correct = selected === null ? false : item.options[selected]!.correct;
      // Conceptual answers are locked (and so marked right or wrong) only by exam.next.
      this.rows.saveAnswer({ ...base, answer: { selected }, correct: kind === 'conceptual' ? null : correct });
    } else if (answer.kind === 'code' && item.kind === 'coding-challenge') {
      // Changed code is no longer what was checked: the challenge counts again once checked again.
      // The same code saved again (an autosave that lands after its Check) keeps the Check's result.
      const previous = answers.find((row) => row.itemId === itemId);
      const saved = previous?.answer as { files?: SandboxFile[]; checked?: { passed: number; total: number } } | undefined;
      const kept = previous && saved?.checked && sameFiles(saved.files ?? [], answer.files) ? previous : null;
      this.rows.saveAnswer({
        ...base,
        answer: { files: answer.files, ...(kept ? { checked: saved!.checked } : {}) },
        correct: kept?.correct ?? null,
        score: kept?.score ?? null,
      });
    } else if (answer.kind === 'design' && item.kind === 'design-question') {
      const previous = (answers.find((row) => row.itemId === itemId)?.answer ?? null) as SavedAnswer | null;
      this.rows.saveAnswer({ ...base, answer: { text: answer.text, interview: previous && 'interview' in previous ? previous.interview : [] } });
    } else throw new DronaError('invalid_input', `A ${answer.kind} answer does not fit question "${itemId}".`);
    return { savedAt: now };
  }

  next(attemptId: number): AppExamView {
    const { attempt, bank, kind } = this.inProgress(attemptId);
    if (kind !== 'conceptual') throw new DronaError('invalid_input', 'Only the Conceptual section asks one question at a time.');
    const answers = this.rows.answers(attemptId, kind);
    const current = currentConceptual(bank, attempt.seed, answers);
    if (current) {
      const row = answers.find((answer) => answer.itemId === current.id);
      const selected = (row?.answer as { selected: number | null } | undefined)?.selected ?? null;
      const correct = selected !== null && 'options' in current && current.options[selected]!.correct;
      this.rows.saveAnswer({
        attemptId,
        itemId: current.id,
        section: kind,
        position: answers.filter((a) => a.correct !== null).length,
        answer: { selected },
        correct,
        updatedAt: this.deps.now(),
      });
    }
    if (!currentConceptual(bank, attempt.seed, this.rows.answers(attemptId, kind))) this.submitNow(attempt, bank, kind, false, null);
    return this.current(attemptId);
  }

  async check(attemptId: number, itemId: string, runId: string, files: readonly SandboxFile[], sessionId: string): Promise<CheckResult> {
    const { attempt, bank, kind } = this.inProgress(attemptId);
    const item = itemById(bank, itemId);
    if (kind !== 'challenges' || !item || item.kind !== 'coding-challenge' || !drawExam(bank, attempt.seed).challenges.includes(itemId)) {
      throw new DronaError('invalid_input', `Question "${itemId}" is not a coding challenge of the current section.`);
    }
    const challenge = readChallenge(this.courseDir(attempt.courseId), item);
    const exercise: ExerciseForCheck = {
      language: challenge.spec.language,
      files: [...challenge.starter.map((file) => ({ ...file, role: 'editable' as const })), ...challenge.fixed],
      tests: challenge.tests,
      support: challenge.support,
      ...(challenge.spec.limits ? { limits: challenge.spec.limits } : {}),
    };
    const result = await this.deps.check({ runId, courseId: attempt.courseId, files }, exercise, sessionId);
    const passed = result.tests.filter((test) => test.status === 'pass').length;
    const answers = this.rows.answers(attemptId, kind);
    const position = answers.find((row) => row.itemId === itemId)?.position ?? answers.length;
    const checked = { passed, total: Math.max(result.tests.length, 1) };
    this.rows.saveAnswer({
      attemptId,
      itemId,
      section: kind,
      position,
      answer: { files: [...files], checked },
      correct: result.status === 'pass',
      score: (100 * checked.passed) / checked.total,
      updatedAt: this.deps.now(),
    });
    return result;
  }

  async interview(attemptId: number, text: string): Promise<AppExamView> {
    const { attempt, bank, kind } = this.inProgress(attemptId);
    if (kind !== 'design') throw new DronaError('invalid_input', 'The design interview is the last section.');
    const item = itemById(bank, drawExam(bank, attempt.seed).design) as Extract<ExamItem, { kind: 'design-question' }>;
    const row = this.rows.answers(attemptId, kind)[0];
    const saved = (row?.answer ?? null) as { text?: string; interview?: { role: 'interviewer' | 'learner'; text: string }[] } | null;
    const transcript = [...(saved?.interview ?? []), { role: 'learner' as const, text }];
    const interviewer = this.deps.interviewer();
    if (interviewer) transcript.push({ role: 'interviewer', text: await designInterview.followUp(interviewer, item, transcript) });
    const allText = transcript
      .filter((turn) => turn.role === 'learner')
      .map((turn) => turn.text)
      .join('\n\n');
    this.rows.saveAnswer({
      attemptId,
      itemId: item.id,
      section: kind,
      position: 0,
      answer: { text: allText, interview: transcript },
      updatedAt: this.deps.now(),
    });
    return this.current(attemptId);
  }

  async submitSection(attemptId: number): Promise<AppExamView> {
    const { attempt, bank, kind } = this.inProgress(attemptId);
    let designScore: number | null = null;
    const interviewer = kind === 'design' ? this.deps.interviewer() : null;
    if (interviewer) {
      const item = itemById(bank, drawExam(bank, attempt.seed).design) as Extract<ExamItem, { kind: 'design-question' }>;
      const saved = (this.rows.answers(attemptId, kind)[0]?.answer ?? null) as { interview?: { role: 'interviewer' | 'learner'; text: string }[] } | null;
      designScore = await designInterview.score(interviewer, item, saved?.interview ?? []);
    }
    this.submitNow(attempt, bank, kind, false, designScore);
    return this.current(attemptId);
  }

  private submitNow(attempt: AttemptRow, bank: ExamBank, kind: ExamSectionKind, timedOutNow: boolean, designScore: number | null): void {
    const answers = this.rows.answers(attempt.id, kind);
    const draw = drawExam(bank, attempt.seed);
    const score =
      kind === 'conceptual'
        ? choiceScore(answers.filter((row) => row.correct === true).length, bank.sections.conceptual.questions)
        : kind === 'codeAnalysis'
          ? choiceScore(answers.filter((row) => row.correct === true).length, bank.sections.codeAnalysis.questions)
          : kind === 'challenges'
            ? challengeScore(draw.challenges.map((id) => challengeResult(itemById(bank, id) as ChallengeItem, answers)))
            : designScore;
    const now = this.deps.now();
    this.rows.submitSection(attempt.id, kind, score, timedOutNow, now);
    if (kind === 'design') {
      const scores = this.scores(attempt.id, bank)!;
      this.rows.finish(attempt.id, scores.verdict, scores.overall, now);
    }
  }

  private scores(attemptId: number, bank: ExamBank): ExamScores | null {
    const sections = this.rows.sections(attemptId);
    if (sectionOrder.some((kind) => sections.get(kind)!.submittedAt === null)) return null;
    return gradeExam(
      Object.fromEntries(sectionOrder.map((kind) => [kind, sections.get(kind)!.score])) as Record<ExamSectionKind, number | null>,
      bank.passPercent,
    );
  }

  private view(attemptId: number): AppExamView {
    const { attempt, bank, title, dir } = this.load(attemptId);
    return examView({
      bank,
      title,
      attempt,
      sections: this.rows.sections(attemptId),
      answers: this.rows.answers(attemptId),
      draw: drawExam(bank, attempt.seed),
      interviewer: this.deps.interviewer() !== null,
      scores: this.scores(attemptId, bank),
      starter: (item) => (item.kind === 'coding-challenge' ? { entry: readChallenge(dir, item).spec.entry, files: readChallenge(dir, item).starter } : null),
    });
  }

  private load(attemptId: number) {
    const attempt = this.rows.attempt(attemptId);
    if (!attempt) throw new DronaError('not_found', `Exam attempt ${attemptId} does not exist.`);
    const course = this.deps.course(attempt.courseId);
    const bank = course ? readExamBank(course.dir) : null;
    if (!course || !bank) throw new DronaError('not_found', `Course "${attempt.courseId}" no longer has an exam.`);
    return { attempt, bank, title: this.title(bank, course.title), dir: course.dir };
  }

  private inProgress(attemptId: number) {
    // Moves the clock first, so an answer after the time ran out is refused.
    this.current(attemptId);
    const loaded = this.load(attemptId);
    const kind = sectionOrder[loaded.attempt.section];
    if (loaded.attempt.status !== 'in-progress' || !kind) throw new DronaError('conflict', 'This exam attempt is finished.');
    return { ...loaded, kind };
  }

  private courseDir(courseId: string): string {
    const course = this.deps.course(courseId);
    if (!course) throw new DronaError('not_found', `Course "${courseId}" is not installed.`);
    return course.dir;
  }

  private title(bank: ExamBank | null, courseTitle: string): string {
    return bank?.title ?? `${courseTitle}: Silver exam`;
  }
}

/** The same files with the same contents, in any order. */
function sameFiles(a: readonly SandboxFile[], b: readonly SandboxFile[]): boolean {
  const contents = new Map(a.map((file) => [file.path, file.content]));
  return a.length === b.length && contents.size === a.length && b.every((file) => contents.get(file.path) === file.content);
}

function challengeResult(item: ChallengeItem, answers: readonly AnswerRow[]) {
  const saved = answers.find((row) => row.itemId === item.id)?.answer as { checked?: { passed: number; total: number } } | null | undefined;
  return { difficulty: item.difficulty, passed: saved?.checked?.passed ?? 0, total: saved?.checked?.total ?? 1 };
}
