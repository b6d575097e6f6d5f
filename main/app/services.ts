import path from 'node:path';
import { CourseService } from '../courses/course-service';
import { ProfileService } from '../profile/profile-service';
import { packageRoot } from './package-info';
import { recommendedLesson } from '../progress/dashboard';
import { ProgressService } from '../progress/progress-service';
import { StreakReminderService } from '../progress/streak-reminder-service';
import { ProcessConsents } from '../sandbox/process-consent';
import { SandboxService } from '../sandbox/sandbox-service';
import { SettingsService } from '../settings/settings-service';
import { SyncService } from '../sync/sync-service';
import { TerminalService } from '../terminal/terminal-service';
import { LessonActivity } from '../workspace/lesson-activity';
import { WorkspaceService, type StarterSource } from '../workspace/workspace-service';
import type { Store } from '../store/open-store';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from './logger';
import { encryptedFileSecretStore, type SecretStore } from '../secrets/secret-store';
import { createTutorService } from '../tutor/tutor-sources';
import type { TutorService } from '../tutor/tutor-service';
import { messageOf } from '../../preload/contract';
import { readOrCreateInstallId } from '../update/install-id';
import type { OrgProfile } from '../organisation/org-profile';
import { UPDATE_CHECK_INTERVAL_MS, UpdateService, type Updater } from '../update/update-service';

export interface AppConfig {
  readonly dataDir: string;
  readonly mode: 'electron' | 'serve';
  readonly version: string;
  readonly logger: Logger;
  readonly migrationsFolder?: string;
  readonly now?: () => number;
  /** Where the tutor's API key is kept; Electron passes its keyring when there is one, else an encrypted file keyed from the user's folder. */
  readonly secrets?: SecretStore;
  /** Sync and the streak reminder run in the background unless this is false (one-shot CLI commands). */
  readonly backgroundWork?: boolean;
  /** Folder whose course folders are installed as built-in courses at start-up (default: the app's courses/); null for none. */
  readonly builtinCoursesDir?: string | null;
  /** electron-updater behind the Updater port, in a packaged desktop build with a feed; absent elsewhere. */
  readonly updater?: Updater | null;
  /** The organisation profile, already verified by the entry point (serve --org-profile); its locked settings are refused. */
  readonly organisation?: OrgProfile | null;
}

/** Every service, built once from the store; the handlers reach them through this. */
export interface Services {
  readonly store: Store;
  readonly events: EventBus;
  readonly profile: ProfileService;
  readonly settings: SettingsService;
  readonly workspace: WorkspaceService;
  readonly terminal: TerminalService;
  readonly lessonActivity: LessonActivity;
  readonly sandbox: SandboxService;
  readonly processConsents: ProcessConsents;
  readonly tutor: TutorService;
  readonly progress: ProgressService;
  readonly streakReminders: StreakReminderService;
  readonly sync: SyncService;
  readonly courses: CourseService;
  readonly update: UpdateService;
}

