// The sandbox as the rest of the app sees it: Run and Check learner code through the Docker
// driver (isolated, warm pool), else the WebAssembly driver (isolated, no install) or, only when
// someone chose it, the process driver (not isolated; driver-choice.ts has the rule).
// Over 350 lines on purpose: which driver holds (Docker's probe and back-off, image builds, the
// WebAssembly warm-up) decides every Run, Check and Visualize, so that state and its uses stay in
// one class; the rules themselves live beside it (driver-choice, commands, limits, refusals).
import type Docker from 'dockerode';
import path from 'node:path';
import type { ImageBuildProgress, RunResult, SandboxFile, SandboxLanguage, SandboxStatus } from '../../preload/contract/sandbox';
import { messageOf } from '../../preload/contract/errors';
import { sandboxLanguages } from '../../preload/contract/sandbox';
import { checkResultFrom, type GradedCheck } from './check-results';
import { checkPlan, runPlan, type CommandPlan } from './commands';
import { DockerDriver, probeDocker } from './docker-driver';
import type { ExecOptions, ExecOutcome, SandboxDriver } from './driver';
import { chooseDriver, type DriverRequest } from './driver-choice';
import { buildImageOffline, buildImageOnline, imageExists } from './image-build';
import { checkExtraMs, resolveLimits, type SandboxLimits } from './limits';
import { notIsolatedWarning, ProcessDriver } from './process-driver';
import { classifyRun, diagnosticsFrom } from './run-outcome';
import { runnerImage, sandboxRoot, shippedSnapshotDir } from './runner-images';
import { traceModule } from './wasm/job';
import { WasmDriver } from './wasm/wasm-driver';
import { harnessFiles } from './harness-files';
import { refusalMessage, refuseUnfit, sandboxError } from './refusals';
import type { CheckRequest, RunRequest, SandboxServiceOptions } from './sandbox-options';

/** The CLI's way: an author running their own code names the driver. */
export const cliUnisolatedHint = 'run your own code directly on this computer (not isolated) with --driver process';

/** 'auto' without Docker asks again no sooner than this after a failed probe; each failure in a row doubles it, up to REPROBE_MAX_MS. */
const REPROBE_MS = 5000;
const REPROBE_MAX_MS = 60_000;
/** How long after its first call serve mode waits before loading the WebAssembly runtimes. */
const IDLE_WARM_UP_MS = 1500;

export class SandboxService {
  private readonly builds = new Map<SandboxLanguage, ImageBuildProgress>();
  private readonly imagesPresent = new Map<SandboxLanguage, boolean>();

  private readonly processDriver: ProcessDriver;
  private readonly wasmDriver: WasmDriver;
  private dockerDriver: DockerDriver | null = null;
  private dockerProblem: string | null = null;
  private docker: Docker | null = null;
  private dockerVersion = '';
  /** When 'auto' may ask Docker again, and the wait after the next failed probe. */
  private nextProbeAt = 0;
  private reprobeEveryMs = REPROBE_MS;
  private reprobing: Promise<void> | null = null;
  private readonly log: (message: string) => void;
  private starting: Promise<void> | null = null;
  private idleWarmUp: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * Chooses the driver (probing Docker, removing stale containers, warming up) at once when asked
   * to prewarm, else on first use, so that loading dockerode and asking Docker stay out of a
   * serve-mode start-up; every call waits for it.
   */
  constructor(private readonly options: SandboxServiceOptions = {}) {
    this.log = options.log ?? (() => undefined);
    this.processDriver = new ProcessDriver(options.environment?.childPath);
    this.wasmDriver = new WasmDriver({
      harnessDir: path.join(sandboxRoot(), 'harness', 'wasm'),
      spare: options.warm ?? true,
      ...(options.dataDir ? { snapshotDir: path.join(options.dataDir, 'cache', 'sandbox') } : {}),
      shippedSnapshotDir: shippedSnapshotDir(),
      log: this.log,
    });
    // The next call gets the failure too; logging it here tells why the first Run waits or is refused.
    if (!options.prewarm) return;
    const prewarm = () => {
      if (!this.closed) void this.ready().catch((error) => this.log(`the sandbox could not start ahead of the first Run: ${messageOf(error)}`));
    };
    if (options.prewarmAfter) void options.prewarmAfter.then(prewarm);
    else prewarm();
  }

  private ready(): Promise<void> {
    if (!this.starting) {
      this.starting = this.init();
      // A failed start is reported to whoever calls next, never as an unhandled rejection.
      this.starting.catch(() => undefined);
    }
    return this.starting;
  }

