// Which runner image each language uses. The Dockerfile in sandbox/images/<lang>/ is the one
// recipe: its apt packages are what the offline build installs too, and its content hash
// is the image tag, so a changed recipe means a new image and an unchanged one is reused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxLanguage } from '../../preload/contract/sandbox';
import { packageRoot } from '../app/package-info';

/** Bumped when the offline build's own steps change in a way that changes the image. */
const OFFLINE_BUILD_REVISION = 1;

export interface RunnerImage {
  readonly language: SandboxLanguage;
  readonly repository: string;
  readonly tag: string;
  /** repository:tag */
  readonly ref: string;
  readonly dockerfile: string;
  readonly contextDir: string;
  readonly packages: string[];
}

export const sandboxRoot = (root = packageRoot()) => path.join(root, 'sandbox');
/** Where the build leaves the Python snapshot it made (scripts/python-snapshot.ts), shipped with the app. */
export const shippedSnapshotDir = (root = packageRoot()) => path.join(root, 'dist', 'python-snapshot');

/** The apt packages a Dockerfile installs (`apt-get install ... <names>` on one logical line). */
export function aptPackages(dockerfile: string): string[] {
  const joined = dockerfile.replace(/\\\r?\n/g, ' ');
  const match = /apt-get install\s+([^&\n]+)/.exec(joined);
  if (!match) throw new Error('the runner Dockerfile has no "apt-get install" line');
  return match[1]!
    .trim()
    .split(/\s+/)
    .filter((word) => !word.startsWith('-'));
}

export function runnerImage(language: SandboxLanguage, root = packageRoot()): RunnerImage {
  const contextDir = path.join(sandboxRoot(root), 'images', language);
  const dockerfile = fs.readFileSync(path.join(contextDir, 'Dockerfile'), 'utf8');
  const tag = crypto.createHash('sha256').update(`${OFFLINE_BUILD_REVISION}\n${dockerfile}`).digest('hex').slice(0, 12);
  const repository = `drona-runner-${language}`;
  return { language, repository, tag, ref: `${repository}:${tag}`, dockerfile, contextDir, packages: aptPackages(dockerfile) };
}
