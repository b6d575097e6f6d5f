// The composition root: every service built once, in dependency order, each handed the narrow
// interfaces of the ones it uses. Over 350 lines on purpose: the whole wiring order reads top to
// bottom in one function, which is what a newcomer opens to see how the app fits together.
import fs from 'node:fs';
import path from 'node:path';
import { CourseService } from '../courses/course-service';
import { PracticeService } from '../practice/practice-service';
import { LearnerCards } from '../practice/learner-cards';
import { ProfileService } from '../profile/profile-service';
import { packageRoot } from './package-info';
import { BUILD_FINGERPRINTS_FILE, readBuildFingerprints } from '../courses/installer/builtin-fingerprint';
import { recommendedLesson } from '../progress/dashboard';
import { ProgressService, type CourseAchievementSource } from '../progress/progress-service';
import { StreakReminderService } from '../progress/streak-reminder-service';
import { WeeklyDigestService } from '../progress/weekly-digest-service';
import { ProcessConsents } from '../sandbox/process-consent';
import { Visualizer } from '../visualize/visualizer';
import { RunCoordinator } from '../sandbox/run-coordinator';
import { RunHistory } from '../sandbox/run-history';
import { SandboxService } from '../sandbox/sandbox-service';
import type { ProcessGate } from '../sandbox/sandbox-options';
import { SettingsService } from '../settings/settings-service';
import { SyncService } from '../sync/sync-service';
import { LeaderboardService } from '../leaderboard/leaderboard-service';
import { CertificatesService } from '../certificates/certificates-service';
import { loadOrCreateDeviceKey, type DeviceKey } from '../certificates/device-key';
import { defaultShell, TerminalService } from '../terminal/terminal-service';
import { LessonActivity } from '../lesson/lesson-activity';
import type { LessonSources } from '../lesson/lesson-sources';
import { WorkspaceService, type StarterSource } from '../workspace/workspace-service';
import type { Store } from '../store/open-store';
import type { EventBus } from '../ipc/event-bus';
import { encryptedFileSecretStore } from '../secrets/secret-store';
import { createTutorService, type TutorService } from '../tutor/tutor-service';
import { tutorSources } from '../tutor/tutor-sources';
import { PythonLanguageService } from '../language/python-language-service';
import { messageOf } from '../../preload/contract/errors';
import { defaultEnvConfig, type AppConfig } from './app-config';
import { readOrCreateInstallId } from '../update/install-id';
import { MasteryStore } from '../learner/mastery-store';
import { learningMetrics } from '../learner/metrics-service';
import { PathService } from '../path/path-service';
import { PlacementService } from '../path/placement-service';
import { quizBank } from '../path/placement-bank';
import { ExamService } from '../exam/exam-service';
import { ServerExamService } from '../exam/server-exam';
import { ServerProjectReview } from '../project/server-review';
import { ProjectStore } from '../project/project-store';
import { tutorInterviewer } from '../exam/tutor-interviewer';
import { ProjectService } from '../project/project-service';
import { projectGuideFor } from '../project/project-guide';
import { UPDATE_CHECK_INTERVAL_MS, UpdateService } from '../update/update-service';

/** Every service, built once from the store; the handlers reach them through this, typed. */
export interface Services {
  readonly store: Store;
  readonly events: EventBus;
  readonly profile: ProfileService;
  readonly settings: SettingsService;
  readonly workspace: WorkspaceService;
  readonly terminal: TerminalService;
  readonly lessonActivity: LessonActivity;
  readonly sandbox: SandboxService;
  /** Run and Check as the learner starts them: the run registry, output to the window, grading, the lesson's completion. */
  readonly runs: RunCoordinator;
  /** Execution traces for the step-through visualiser. */
  readonly visualizer: Visualizer;
  /** The one owner of code_executions. */
  readonly runHistory: RunHistory;
  readonly processConsents: ProcessConsents;
  readonly tutor: TutorService;
  readonly progress: ProgressService;
  /** The learner model as stored: mastery per concept, fed inside the transactions that record evidence. */
  readonly mastery: MasteryStore;
  readonly practice: PracticeService;
  /** The learner's path: preferences, tested-out lessons, Next up, what the tutor hears of the learner. */
  readonly path: PathService;
  readonly placement: PlacementService;
  readonly streakReminders: StreakReminderService;
  /** Announces last week's digest once a week. */
  readonly weeklyDigest: WeeklyDigestService;
  readonly sync: SyncService;
  readonly leaderboard: LeaderboardService;
  readonly certificates: CertificatesService;
  readonly courses: CourseService;
  readonly language: PythonLanguageService;
  readonly update: UpdateService;
  /** The Silver exam: attempts, its clock and grading. */
  readonly exam: ExamService;
  /** The Silver exam the sync server runs and grades, when signed in. */
  readonly serverExam: ServerExamService;
  /** Gold projects sent to the sync server's review queue. */
  readonly projectReview: ServerProjectReview;
  /** The Gold project: briefs, milestones, submissions checked in the sandbox, rubric reviews. */
  readonly project: ProjectService;
}