  static async create(options: SandboxServiceOptions = {}): Promise<SandboxService> {
    const service = new SandboxService(options);
    await service.ready();
    return service;
  }

  private get request(): DriverRequest {
    return this.options.driver ?? 'auto';
  }

  private async init(): Promise<void> {
    const choice = this.request;
    if (choice !== 'process' && choice !== 'wasm') await this.connectDocker();
    if (!this.dockerDriver && choice === 'docker') throw new Error(`Docker did not answer: ${this.dockerProblem}`);
    // Without Docker, the WebAssembly runtimes load ahead of the first Run: at once when asked to
    // prewarm (the desktop app), else (serve mode) a moment after the first call, which comes as
    // the page first draws, so the load does not compete with it. A one-shot CLI run keeps no spare.
    if (this.dockerDriver || choice === 'process') return;
    if (this.options.prewarm) this.wasmDriver.prewarm(sandboxLanguages);
    else if (this.options.warm ?? true) this.idleWarmUp = setTimeout(() => this.wasmDriver.prewarm(sandboxLanguages), IDLE_WARM_UP_MS).unref();
  }

  /** Probes Docker and, when it answers, sets up its driver; else keeps the reason. */
  private async connectDocker(): Promise<void> {
    // dockerode loads here, not at start-up: it costs about 130 ms that the process driver never needs.
    const docker = this.options.docker ?? new (await import('dockerode')).default();
    const probe = await probeDocker(docker);
    if (!probe.ok) {
      this.dockerProblem = probe.reason;
      this.nextProbeAt = Date.now() + this.reprobeEveryMs;
      this.reprobeEveryMs = Math.min(this.reprobeEveryMs * 2, REPROBE_MAX_MS);
      return;
    }
    this.dockerProblem = null;
    const driver = new DockerDriver({
      docker,
      imageFor: (language) => runnerImage(language).ref,
      warm: this.options.warm ?? true,
      log: this.log,
      dataDir: this.options.dataDir,
    });
    await driver.reap().catch((error) => this.log(`could not remove stale sandbox containers: ${messageOf(error)}`));
    this.docker = docker;
    this.dockerDriver = driver;
    this.dockerVersion = probe.version;
    await this.refreshImages();
    if (this.options.prewarm) this.warmUp();
  }

  /**
   * Warms `language`'s runtime now, as a lesson with an exercise in it opens (when the app warms
   * at all): starts the sandbox if start-up has not yet, and a container or worker for `language`
   * unless one is warm or on its way. The Check that follows takes that same one, never a second.
   */
  warm(language: SandboxLanguage): void {
    if (this.closed || !this.options.prewarm) return;
    void this.ready()
      .then(() => {
        if (this.closed) return;
        if (this.dockerDriver) {
          if (this.imagesPresent.get(language)) this.dockerDriver.prewarm([language]);
        } else if (this.request !== 'process') this.wasmDriver.prewarm([language]);
      })
      .catch((error) => this.log(`the sandbox could not warm up for a lesson: ${messageOf(error)}`));
  }

  /** Starts a warm container for every language whose image is present (in the background). */
  private warmUp(): void {
    this.dockerDriver?.prewarm(sandboxLanguages.filter((language) => this.imagesPresent.get(language)));
  }

  /** The driver for code from `courseId` (null: no course), or why none may run it. */
  private choose(courseId: string | null): { driver: SandboxDriver } | { refused: RunResult } {
    const gate = this.options.processGate;
    const choice = chooseDriver({
      request: this.request,
      dockerAvailable: this.dockerDriver !== null,
      wasmAvailable: true,
      processAllowed: gate?.allowed() ?? false,
      consent: gate ? gate.consent(courseId) : 'not-needed',
    });
    if ('driver' in choice)
      return { driver: choice.driver === 'docker' ? this.dockerDriver! : choice.driver === 'wasm' ? this.wasmDriver : this.processDriver };
    const course = courseId && choice.refused === 'needs-consent' ? gate?.course(courseId) : null;
    const message = refusalMessage(choice.refused, {
      dockerProblem: this.dockerProblem,
      ...(course ? { courseTitle: course.title } : {}),
      ...(this.options.unisolatedHint ? { unisolatedHint: this.options.unisolatedHint } : {}),
    });
    return {
      refused: {
        ...sandboxError('none', message),
        ...(course && courseId ? { needsConsent: { courseId, courseTitle: course.title, version: course.version } } : {}),
      },
    };
  }

