// The Docker driver: every run in a locked-down container (no network, read-only root,
// tmpfs work dir, no capabilities, non-root, pids/memory/CPU/ulimits, no logs, no mounts).
// A warm pool keeps started containers per language, each with the next run's process already
// started (an "armed" exec waiting on its stdin), so a Run costs no `docker exec` of its own.
// Code goes in as a tar stream on that exec's stdin; afterwards every process of the learner
// user is killed and the work dir wiped, and a container that hit a limit is thrown away.
// A container lives only as long as its owner: its keep-alive process reads a stdin the
// owner holds open, so it ends (and Docker removes the container) when the owner dies; and
// containers whose owner is gone are reaped at start and every minute besides.
// Over 350 lines on purpose: the container's whole lifecycle (create, exec, clean, reap) in one
// place, so each lock-down can be read beside the step it protects.
import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import type { SandboxLanguage } from '../../preload/contract/sandbox';
import { currentOwner, liveProcesses, ownerLabelsOf, ownerVerdict, type ContainerOwner, type ProcessProbe } from './container-owner';
import type { ExecOptions, ExecOutcome, ExecSpec, SandboxDriver } from './driver';
import { defaultLimits, type SandboxLimits } from './limits';
import { DockerStreamDemuxer, OutputCollector } from './output-collector';
import type { RunEnd } from './run-outcome';
import { tarArchive } from './tar-archive';
import { containerWchanCommand, readsInput } from './input-wait';
import { wallClock } from './stdin-feed';
import { messageOf } from '../../preload/contract/errors';

export const sandboxLabel = 'dronacharya.sandbox';

const WORK_DIR = '/work';
/** The learner's code runs as this user; the container's keep-alive process as another, out of its reach. */
const LEARNER_USER = '1000:1000';
const KEEPER_USER = '1001:1001';
const RUN_ENV = ['HOME=/work', 'TMPDIR=/work', 'PATH=/usr/local/bin:/usr/bin:/bin', 'LANG=C.UTF-8'];

/**
 * The armed exec: reads a line with the archive's size and a line with the command, unpacks the
 * archive (head reads its bytes and not one more, as tar would drain the pipe, so what follows on
 * the same stdin is the program's standard input), then becomes the command.
 */
const armedScript = [
  'IFS= read -r size || exit 0',
  'IFS= read -r command || exit 0',
  'head -c "$size" | tar -xf - -m --no-same-owner --no-same-permissions && eval "$command"',
].join('; ');