/**
 * Builds every service once, in dependency order: each receives the ones it needs as the narrow
 * interface its consumer declares (StarterSource, LessonSources, CourseAchievementSource,
 * TutorCourseContent, ProcessGate, ...), never the whole `Services`.
 *
 *   settings, profile, secrets -> courses -> progress, practice -> workspace, terminal -> run history
 *   -> lesson activity -> process consents, sandbox -> runs -> tutor -> streak reminders
 *   -> sync -> leaderboard, certificates -> language
 *
 * The one cycle (courses' installs must reach every window, while progress and the tutor read
 * courses) is broken by an event: the course service only calls `onChange`, which emits
 * courses.changed on the bus, so it depends on nothing built after it.
 */
export function createServices(store: Store, events: EventBus, config: AppConfig): Services {
  const now = config.now ?? Date.now;
  const env = config.env ?? defaultEnvConfig();
  const { logger } = config;
  const settings = new SettingsService(store, now);
  const profile = new ProfileService(store, now);
  const secrets = config.secrets ?? encryptedFileSecretStore(config.dataDir, config.env?.keyDir);
  logger.info(`secrets: ${secrets.protection}`);

  // Built-ins installed while starting need no event: windows load the catalog after start-up.
  let coursesStarted = false;
  const courses = new CourseService(store, config.dataDir, now, undefined, (courseId) => coursesStarted && events.emit('courses.changed', { courseId }));
  installBuiltinCourses(courses, config);
  coursesStarted = true;

  // Course bundles may add achievements (course.yaml `achievements:`).
  const courseAchievements: CourseAchievementSource = async (courseId) => courses.getCourse(courseId)?.achievements ?? null;
  const progress = new ProgressService(store, { now, events, warn: (message) => logger.warn(message), courseAchievements });
  const timezone = () => profile.get().timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Spaced review (Practice): cards due by the end of the learner's local day.
  const mastery = new MasteryStore(store);
  const learnerCards = new LearnerCards(store, { now, courseDir: (courseId) => courses.catalog.courseDir(courseId), warn: (message) => logger.warn(message) });
  const practice = new PracticeService(store, {
    now,
    timezone,
    mastery,
    generated: () => learnerCards.cards(),
    changed: (dueCount) => events.emit('practice.changed', { dueCount }),
  });
  const path = new PathService(store, {
    now,
    timezone,
    goal: () => profile.get().goal,
    lastCourseId: () => settings.get().lastLesson?.courseId ?? null,
    dueReviews: () => practice.dueCount(),
  });
  const placement = new PlacementService({
    mastery,
    concepts: (courseId) => path.data.concepts(courseId),
    bank: async (courseId) => quizBank({ lessons: (id) => path.data.lessons(id), lesson: (id, lessonId) => courses.getLesson(id, lessonId) }, courseId),
    testedOut: (courseId) => path.course(courseId).testedOut,
    now,
  });

  // Starter files come from the lesson's exercise.
  const starters: StarterSource = async (courseId, lessonId) => courses.getExercise(courseId, lessonId)?.files ?? null;
  const workspace = new WorkspaceService(store, config.dataDir, starters, now);
  workspace.onExternalChange((change) => {
    for (const sessionId of workspace.viewersOf(change.courseId, change.lessonId)) events.emit('workspace.changed', change, sessionId);
  });
  const terminal = new TerminalService(
    {
      data: (sessionId, id, data) => events.emit('terminal.data', { id, data }, sessionId),
      exit: (sessionId, id, exitCode) => events.emit('terminal.exit', { id, exitCode }, sessionId),
    },
    { shell: () => defaultShell(env.terminal.shell), env: env.terminal.env },
    (courseId, lessonId) => terminalFolder(config.dataDir, workspace, courseId, lessonId),
  );
  events.onSessionEnd((sessionId) => {
    terminal.endSession(sessionId);
    void workspace.endSession(sessionId);
  });

  const runHistory = new RunHistory(store, now);
  const lessonSources: LessonSources = {
    getLesson: async (courseId, lessonId) => courses.getLesson(courseId, lessonId),
    getExercise: async (courseId, lessonId) => courses.getExercise(courseId, lessonId),
    keys: async (courseId, lessonId) => courses.getLessonKeys(courseId, lessonId),
    lastCheck: (courseId, lessonId) => runHistory.lastCheck(courseId, lessonId),
    review: (cards) => practice.add(cards),
    mastery,
    record: async (event) => {
      try {
        await progress.record(event);
      } catch (error) {
        // The lesson stays completed; XP can be recomputed from lesson_progress later.
        logger.warn(`progress did not take ${event.kind}: ${messageOf(error)}`);
      }
    },
    checksBefore: (courseId, lessonId, checkId) => runHistory.checksBefore(courseId, lessonId, checkId),
  };
  const lessonActivity = new LessonActivity(store, lessonSources, now);

  const processConsents = new ProcessConsents(store, now);
  const processGate: ProcessGate = {
    allowed: () => settings.get().sandbox.allowProcess,
    consent: (courseId) => processConsents.state(courseId),
    course: (courseId) => processConsents.installed(courseId),
  };
  const sandbox = new SandboxService({
    // The runtime of the driver in use (Docker's containers, else the WebAssembly workers) warms
    // once start-up is done (the window shown, serve listening), so the first Run or Check does
    // not wait for it; without that signal (tests, the CLI) only when DRONA_SANDBOX_PREWARM=1.
    prewarm: env.sandbox.prewarm ?? (config.mode === 'electron' || config.startupDone !== undefined),
    ...(config.startupDone ? { prewarmAfter: config.startupDone } : {}),
    ...(env.sandbox.driver ? { driver: env.sandbox.driver } : {}),
    environment: env.sandbox,
    log: (message) => logger.info(`sandbox: ${message}`),
    processGate,
    dataDir: config.dataDir,
  });
  const runs = new RunCoordinator({
    sandbox,
    history: runHistory,
    exercise: (courseId, lessonId) => courses.getExercise(courseId, lessonId),
    checkPassed: (check) => lessonActivity.checkPassed(check),
    checkRecorded: (check) => lessonActivity.checkRecorded(check),
    events,
    log: (message) => logger.info(`sandbox: ${message}`),
  });
  const visualizer = new Visualizer({ sandbox, exercise: (courseId, lessonId) => courses.getExercise(courseId, lessonId) });

  const tutor = createTutorService({
    store,
    events,
    settings,
    secrets,
    sources: tutorSources({ courses, workspace, hints: lessonActivity, store, logger, now }),
    logger,
    now,
    runs: runHistory,
    review: (cards) => practice.add(cards),
    learner: (courseId, lessonId) => path.tutorContext(courseId, lessonId),
    mentor: (courseId) => path.mentorContext(courseId, learningMetrics(store, now(), timezone())),
    anthropicBaseUrl: env.tutor.anthropicBaseUrl,
  });
  // Built after lesson activity (the tutor reveals hints through it); a reflection's question back is the Mentor's.
  lessonSources.askBack = (courseId, lessonId, reflection) => tutor.asking.reflectionQuestion(courseId, lessonId, reflection);
  lessonSources.judgeFree = (courseId, lessonId, step, answer) => tutor.asking.guidedJudgement(courseId, lessonId, step, answer);
  lessonSources.reviewMilestone = (courseId, lessonId, milestone, acceptance) => tutor.asking.milestoneReview(courseId, lessonId, milestone, acceptance);

  const streakReminders = new StreakReminderService(store, {
    now,
    learner: () => profile.get(),
    settings: () => settings.get().streakReminder,
    streak: () => progress.state().streak,
    nextLesson: () => recommendedLesson(store),
    announce: (reminder) => events.emit('progress.streakReminder', reminder),
    warn: (message) => logger.warn(`progress: ${message}`),
  });

  const weeklyDigest = new WeeklyDigestService(store, {
    now,
    timezone,
    enabled: () => profile.get().gamificationMode !== 'off',
    announce: (notice) => events.emit('progress.digestReady', notice),
    warn: (message) => logger.warn(`progress: ${message}`),
  });

  const sync = new SyncService(store, {
    now,
    presetUrl: config.organisation?.profile.syncServer ?? env.sync.presetUrl,
    intervalMs: env.sync.intervalMs,
    timezone,
    secrets,
    onChange: (status) => events.emit('sync.changed', status),
    warn: (message) => logger.warn(`sync: ${message}`),
    record: (event) => progress.record(event),
    onRestoreProgress: (sofar) => events.emit('account.restoreProgress', sofar),
  });
  const leaderboard = new LeaderboardService(store, sync, now);
  let deviceKey: DeviceKey | undefined;
  const certificates = new CertificatesService(store, {
    sync,
    courses,
    progress,
    timezone,
    now,
    warn: (message) => logger.warn(`certificates: ${message}`),
    learnerName: () => profile.get().name,
    deviceKey: () => (deviceKey ??= loadOrCreateDeviceKey(config.dataDir)),
  });

  const exam = new ExamService(store, {
    now,
    course: (courseId) => {
      const [dir, course] = [courses.catalog.courseDir(courseId), courses.getCourse(courseId)];
      return dir && course ? { dir, title: course.title, version: course.version } : null;
    },
    check: (input, exercise, sessionId) => runs.checkExercise(input, exercise, sessionId),
    interviewer: () => tutorInterviewer(tutor.config, tutor.providerFor),
  });
  const serverExam = new ServerExamService(store, {
    session: sync,
    now,
    courseDir: (courseId) => courses.catalog.courseDir(courseId),
    warn: (message) => logger.warn(message),
  });
  const project = new ProjectService(store, {
    now,
    course: (courseId) => {
      const [dir, course] = [courses.catalog.courseDir(courseId), courses.getCourse(courseId)];
      return dir && course ? { dir, title: course.title, language: course.languages[0] ?? 'python' } : null;
    },
    check: (input, exercise, sessionId) => runs.checkExercise(input, exercise, sessionId),
    guide: () => projectGuideFor(tutor.config, tutor.providerFor, (message) => logger.warn(`project: ${message}`)),
    warn: (message) => logger.warn(`project: ${message}`),
  });

  let installId: string | null = null;
  const update = new UpdateService({
    updater: config.updater ?? null,
    unsupportedReason:
      config.mode === 'serve' ? 'Serve mode runs the version installed here; the desktop app updates itself.' : 'This build has no update feed.',
    currentVersion: config.version,
    installId: () => (installId ??= readOrCreateInstallId(config.dataDir)),
    channel: () => settings.get().updates.channel,
    examRunning: () => exam.running(),
    intervalMs: UPDATE_CHECK_INTERVAL_MS,
    now,
    onChange: (status) => events.emit('update.changed', status),
    warn: (message) => logger.warn(`update: ${message}`),
  });
  const services: Services = {
    store,
    events,
    settings,
    profile,
    courses,
    progress,
    mastery,
    workspace,
    terminal,
    lessonActivity,
    processConsents,
    sandbox,
    runs,
    visualizer,
    runHistory,
    tutor,
    practice,
    path,
    placement,
    streakReminders,
    weeklyDigest,
    sync,
    leaderboard,
    certificates,
    language: new PythonLanguageService(),
    update,
    exam,
    serverExam,
    project,
    projectReview: new ServerProjectReview(store, new ProjectStore(store), sync, now),
  };
  // In the background, once start-up is done (the server listens, the window shows), so the first
  // checks never delay the first paint. One-shot CLI commands do without: a course import must
  // not sync or record the evening's reminder.
  if (config.backgroundWork !== false) {
    // Closed meanwhile (the app quit, or its data was erased and a new store opened): nothing to start.
    const stopped = () => !store.sqlite.open;
    const startBackground = () => {
      if (stopped()) return;
      sync.start();
      streakReminders.start();
      weeklyDigest.start();
      update.start();
      // Fading concepts and newly met ones get their cards before the HUD first counts what is due.
      setImmediate(() => {
        try {
          if (!stopped()) practice.refresh();
        } catch (error) {
          // Nothing is lost: the same cards are offered again when Practice next lists what is due.
          logger.warn(`practice: ${messageOf(error)}`);
        }
      });
    };
    if (config.startupDone) void config.startupDone.then(startBackground);
    else startBackground();
  }
  return services;
}

