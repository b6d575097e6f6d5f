// The sandbox as the rest of the app sees it: Run and Check learner code through the Docker
// driver (isolated, warm pool) or, with no Docker engine, the process driver (not isolated).
import type Docker from 'dockerode';
import fs from 'node:fs';
import path from 'node:path';
import type {
  CheckResult,
  ImageBuildProgress,
  RunResult,
  SandboxFile,
  SandboxLanguage,
  SandboxLimitsInput,
  SandboxStatus,
} from '../../preload/contract/sandbox';
import { sandboxLanguages } from '../../preload/contract/sandbox';
import { checkResultFrom } from './check-results';
import { checkPlan, runPlan, type CommandPlan } from './commands';
import { DockerDriver, probeDocker } from './docker-driver';
import type { ExecOptions, ExecOutcome, SandboxDriver } from './driver';
import { buildImageOffline, buildImageOnline, imageExists } from './image-build';
import { checkExtraMs, resolveLimits, type SandboxLimits } from './limits';
import { notIsolatedWarning, ProcessDriver } from './process-driver';
import { classifyRun, diagnosticsFrom } from './run-outcome';
import { runnerImage, sandboxRoot } from './runner-images';

export interface RunRequest {
  readonly language: SandboxLanguage;
  readonly files: readonly SandboxFile[];
  readonly entry: string;
  readonly limits?: SandboxLimitsInput;
}

export interface CheckRequest {
  readonly language: SandboxLanguage;
  readonly files: readonly SandboxFile[];
  readonly tests: readonly SandboxFile[];
  readonly limits?: SandboxLimitsInput;
}

export interface SandboxServiceOptions {
  /** 'auto' (default): Docker when an engine answers, else the process driver. */
  readonly driver?: 'auto' | 'docker' | 'process';
  /** Keep a used container warm for the next run (the app); a one-shot CLI run does not need it. */
  readonly warm?: boolean;
  /**
   * Start a warm container per language at once (the desktop app). Otherwise the first Run of
   * a language starts cold and its container stays warm for the next.
   */
  readonly prewarm?: boolean;
  readonly log?: (message: string) => void;
  readonly docker?: Docker;
  /** The app's data folder: its hash labels the containers with the instance that owns them. */
  readonly dataDir?: string;
}

const harnessCache = new Map<SandboxLanguage, SandboxFile[]>();

