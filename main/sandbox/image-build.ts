// Builds a runner image without a registry: debootstrap a minimal Debian bookworm root with
// the Dockerfile's packages, add the two sandbox users, then `docker import` it under the
// content-hash tag. Progress is reported as debootstrap moves through its phases.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type { ImageBuildProgress } from '../../preload/contract/sandbox';
import type { RunnerImage } from './runner-images';

const DEFAULT_MIRROR = 'http://deb.debian.org/debian';

/** Where the packages come from (DRONA_DEBIAN_MIRROR, DRONA_DEB_CACHE in the app's config). */
export interface OfflineBuildEnvironment {
  readonly debianMirror?: string;
  /** Where downloaded .deb files are kept between builds. */
  readonly debCacheDir?: string;
}

// debootstrap's phases and the share of the whole build each ends at.
const phases: { pattern: RegExp; start: number; end: number; step: string }[] = [
  { pattern: /^I: (Retrieving|Checking) (Release|Packages)/, start: 1, end: 5, step: 'Reading the package index' },
  { pattern: /^I: Resolving/, start: 5, end: 8, step: 'Resolving packages' },
  { pattern: /^I: (Retrieving|Validating) \S+ /, start: 8, end: 35, step: 'Downloading packages' },
  { pattern: /^I: Extracting/, start: 35, end: 50, step: 'Extracting packages' },
  { pattern: /^I: (Installing|Unpacking the base)/, start: 50, end: 60, step: 'Installing the base system' },
  { pattern: /^I: Unpacking \S+/, start: 60, end: 75, step: 'Unpacking packages' },
  { pattern: /^I: Configuring/, start: 75, end: 88, step: 'Configuring packages' },
  { pattern: /^I: Base system installed/, start: 88, end: 88, step: 'Base system installed' },
];

/** Progress after one debootstrap line, given the progress before it. Pure. */
export function progressAfter(line: string, previous: { percent: number; step: string }): { percent: number; step: string } {
  const phase = phases.find((entry) => entry.pattern.test(line));
  if (!phase) return previous;
  if (previous.percent < phase.start || previous.step !== phase.step) return { percent: Math.max(previous.percent, phase.start), step: phase.step };
  // Inside a phase: creep towards its end without reaching it.
  const percent = previous.percent + (phase.end - previous.percent) * 0.04;
  return { percent: Math.min(phase.end, percent), step: phase.step };
}

export async function imageExists(docker: Docker, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

function runLogged(command: string, args: string[], onLine: (line: string) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let tail = '';
    const feed = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) onLine(line.trim());
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${tail}`))));
  });
}

const passwdLines = 'learner:x:1000:1000:learner:/work:/usr/sbin/nologin\nkeeper:x:1001:1001:keeper:/:/usr/sbin/nologin\n';
const groupLines = 'learner:x:1000:\nkeeper:x:1001:\n';

/** The Dockerfile's steps after apt-get, done on the unpacked root. */
function finishRoot(root: string): void {
  fs.appendFileSync(path.join(root, 'etc/passwd'), passwdLines);
  fs.appendFileSync(path.join(root, 'etc/group'), groupLines);
  fs.mkdirSync(path.join(root, 'work'), { recursive: true });
  for (const junk of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/locale']) {
    fs.rmSync(path.join(root, junk), { recursive: true, force: true });
  }
}

export interface OfflineBuildOptions extends OfflineBuildEnvironment {
  readonly onProgress?: (progress: ImageBuildProgress) => void;
  readonly signal?: AbortSignal;
}

/** Builds `image` from Debian packages; needs root and debootstrap. Resolves when the image is tagged. */
export async function buildImageOffline(docker: Docker, image: RunnerImage, options: OfflineBuildOptions = {}): Promise<void> {
  const report = (percent: number, step: string) => options.onProgress?.({ language: image.language, state: 'running', percent: Math.round(percent), step });
  if (process.getuid?.() !== 0) {
    throw new Error('The offline image build runs debootstrap, which needs root. Run it as root: sudo drona sandbox build --offline');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `drona-rootfs-${image.language}-`));
  const root = path.join(work, 'root');
  const cache = options.debCacheDir ?? path.join(os.homedir(), '.cache', 'drona', 'debs');
  fs.mkdirSync(cache, { recursive: true });
  let progress = { percent: 0, step: 'Starting debootstrap' };
  report(0, progress.step);
  try {
    await runLogged(
      'debootstrap',
      ['--variant=minbase', `--include=${image.packages.join(',')}`, `--cache-dir=${cache}`, 'bookworm', root, options.debianMirror ?? DEFAULT_MIRROR],
      (line) => {
        const next = progressAfter(line, progress);
        if (next.step !== progress.step || Math.round(next.percent) !== Math.round(progress.percent)) report(next.percent, next.step);
        progress = next;
      },
      options.signal,
    );
    finishRoot(root);
    report(90, 'Importing into Docker');
    const tar = spawn('tar', ['-C', root, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const response = (await docker.importImage(
      tar.stdout as unknown as string,
      {
        repo: image.repository,
        tag: image.tag,
        changes: ['USER 1001:1001', 'WORKDIR /work', 'ENV PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8'],
      } as object,
    )) as NodeJS.ReadableStream;
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(response, (error: Error | null) => (error ? reject(error) : resolve()));
    });
    if (!(await imageExists(docker, image.ref))) throw new Error(`docker import finished but ${image.ref} is missing`);
    options.onProgress?.({ language: image.language, state: 'done', percent: 100, step: `Built ${image.ref}` });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The online build: the Dockerfile against the official Debian slim image (needs a registry). */
export async function buildImageOnline(docker: Docker, image: RunnerImage, options: OfflineBuildOptions = {}): Promise<void> {
  options.onProgress?.({ language: image.language, state: 'running', percent: 5, step: 'docker build (pulling debian:bookworm-slim)' });
  const stream = await docker.buildImage({ context: image.contextDir, src: ['Dockerfile'] }, { t: image.ref });
  let steps = 0;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = error?.message ?? output.find((entry) => entry.error)?.error;
        if (failed) reject(new Error(failed));
        else resolve();
      },
      (event: { stream?: string }) => {
        if (event.stream?.startsWith('Step ')) {
          steps += 1;
          options.onProgress?.({ language: image.language, state: 'running', percent: Math.min(95, 5 + steps * 15), step: event.stream.trim() });
        }
      },
    );
  });
  options.onProgress?.({ language: image.language, state: 'done', percent: 100, step: `Built ${image.ref}` });
}