/** The lesson's workspace when it exists; otherwise the folder that holds every workspace (created). */
function terminalFolder(dataDir: string, workspace: WorkspaceService, courseId?: string, lessonId?: string): string {
  if (courseId && lessonId) {
    const root = workspace.rootOf(courseId, lessonId);
    if (fs.existsSync(root)) return root;
  }
  const all = path.join(dataDir, 'workspaces');
  fs.mkdirSync(all, { recursive: true });
  return all;
}

function installBuiltinCourses(courses: CourseService, config: AppConfig): void {
  const shipped = config.builtinCoursesDir === undefined;
  const builtinDir = shipped ? path.join(packageRoot(), 'courses') : config.builtinCoursesDir;
  if (!builtinDir) return;
  // The shipped folders were hashed by the build (scripts/build.mjs); another folder is fingerprinted by its stats.
  const buildFingerprints = shipped ? readBuildFingerprints(path.join(packageRoot(), 'dist', 'main', BUILD_FINGERPRINTS_FILE)) : {};
  const { results, failures } = courses.installBuiltins(builtinDir, buildFingerprints);
  for (const result of results)
    if (result.outcome !== 'unchanged') config.logger.info(`courses: ${result.outcome} built-in ${result.courseId} ${result.version}`);
  for (const failure of failures) config.logger.warn(`courses: built-in course in ${failure.dir} was not installed:\n${failure.message}`);
}

/** Handlers ask for the services at call time: while the store awaits recovery there are none. */
export type ServicesAccess = () => Services;