export function createServices(store: Store, events: EventBus, config: AppConfig): Services {
  const now = config.now ?? Date.now;
  const secrets = config.secrets ?? encryptedFileSecretStore(config.dataDir);
  config.logger.info(`secrets: ${secrets.protection}`);
  // Starter files come from the lesson's exercise (the course service), looked up at call time.
  const starters: StarterSource = async (courseId, lessonId) => (await services.courses.getExercise(courseId, lessonId))?.files ?? null;
  const workspace = new WorkspaceService(store, config.dataDir, starters, now);
  workspace.onExternalChange((change) => {
    for (const sessionId of workspace.viewersOf(change.courseId, change.lessonId)) events.emit('workspace.changed', change, sessionId);
  });
  const terminal = new TerminalService({
    data: (sessionId, id, data) => events.emit('terminal.data', { id, data }, sessionId),
    exit: (sessionId, id, exitCode) => events.emit('terminal.exit', { id, exitCode }, sessionId),
  });
  events.onSessionEnd((sessionId) => {
    terminal.endSession(sessionId);
    void workspace.endSession(sessionId);
  });
  const lessonActivity = new LessonActivity(
    store,
    {
      getLesson: async (courseId, lessonId) => (await services.courses.getLesson(courseId, lessonId)) ?? null,
      getExercise: async (courseId, lessonId) => (await services.courses.getExercise(courseId, lessonId)) ?? null,
      record: async (event) => {
        try {
          await services.progress.record(event);
        } catch (error) {
          // The lesson stays completed; XP can be recomputed from lesson_progress later.
          config.logger.warn(`progress did not take ${event.kind}: ${messageOf(error)}`);
        }
      },
    },
    now,
  );
  // Built-ins installed while starting need no event: windows load the catalog after start-up.
  let coursesStarted = false;
  const courses = new CourseService(store, config.dataDir, now, undefined, (courseId) => coursesStarted && events.emit('courses.changed', { courseId }));
  const builtinDir = config.builtinCoursesDir === undefined ? path.join(packageRoot(), 'courses') : config.builtinCoursesDir;
  if (builtinDir) {
    const { results, failures } = courses.installBuiltins(builtinDir);
    for (const result of results) if (result.outcome !== 'unchanged') config.logger.info(`courses: ${result.outcome} built-in ${result.courseId} ${result.version}`);
    for (const failure of failures) config.logger.warn(`courses: built-in course in ${failure.dir} was not installed:\n${failure.message}`);
  }
  coursesStarted = true;
  const processConsents = new ProcessConsents(store, now);
  let installId: string | null = null;
  const services: Services = {
    store,
    courses,
    events,
    profile: new ProfileService(store, now),
    settings: new SettingsService(store, now),
    workspace,
    terminal,
    lessonActivity,
    // The desktop app warms one container per language at start-up so the first Run is instant;
    // serve mode (tests, browsers) warms on first use unless DRONA_SANDBOX_PREWARM=1.
    sandbox: new SandboxService({
      prewarm: config.mode === 'electron' || process.env.DRONA_SANDBOX_PREWARM === '1',
      log: (message) => config.logger.info(`sandbox: ${message}`),
      processGate: {
        allowed: () => services.settings.get().sandbox.allowProcess,
        consent: (courseId) => processConsents.state(courseId),
        course: (courseId) => processConsents.installed(courseId),
      },
      dataDir: config.dataDir,
    }),
    processConsents,
    tutor: createTutorService({ store, events, logger: config.logger, now, secrets }, () => services),
    progress: new ProgressService(store, {
      now,
      events,
      warn: (message) => config.logger.warn(message),
      // Course bundles may add achievements (course.yaml `achievements:`), read through the course service when it exists.
      courseAchievements: async (courseId) => (await services.courses.getCourse(courseId))?.achievements ?? null,
    }),
    streakReminders: new StreakReminderService(store, {
      now,
      learner: () => services.profile.get(),
      settings: () => services.settings.get().streakReminder,
      streak: () => services.progress.state().streak,
      nextLesson: () => recommendedLesson(store),
      announce: (reminder) => events.emit('progress.streakReminder', reminder),
      warn: (message) => config.logger.warn(`progress: ${message}`),
    }),
    sync: new SyncService(store, {
      now,
      presetUrl: process.env.DRONA_SYNC_SERVER_URL ?? '',
      intervalMs: Number(process.env.DRONA_SYNC_INTERVAL_MS) || 60_000,
      timezone: () => services.profile.get().timezone || Intl.DateTimeFormat().resolvedOptions().timeZone,
      secrets,
      courses: () => services.courses,
      progress: () => services.progress,
      onChange: (status) => events.emit('sync.changed', status),
      warn: (message) => config.logger.warn(`sync: ${message}`),
    }),
    update: new UpdateService({
      updater: config.updater ?? null,
      unsupportedReason:
        config.mode === 'serve' ? 'Serve mode runs the version installed here; the desktop app updates itself.' : 'This build has no update feed.',
      currentVersion: config.version,
      installId: () => (installId ??= readOrCreateInstallId(config.dataDir)),
      channel: () => services.settings.get().updates.channel,
      // No exam mode exists yet; when it lands, its "exam running" state is read here.
      examRunning: () => false,
      intervalMs: UPDATE_CHECK_INTERVAL_MS,
      now,
      onChange: (status) => events.emit('update.changed', status),
      warn: (message) => config.logger.warn(`update: ${message}`),
    }),
  };
  // In the background: the first drain waits for the event loop, never for start-up. One-shot
  // CLI commands do without: a course import must not sync or record the evening's reminder.
  if (config.backgroundWork !== false) {
    services.sync.start();
    services.streakReminders.start();
    services.update.start();
  }
  return services;
}

/** Handlers ask for the services at call time: while the store awaits recovery there are none. */
export type ServicesAccess = () => Services;
