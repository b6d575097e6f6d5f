import fs from 'node:fs';
import path from 'node:path';
import type { SandboxFile, SandboxLanguage } from '../../preload/contract/sandbox';
import { sandboxRoot } from './runner-images';

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