  /** The driver that runs code from no course ('none' when none may). */
  async driverName() {
    await this.ready();
    const chosen = this.choose(null);
    return 'driver' in chosen ? chosen.driver.name : 'none';
  }

  private async refreshImages(): Promise<void> {
    if (!this.docker) return;
    for (const language of sandboxLanguages) {
      this.imagesPresent.set(language, await imageExists(this.docker, runnerImage(language).ref));
    }
  }

  /** A sandbox-error result when the runner image for `language` is missing, else null. */
  private async missingImage(language: SandboxLanguage): Promise<RunResult | null> {
    if (!this.docker) return null;
    if (!this.imagesPresent.get(language)) await this.refreshImages();
    if (this.imagesPresent.get(language)) return null;
    return sandboxError(
      'docker',
      `The ${language} runner image (${runnerImage(language).ref}) is not built yet. Build it from the status bar ("Build image") or with: drona sandbox build --offline`,
    );
  }

  private toRunResult(driver: SandboxDriver, language: SandboxLanguage, outcome: ExecOutcome, limits: SandboxLimits): RunResult {
    const classified = classifyRun(language, outcome.end, outcome.stderr, limits);
    const diagnostics = classified.outcome === 'failed' ? diagnosticsFrom(language, outcome.stderr, outcome.workDir) : [];
    return {
      outcome: classified.outcome,
      exitCode: classified.exitCode,
      durationMs: outcome.durationMs,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      truncated: outcome.truncated,
      diagnostics,
      driver: driver.name,
      message: driver.isolated ? classified.message : `${classified.message} (Not isolated.)`,
    };
  }

  private async execute(driver: SandboxDriver, language: SandboxLanguage, plan: CommandPlan, limits: SandboxLimits, options: ExecOptions) {
    return driver.execute(
      { language, files: plan.files, argv: plan.argv, env: plan.env, limits, ...(plan.resultsFile ? { resultsFile: plan.resultsFile } : {}) },
      options,
    );
  }

  /**
   * 'auto' without Docker asks again, when due (5 s after the first failed probe, then twice as
   * long after each failure in a row, up to a minute): the learner may have been told to start
   * Docker, so a Run soon after must notice it. The probe's promise, or null when none is due.
   */
  private dockerAgain(): Promise<void> | null {
    if (this.dockerDriver || this.request !== 'auto' || Date.now() < this.nextProbeAt) return this.reprobing;
    this.reprobing ??= this.connectDocker()
      .catch((error) => this.log(`asking Docker again failed: ${messageOf(error)}`))
      .finally(() => (this.reprobing = null));
    return this.reprobing;
  }

  /**
   * The driver for this request, or the result that says why nothing ran (no driver, or a missing
   * image). A run that an isolated driver (WebAssembly) would take does not wait for Docker's
   * answer: it runs now, and Docker, if it answers, takes the next one.
   */
  private async driverFor(courseId: string | undefined, language: SandboxLanguage): Promise<{ driver: SandboxDriver } | { refused: RunResult }> {
    await this.ready();
    const probing = this.dockerAgain();
    let chosen = this.choose(courseId ?? null);
    if (probing && !('driver' in chosen && chosen.driver.isolated)) {
      await probing;
      chosen = this.choose(courseId ?? null);
    }
    if ('refused' in chosen || chosen.driver !== this.dockerDriver) return chosen;
    const missing = await this.missingImage(language);
    return missing ? { refused: missing } : chosen;
  }

  async run(request: RunRequest, options: ExecOptions = {}): Promise<RunResult & { waitMs: number }> {
    refuseUnfit(request.files);
    const chosen = await this.driverFor(request.courseId, request.language);
    if ('refused' in chosen) return { ...chosen.refused, waitMs: 0 };
    const limits = resolveLimits(request.limits);
    const outcome = await this.execute(
      chosen.driver,
      request.language,
      runPlan(request.language, request.files, request.entry, limits, harnessFiles(request.language)),
      limits,
      options,
    );
    return { ...this.toRunResult(chosen.driver, request.language, outcome, limits), waitMs: outcome.waitMs };
  }

  async check(request: CheckRequest, options: ExecOptions = {}): Promise<GradedCheck & { waitMs: number }> {
    refuseUnfit(request.files);
    const chosen = await this.driverFor(request.courseId, request.language);
    if ('refused' in chosen)
      return { status: 'error', message: chosen.refused.message, tests: [], durationMs: 0, driver: chosen.refused.driver, run: chosen.refused, waitMs: 0 };
    const base = resolveLimits(request.limits);
    const limits = { ...base, timeoutMs: base.timeoutMs + checkExtraMs };
    const plan = checkPlan(request.language, request.files, request.tests, harnessFiles(request.language), limits, request.support);
    const outcome = await this.execute(chosen.driver, request.language, plan, limits, options);
    const run = this.toRunResult(chosen.driver, request.language, outcome, limits);
    const checked = checkResultFrom(outcome.results, run);
    return { ...checked, durationMs: outcome.durationMs, driver: chosen.driver.name, waitMs: outcome.waitMs };
  }