const shellWord = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The armed exec's command line: `env` exported, then `argv` in place of the shell. Pure. */
export function armedCommand(argv: readonly string[], env: Readonly<Record<string, string>>): string {
  for (const [name, value] of Object.entries(env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an environment variable name: ${JSON.stringify(name)}`);
    if (/[\n\0]/.test(value)) throw new Error(`a line break in the environment variable ${name}`);
  }
  if (argv.some((word) => /[\n\0]/.test(word))) throw new Error(`a line break in the command: ${JSON.stringify(argv)}`);
  return [...Object.entries(env).map(([name, value]) => `export ${name}=${shellWord(value)};`), 'exec', ...argv.map(shellWord)].join(' ');
}

/** A container's memory limit, swap included (no swap): set at creation, and changed in place for a run that asks for another. */
const memoryLimit = (limits: SandboxLimits) => ({ Memory: limits.memoryBytes, MemorySwap: limits.memoryBytes });

export function containerSpec(image: string, language: SandboxLanguage, limits: SandboxLimits, owner: ContainerOwner): Docker.ContainerCreateOptions {
  return {
    Image: image,
    // Waits for the end of the stdin the owner attaches (StdinOnce: closed when the owner's
    // connection goes, whatever ended the owner), then the container exits and is removed.
    Cmd: ['sh', '-c', 'exec cat >/dev/null'],
    OpenStdin: true,
    StdinOnce: true,
    AttachStdin: true,
    User: KEEPER_USER,
    WorkingDir: WORK_DIR,
    Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'LANG=C.UTF-8'],
    Labels: { [sandboxLabel]: language, ...ownerLabelsOf(owner) },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: { [WORK_DIR]: `rw,noexec,nosuid,nodev,size=${limits.workDirBytes},uid=1000,gid=1000,mode=0700` },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true,
      PidsLimit: limits.pids,
      ...memoryLimit(limits),
      NanoCpus: Math.round(limits.cpus * 1e9),
      Ulimits: [
        { Name: 'nofile', Soft: limits.openFiles, Hard: limits.openFiles },
        { Name: 'fsize', Soft: limits.fileBytes, Hard: limits.fileBytes },
        { Name: 'core', Soft: 0, Hard: 0 },
      ],
      LogConfig: { Type: 'none', Config: {} },
      IpcMode: 'none',
      Binds: [],
      AutoRemove: true,
    },
  };
}

// Runs as the learner user: SIGKILL every process it may signal (all of the learner's,
// never pid 1 or the keeper), until none is left, then empty the work dir and remove the
// System V IPC objects and POSIX message queues a run left in the container's IPC namespace
// (only the learner can make them, so the learner can remove them all; there is no /dev/shm).
// Prints "clean" only when all of it holds, else the container is replaced.
const cleanupScript = `
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  kill -9 -1 2>/dev/null
  left=0
  for p in /proc/[0-9]*; do
    [ "\${p#/proc/}" = "$$" ] && continue
    [ -O "$p" ] && left=$((left+1))
  done
  [ $left -eq 0 ] && break
  sleep 0.02
done
find ${WORK_DIR} -mindepth 1 -delete 2>/dev/null
ipcrm --all 2>/dev/null
find /dev/mqueue -mindepth 1 -delete 2>/dev/null
ipc=$(cat /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem 2>/dev/null | wc -l)
if [ $left -eq 0 ] && [ -z "$(ls -A ${WORK_DIR})" ] && [ "$ipc" -eq 3 ] && [ -z "$(ls -A /dev/mqueue)" ]; then echo clean;
else echo "dirty: $left process(es), $((ipc - 3)) IPC object(s) left"; fi
`;

/** The next run's process, started as the learner in a clean container, waiting for its stdin. */
interface Armed {
  readonly exec: Docker.Exec;
  readonly stream: Duplex;
}

interface Warm {
  readonly container: Docker.Container;
  /** The stdin the container's keep-alive process reads: the container lives while it is open. */
  readonly lifeline: Duplex;
  readonly language: SandboxLanguage;
  readonly limits: SandboxLimits;
  readonly armed: Armed;
}

export interface DockerDriverOptions {
  readonly docker: Docker;
  readonly imageFor: (language: SandboxLanguage) => string;
  /** Keep started containers ready per language (the app); off for one-shot CLI runs. */
  readonly warm?: boolean;
  readonly log?: (message: string) => void;
  /** The app's data folder, hashed into the containers' owner label. */
  readonly dataDir?: string;
  /** How often to remove containers whose owner is gone; 0: never (default: every minute). */
  readonly reapIntervalMs?: number;
  readonly probe?: ProcessProbe;
}

/** Reads what an exec prints, demultiplexed, up to `limitBytes` of stdout; resolves when it ends. */
async function execCollect(
  container: Docker.Container,
  cmd: string[],
  limitBytes = 64 * 1024,
): Promise<{ stdout: string; exitCode: number | null; truncated: boolean }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, User: LEARNER_USER, WorkingDir: WORK_DIR });
  const stream = (await exec.start({ hijack: true, stdin: false })) as Duplex;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  const demuxer = new DockerStreamDemuxer((name, payload) => {
    if (name !== 'stdout' || truncated) return;
    if (bytes + payload.length > limitBytes) {
      truncated = true;
      stream.destroy();
      return;
    }
    bytes += payload.length;
    chunks.push(Buffer.from(payload));
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const info = await exec.inspect();
  return { stdout: Buffer.concat(chunks).toString('utf8'), exitCode: info.ExitCode ?? null, truncated };
}

/**
 * Containers kept started per language: the next Run's, and a spare, so that a Run right after
 * another takes the spare instead of waiting for the used container's cleanup (or, after a limit,
 * for a new container).
 */
const POOL_SIZE = 2;

export class DockerDriver implements SandboxDriver {
  readonly name = 'docker' as const;
  readonly isolated = true;
  private readonly docker: Docker;
  private readonly warmEnabled: boolean;
  /** Per language, oldest first: containers starting, started, or being cleaned for reuse. */
  private readonly ready = new Map<SandboxLanguage, Promise<Warm | null>[]>();
  private readonly live = new Map<Docker.Container, Duplex | null>();
  private closed = false;
  private readonly owner: Promise<ContainerOwner>;
  private readonly reaper: NodeJS.Timeout | null;

  constructor(private readonly options: DockerDriverOptions) {
    this.docker = options.docker;
    this.warmEnabled = options.warm ?? true;
    this.owner = currentOwner(options.dataDir);
    const every = options.reapIntervalMs ?? 60_000;
    const reapLogged = (): Promise<number> =>
      this.reap().catch((error) => {
        if (!this.closed) this.options.log?.(`could not remove stale sandbox containers: ${messageOf(error)}`);
        return 0;
      });
    this.reaper = every > 0 ? setInterval(() => this.track(reapLogged()), every).unref() : null;
  }

  /** Removes containers whose owner is gone (a crashed or killed app's); returns how many. */
  async reap(): Promise<number> {
    const removed = await removeStaleContainers(this.docker, await this.owner, this.options.probe);
    if (removed && !this.closed) this.options.log?.(`removed ${removed} sandbox container(s) left by an app that is no longer running`);
    return removed;
  }

  /**
   * Starts the warm containers in the background: one per language first, and the spares once
   * those have started, so that the first Run after start-up waits for one container's start, not
   * for its share of every container starting at once.
   */
  prewarm(languages: readonly SandboxLanguage[]): void {
    if (!this.warmEnabled) return;
    const firsts = languages.map((language) => {
      const pool = this.pool(language);
      if (pool.length === 0) this.replenish(language, 1);
      return pool[0];
    });
    this.track(Promise.allSettled(firsts).then(() => languages.forEach((language) => this.replenish(language))));
  }

  warmLanguages(): SandboxLanguage[] {
    return [...this.ready].filter(([, pool]) => pool.length > 0).map(([language]) => language);
  }

  private async create(language: SandboxLanguage, limits: SandboxLimits): Promise<Warm> {
    const container = await this.docker.createContainer(containerSpec(this.options.imageFor(language), language, limits, await this.owner));
    this.live.set(container, null);
    try {
      // Attached before the start, as `docker run -i` does, so the keep-alive never runs without it.
      const lifeline = (await container.attach({ stream: true, stdin: true, hijack: true })) as Duplex;
      lifeline.on('error', () => undefined);
      this.live.set(container, lifeline);
      await container.start();
      return { container, lifeline, language, limits, armed: await arm(container) };
    } catch (error) {
      await this.discard(container);
      throw error;
    }
  }

  private pool(language: SandboxLanguage): Promise<Warm | null>[] {
    let pool = this.ready.get(language);
    if (!pool) this.ready.set(language, (pool = []));
    return pool;
  }

  private drop(language: SandboxLanguage, entry: Promise<Warm | null>): void {
    const pool = this.pool(language);
    if (pool.includes(entry)) pool.splice(pool.indexOf(entry), 1);
  }

  /** Starts containers until the pool for `language` holds `size` (default: full). */
  private replenish(language: SandboxLanguage, size = POOL_SIZE): void {
    const pool = this.pool(language);
    while (!this.closed && this.warmEnabled && pool.length < size) {
      const pending: Promise<Warm | null> = this.create(language, defaultLimits).catch((error: Error) => {
        this.options.log?.(`could not start a warm ${language} container: ${error.message}`);
        this.drop(language, pending);
        return null;
      });
      pool.push(pending);
      this.track(pending);
    }
  }

  private async acquire(language: SandboxLanguage, limits: SandboxLimits): Promise<Warm> {
    const pool = this.pool(language);
    while (pool.length > 0) {
      const warm = await pool.shift()!;
      // A container whose lifeline (or armed exec) broke has ended (or is ending) on its own.
      const fitted = warm && !warm.lifeline.closed && !warm.armed.stream.closed ? await this.fitMemory(warm, limits) : null;
      if (fitted) return fitted;
      if (warm) await this.discard(warm.container);
      this.replenish(language);
    }
    return this.create(language, limits);
  }

  /**
   * `warm` with the memory limit `limits` asks for (an exercise may set its own), changed in place
   * (`docker update`: a cgroup write, where a new container took seconds); null when Docker refused.
   */
  private async fitMemory(warm: Warm, limits: SandboxLimits): Promise<Warm | null> {
    if (warm.limits.memoryBytes === limits.memoryBytes) return warm;
    try {
      await warm.container.update(memoryLimit(limits));
      return { ...warm, limits: { ...warm.limits, memoryBytes: limits.memoryBytes } };
    } catch (error) {
      if (!this.closed) this.options.log?.(`could not set a warm container's memory limit (${messageOf(error)}); replacing it`);
      return null;
    }
  }

  private async discard(container: Docker.Container): Promise<void> {
    const lifeline = this.live.get(container);
    this.live.delete(container);
    // Already gone, or Docker went away: the reaper removes what is left by its label.
    await container.remove({ force: true }).catch(() => undefined);
    lifeline?.destroy();
  }

  /**
   * Cleans a used container and keeps it warm, or throws it away and starts a new one. The
   * pool slot holds the cleaning at once, so the next Run waits for it instead of creating a container.
   */
  private release(warm: Warm, reusable: boolean): void {
    const pool = this.pool(warm.language);
    const keep = reusable && this.warmEnabled && !this.closed && pool.length < POOL_SIZE;
    if (!keep) {
      this.track(this.discard(warm.container).then(() => this.replenish(warm.language)));
      return;
    }
    const slot: { cleaning?: Promise<Warm | null> } = {};
    const cleaned = (async (): Promise<Warm | null> => {
      try {
        const result = await execCollect(warm.container, ['sh', '-c', cleanupScript]);
        // Armed only now: the cleanup kills every process of the learner user.
        if (result.stdout.trim() === 'clean') return { ...warm, armed: await arm(warm.container) };
        if (!this.closed) this.options.log?.(`sandbox container not reusable (${result.stdout.trim()}); replacing it`);
      } catch {
        // A container that cannot be cleaned is not reused.
      }
      this.drop(warm.language, slot.cleaning!);
      await this.discard(warm.container);
      this.replenish(warm.language);
      return null;
    })();
    slot.cleaning = cleaned;
    pool.push(cleaned);
    this.track(cleaned);
  }

  private readonly background = new Set<Promise<unknown>>();

  private track(work: Promise<unknown>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** Resolves when every cleanup, removal and replacement started so far has finished. */
  async settled(): Promise<void> {
    // Each task reports its own failure where it is made; this only waits for them to end.
    while (this.background.size) await Promise.all([...this.background].map((work) => work.catch(() => null)));
  }

  async execute(spec: ExecSpec, options: ExecOptions = {}): Promise<ExecOutcome> {
    const queued = Date.now();
    let warm: Warm;
    try {
      warm = await this.acquire(spec.language, spec.limits);
    } catch (error) {
      return {
        end: {
          kind: 'sandbox-error',
          detail: `Could not start a sandbox container: ${messageOf(error)}. Check that Docker is running (drona sandbox status).`,
        },
        stdout: '',
        stderr: '',
        truncated: false,
        durationMs: 0,
        waitMs: Date.now() - queued,
        workDir: WORK_DIR,
      };
    }
    const started = Date.now();
    const collector = new OutputCollector(spec.limits.outputBytes, options.onOutput);
    let forced: RunEnd | null = null;
    let stream: Duplex | null = null;
    const force = (end: RunEnd) => {
      if (forced) return;
      forced = end;
      // The only sure way to stop everything an exec started: kill the container.
      // Already stopped: the exec ends either way, and the container is not reused.
      void warm.container.kill().catch(() => undefined);
      stream?.destroy();
    };
    const clock = wallClock(
      spec.limits.timeoutMs,
      () => force({ kind: 'timeout' }),
      options.stdin,
      async () => readsInput((await execCollect(warm.container, containerWchanCommand)).stdout.split('\n')),
    );
    const onAbort = () => force({ kind: 'stopped' });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let end: RunEnd;
    let results: string | undefined;
    try {
      if (options.signal?.aborted) onAbort();
      const archive = tarArchive(spec.files);
      const { exec } = warm.armed;
      stream = warm.armed.stream;
      const demuxer = new DockerStreamDemuxer((name, payload) => {
        if (!collector.push(name, payload)) force({ kind: 'output-limit' });
      });
      const ended = new Promise<void>((resolve) => {
        // Ended while it waited (the container went): 'end' and 'close' have been and gone.
        if (stream!.readableEnded || stream!.destroyed) resolve();
        stream!.on('data', (chunk: Buffer) => demuxer.push(chunk));
        stream!.on('end', resolve);
        stream!.on('close', resolve);
        stream!.on('error', () => resolve());
      });
      const input = stream;
      input.write(`${archive.length}\n${armedCommand(spec.argv, spec.env)}\n`);
      if (options.stdin) {
        input.write(archive);
        options.stdin.attach(
          (text) => input.write(text),
          () => input.end(),
        );
      } else input.end(archive);
      await ended;
      if (forced) end = forced;
      else {
        // Both at once: the report does not wait for the exit status's round trip.
        const resultsFile = spec.resultsFile;
        const [info, read] = await Promise.all([
          exec.inspect(),
          // The learner's code may write this file too: a report past the output cap is not read.
          resultsFile ? execCollect(warm.container, ['cat', resultsFile], spec.limits.outputBytes) : null,
        ]);
        end = { kind: 'exited', exitCode: info.ExitCode ?? null };
        if (read?.exitCode === 0 && !read.truncated) results = read.stdout;
      }
    } catch (error) {
      end = forced ?? {
        kind: 'sandbox-error',
        detail: `The sandbox failed while running your code: ${messageOf(error)}. Try again; if it keeps happening, restart Docker.`,
      };
    } finally {
      clock.clear();
      options.signal?.removeEventListener('abort', onAbort);
    }
    collector.finish();
    const durationMs = Date.now() - started;
    const hitLimit = end.kind !== 'exited' || end.exitCode === 137;
    this.release(warm, !hitLimit);
    return {
      end,
      stdout: collector.stdout,
      stderr: collector.stderr,
      truncated: collector.truncated,
      durationMs,
      waitMs: started - queued,
      workDir: WORK_DIR,
      ...(results !== undefined ? { results } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reaper) clearInterval(this.reaper);
    const pending = [...[...this.ready.values()].flat(), ...this.background];
    this.ready.clear();
    // Closing only waits for these; their failures were reported where they were started.
    await Promise.all(pending.map((entry) => Promise.resolve(entry).catch(() => null)));
    await Promise.all([...this.live.keys()].map((container) => this.discard(container)));
  }
}

/** Starts the next run's process in `container` (see armedScript). */
async function arm(container: Docker.Container): Promise<Armed> {
  const exec = await container.exec({
    Cmd: ['sh', '-c', armedScript],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    User: LEARNER_USER,
    WorkingDir: WORK_DIR,
    Env: RUN_ENV,
  });
  const stream = (await exec.start({ hijack: true, stdin: true })) as Duplex;
  // Its failures show when a run uses it (or it is never used: its container is removed).
  stream.on('error', () => undefined);
  return { exec, stream };
}

/** Removes sandbox containers whose owner is gone (see ownerVerdict); returns how many. */
export async function removeStaleContainers(docker: Docker, self: ContainerOwner, probe: ProcessProbe = liveProcesses): Promise<number> {
  const containers = await docker.listContainers({ all: true, filters: { label: [sandboxLabel] } });
  let removed = 0;
  for (const info of containers) {
    if ((await ownerVerdict(info.Labels, self, probe)) !== 'gone') continue;
    await docker
      .getContainer(info.Id)
      .remove({ force: true })
      .then(() => (removed += 1))
      // Removed meanwhile by another app, or still stopping: the next reap tries again.
      .catch(() => undefined);
  }
  return removed;
}

/** Docker answers within `timeoutMs`? Returns its version, or why not. */
export async function probeDocker(docker: Docker, timeoutMs = 2000): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await Promise.race([
      docker.version(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ok: true, version: version.Version };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}