/** The harness files sent along with the learner's, read once from sandbox/harness/<language>/. */
export function harnessFiles(language: SandboxLanguage): SandboxFile[] {
  const cached = harnessCache.get(language);
  if (cached) return cached;
  const dir = path.join(sandboxRoot(), 'harness', language);
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.(py|mjs|cjs)$/.test(name))
    .sort()
    .map((name) => ({ path: name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
  harnessCache.set(language, files);
  return files;
}

export class SandboxService {
  private readonly builds = new Map<SandboxLanguage, ImageBuildProgress>();
  private readonly imagesPresent = new Map<SandboxLanguage, boolean>();

  private driver: SandboxDriver = new ProcessDriver();
  private detail = notIsolatedWarning;
  private docker: Docker | null = null;
  private readonly log: (message: string) => void;
  private starting: Promise<void> | null = null;

  /**
   * Chooses the driver (probing Docker, removing stale containers, warming up) at once when asked
   * to prewarm, else on first use, so that loading dockerode and asking Docker stay out of a
   * serve-mode start-up; every call waits for it.
   */
  constructor(private readonly options: SandboxServiceOptions = {}) {
    this.log = options.log ?? (() => undefined);
    if (options.prewarm) void this.ready().catch(() => undefined);
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

  private async init(): Promise<void> {
    const choice = this.options.driver ?? (process.env.DRONA_SANDBOX_DRIVER as SandboxServiceOptions['driver']) ?? 'auto';
    if (choice === 'process') return;
    // dockerode loads here, not at start-up: it costs about 130 ms that the process driver never needs.
    const docker = this.options.docker ?? new (await import('dockerode')).default();
    const probe = await probeDocker(docker);
    if (!probe.ok) {
      if (choice === 'docker') throw new Error(`Docker did not answer: ${probe.reason}`);
      this.detail = `${notIsolatedWarning} (No Docker engine answered: ${probe.reason})`;
      return;
    }
    const driver = new DockerDriver({ docker, imageFor: (language) => runnerImage(language).ref, warm: this.options.warm ?? true, log: this.log, dataDir: this.options.dataDir });
    await driver.reap().catch(() => 0);
    this.docker = docker;
    this.driver = driver;
    this.detail = `Docker ${probe.version}: every run is isolated in a container.`;
    await this.refreshImages();
    if (this.options.prewarm) this.warmUp();
  }

  /** Starts a warm container for every language whose image is present (in the background). */
  private warmUp(): void {
    if (this.driver instanceof DockerDriver) this.driver.prewarm(sandboxLanguages.filter((language) => this.imagesPresent.get(language)));
  }

  async driverName() {
    await this.ready();
    return this.driver.name;
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
    return {
      outcome: 'sandbox-error',
      exitCode: null,
      durationMs: 0,
      stdout: '',
      stderr: '',
      truncated: false,
      diagnostics: [],
      driver: 'docker',
      message: `The ${language} runner image (${runnerImage(language).ref}) is not built yet. Build it from the status bar ("Build image") or with: drona sandbox build --offline`,
    };
  }

  private toRunResult(language: SandboxLanguage, outcome: ExecOutcome, limits: SandboxLimits): RunResult {
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
      driver: this.driver.name,
      message: this.driver.isolated ? classified.message : `${classified.message} (Not isolated.)`,
    };
  }

  private async execute(language: SandboxLanguage, plan: CommandPlan, limits: SandboxLimits, options: ExecOptions) {
    return this.driver.execute({ language, files: plan.files, argv: plan.argv, env: plan.env, limits, ...(plan.resultsFile ? { resultsFile: plan.resultsFile } : {}) }, options);
  }

  async run(request: RunRequest, options: ExecOptions = {}): Promise<RunResult & { waitMs: number }> {
    await this.ready();
    const missing = await this.missingImage(request.language);
    if (missing) return { ...missing, waitMs: 0 };
    const limits = resolveLimits(request.limits);
    const outcome = await this.execute(request.language, runPlan(request.language, request.files, request.entry, limits, harnessFiles(request.language)), limits, options);
    return { ...this.toRunResult(request.language, outcome, limits), waitMs: outcome.waitMs };
  }

  async check(request: CheckRequest, options: ExecOptions = {}): Promise<CheckResult & { waitMs: number }> {
    await this.ready();
    const missing = await this.missingImage(request.language);
    if (missing) return { status: 'error', message: missing.message, tests: [], durationMs: 0, driver: 'docker', run: missing, waitMs: 0 };
    const base = resolveLimits(request.limits);
    const limits = { ...base, timeoutMs: base.timeoutMs + checkExtraMs };
    const plan = checkPlan(request.language, request.files, request.tests, harnessFiles(request.language), limits);
    const outcome = await this.execute(request.language, plan, limits, options);
    const run = this.toRunResult(request.language, outcome, limits);
    const checked = checkResultFrom(outcome.results, run);
    return { ...checked, durationMs: outcome.durationMs, driver: this.driver.name, waitMs: outcome.waitMs };
  }

  async status(): Promise<SandboxStatus> {
    await this.ready();
    return {
      driver: this.driver.name,
      isolated: this.driver.isolated,
      detail: this.detail,
      images: this.docker ? sandboxLanguages.map((language) => ({ language, tag: runnerImage(language).ref, present: this.imagesPresent.get(language) ?? false })) : [],
      warm: this.driver.warmLanguages(),
      builds: [...this.builds.values()],
    };
  }

  /** The status after looking at the images again (an image may have been built meanwhile). */
  async refreshedStatus(): Promise<SandboxStatus> {
    await this.ready();
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
      if (useOffline) await buildImageOffline(this.docker, image, { onProgress: report });
      else await buildImageOnline(this.docker, image, { onProgress: report });
      this.imagesPresent.set(language, true);
      if (this.driver instanceof DockerDriver) this.driver.prewarm([language]);
    } catch (error) {
      report({ language, state: 'failed', percent: this.builds.get(language)?.percent ?? 0, step: 'Build failed', error: (error as Error).message });
      throw error;
    }
  }

  /** Resolves when the pool has finished cleaning, removing and replacing containers (for tests and benchmarks). */
  async settled(): Promise<void> {
    await this.starting?.catch(() => undefined);
    if (this.driver instanceof DockerDriver) await this.driver.settled();
  }

  async close(): Promise<void> {
    // Never started (nothing ran): there is nothing to close, and no reason to ask Docker now.
    await this.starting?.catch(() => undefined);
    await this.driver.close();
  }
}