  /**
   * Runs the visualiser's tracer (drona_trace.py) on `files`: always in the WebAssembly runtime,
   * isolated whatever driver Run uses, since only Pyodide records traces. `request` is its JSON.
   */
  async trace(files: readonly SandboxFile[], request: string, limits: SandboxLimits): Promise<{ results?: string; run: RunResult }> {
    refuseUnfit(files);
    const outcome = await this.wasmDriver.execute({ language: 'python', files, argv: ['python3', '-m', traceModule, request], env: {}, limits });
    return { ...(outcome.results !== undefined ? { results: outcome.results } : {}), run: this.toRunResult(this.wasmDriver, 'python', outcome, limits) };
  }

  /** Which driver runs code now; for the process driver, courses still ask once each in the app. */
  async status(): Promise<SandboxStatus> {
    await this.ready();
    const chosen = this.choose(null);
    const driver = 'driver' in chosen ? chosen.driver : null;
    const dockerNote = this.dockerProblem ? ` (No Docker engine answered: ${this.dockerProblem})` : '';
    const detail =
      'refused' in chosen
        ? chosen.refused.message
        : driver === this.dockerDriver
          ? `Docker ${this.dockerVersion}: every run is isolated in a container.`
          : driver === this.wasmDriver
            ? `WebAssembly (Pyodide for Python, QuickJS for JavaScript): every run is isolated in a worker of its own, with no access to your files or the network.${dockerNote}`
            : `${notIsolatedWarning}${dockerNote}${this.options.processGate ? ' Each course asks once before its code runs this way.' : ''}`;
    return {
      driver: driver?.name ?? 'none',
      isolated: driver?.isolated ?? false,
      detail,
      images: this.docker
        ? sandboxLanguages.map((language) => ({ language, tag: runnerImage(language).ref, present: this.imagesPresent.get(language) ?? false }))
        : [],
      warm: driver?.warmLanguages() ?? [],
      builds: [...this.builds.values()],
    };
  }

  /** The status after looking at the images again (an image may have been built meanwhile). */
  async refreshedStatus(): Promise<SandboxStatus> {
    await this.ready();
    await this.dockerAgain();
    await this.refreshImages();
    return this.status();
  }

  /**
   * Builds the runner image for `language`: offline from Debian packages when this process
   * may run debootstrap (root), else with the Dockerfile (needs a registry).
   */
  async buildImage(language: SandboxLanguage, onProgress?: (progress: ImageBuildProgress) => void, offline?: boolean): Promise<void> {
    await this.ready();
    if (!this.docker) throw new Error('No Docker engine answered, so there is nothing to build an image into. Install and start Docker first.');
    const running = this.builds.get(language);
    if (running?.state === 'running') throw new Error(`The ${language} image is already being built.`);
    const image = runnerImage(language);
    const report = (progress: ImageBuildProgress) => {
      this.builds.set(language, progress);
      onProgress?.(progress);
    };
    const useOffline = offline ?? process.getuid?.() === 0;
    try {
      if (useOffline) await buildImageOffline(this.docker, image, { onProgress: report, ...this.options.environment });
      else await buildImageOnline(this.docker, image, { onProgress: report });
      this.imagesPresent.set(language, true);
      this.dockerDriver?.prewarm([language]);
    } catch (error) {
      report({ language, state: 'failed', percent: this.builds.get(language)?.percent ?? 0, step: 'Build failed', error: messageOf(error) });
      throw error;
    }
  }

  /** Resolves when the pool has finished cleaning, removing and replacing containers (for tests and benchmarks). */
  async settled(): Promise<void> {
    await this.starting?.catch(() => undefined); // a failed start was reported to its callers
    await this.dockerDriver?.settled();
  }

  async close(): Promise<void> {
    this.closed = true;
    // Never started (nothing ran): there is nothing to close, and no reason to ask Docker now.
    await this.starting?.catch(() => undefined); // a failed start was reported to its callers
    if (this.idleWarmUp) clearTimeout(this.idleWarmUp);
    await this.dockerDriver?.close();
    await this.processDriver.close();
    await this.wasmDriver.close();
  }
}
